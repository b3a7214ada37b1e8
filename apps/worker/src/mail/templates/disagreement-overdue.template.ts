import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, stage, due, dueIso, link, linkText. */
export const disagreementOverdueTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
Stage {{stage}} of a professional disagreement you are taking part in has passed its timescale without being resolved. Please open it and agree the next steps.

{{> textDisagreementSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">Stage {{stage}} of a professional disagreement you are taking part in has passed its timescale without being resolved. Please open it and agree the next steps.</p>
{{> disagreementSummary}}
{{/layout}}`,
};
