import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, due, dueIso, link, linkText. */
export const actionDueTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
An action assigned to you has reached its due date.

{{> textActionSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">An action assigned to you has reached its due date.</p>
{{> actionSummary}}
{{/layout}}`,
};
