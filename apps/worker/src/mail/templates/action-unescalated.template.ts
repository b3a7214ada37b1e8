import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, due, dueIso, link, linkText. */
export const actionUnescalatedTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
An action that is past its due date could not be escalated: nobody active holds any of the roles its escalation falls back through (the owner's line manager, their agency's heads of service and designated safeguarding leads, the local authority's safeguarding leads). Please make sure someone picks it up, and correct the directory.

{{> textActionSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">An action that is past its due date could not be escalated: nobody active holds any of the roles its escalation falls back through (the owner's line manager, their agency's heads of service and designated safeguarding leads, the local authority's safeguarding leads). Please make sure someone picks it up, and correct the directory.</p>
{{> actionSummary}}
{{/layout}}`,
};
