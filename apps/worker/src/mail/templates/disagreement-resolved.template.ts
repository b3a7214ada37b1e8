import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, stage (the one it was resolved at), due and dueIso (unset), link, linkText. */
export const disagreementResolvedTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
A professional disagreement you are involved in has been resolved at stage {{stage}}. The outcome and any actions agreed are recorded in the safeguarding service.

{{> textDisagreementSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">A professional disagreement you are involved in has been resolved at stage {{stage}}. The outcome and any actions agreed are recorded in the safeguarding service.</p>
{{> disagreementSummary}}
{{/layout}}`,
};
