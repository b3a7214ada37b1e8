import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, due, dueIso, link, linkText. */
export const actionCancelledTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
An action assigned to you has been cancelled. You do not need to do anything more. The reason for cancelling it is recorded in the safeguarding service.

{{> textActionSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">An action assigned to you has been cancelled. You do not need to do anything more. The reason for cancelling it is recorded in the safeguarding service.</p>
{{> actionSummary}}
{{/layout}}`,
};
