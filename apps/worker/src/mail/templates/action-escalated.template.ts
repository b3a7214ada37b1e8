import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, due, dueIso, link, linkText. */
export const actionEscalatedTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
An action that is past its due date has been escalated to you. Please review it and agree the next steps.

{{> textActionSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">An action that is past its due date has been escalated to you. Please review it and agree the next steps.</p>
{{> actionSummary}}
{{/layout}}`,
};
