import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, due, dueIso, link, linkText. */
export const actionExtensionRefusedTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
Your request for more time to complete this action has been refused. The due date has not changed.

{{> textActionSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">Your request for more time to complete this action has been refused. The due date has not changed.</p>
{{> actionSummary}}
{{/layout}}`,
};
