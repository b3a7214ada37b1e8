import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, due, dueIso, link, linkText. */
export const actionReminderTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
An action assigned to you is due soon.

{{> textActionSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">An action assigned to you is due soon.</p>
{{> actionSummary}}
{{/layout}}`,
};
