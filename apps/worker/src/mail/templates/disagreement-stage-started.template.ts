import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, stage, due, dueIso, link, linkText. */
export const disagreementStageStartedTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
A professional disagreement has reached stage {{stage}} of the escalation protocol and you are taking part. Please open it, read what has been written and acknowledge it by {{due}}.

{{> textDisagreementSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">A professional disagreement has reached stage {{stage}} of the escalation protocol and you are taking part. Please open it, read what has been written and acknowledge it by {{due}}.</p>
{{> disagreementSummary}}
{{/layout}}`,
};
