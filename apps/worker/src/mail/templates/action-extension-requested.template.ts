import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, due, dueIso, link, linkText. */
export const actionExtensionRequestedTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
The owner of this action has asked for more time to complete it. As the meeting chair or safeguarding lead, please open the action to approve the request with a new due date, or to refuse it. The current due date is shown below.

{{> textActionSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">The owner of this action has asked for more time to complete it. As the meeting chair or safeguarding lead, please open the action to approve the request with a new due date, or to refuse it. The current due date is shown below.</p>
{{> actionSummary}}
{{/layout}}`,
};
