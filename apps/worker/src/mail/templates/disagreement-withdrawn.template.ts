import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, stage (the one it was withdrawn at), due and dueIso (unset), link, linkText. */
export const disagreementWithdrawnTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
A professional disagreement you are involved in has been withdrawn at stage {{stage}}. You do not need to do anything more. The reason is recorded in the safeguarding service.

{{> textDisagreementSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">A professional disagreement you are involved in has been withdrawn at stage {{stage}}. You do not need to do anything more. The reason is recorded in the safeguarding service.</p>
{{> disagreementSummary}}
{{/layout}}`,
};
