import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, due, dueIso, link, linkText. */
export const actionOwnerUnreachableTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
A reminder about this action could not be delivered to the person who owns it. As their line manager, please make sure it is done, or have it reassigned.

{{> textActionSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">A reminder about this action could not be delivered to the person who owns it. As their line manager, please make sure it is done, or have it reassigned.</p>
{{> actionSummary}}
{{/layout}}`,
};
