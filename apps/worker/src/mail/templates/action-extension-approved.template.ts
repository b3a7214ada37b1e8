import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, due, dueIso, link, linkText. */
export const actionExtensionApprovedTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
Your request for more time to complete this action has been approved. The new due date is shown below.

{{> textActionSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">Your request for more time to complete this action has been approved. The new due date is shown below.</p>
{{> actionSummary}}
{{/layout}}`,
};
