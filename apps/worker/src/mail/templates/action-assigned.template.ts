import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, due, dueIso, link, linkText. */
export const actionAssignedTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
An action has been assigned to you. It was reassigned from its previous owner and its due date has not changed. Please open it and acknowledge it in the safeguarding service.

{{> textActionSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">An action has been assigned to you. It was reassigned from its previous owner and its due date has not changed. Please open it and acknowledge it in the safeguarding service.</p>
{{> actionSummary}}
{{/layout}}`,
};
