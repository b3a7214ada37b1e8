import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, due, dueIso, link, linkText. */
export const actionOverdueTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
An action assigned to you is past its due date and is not yet marked complete.

{{> textActionSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">An action assigned to you is past its due date and is not yet marked complete.</p>
{{> actionSummary}}
{{/layout}}`,
};
