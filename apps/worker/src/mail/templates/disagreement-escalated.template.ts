import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, stage (the one it has moved to), due, dueIso, link, linkText. */
export const disagreementEscalatedTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
A professional disagreement you are involved in has moved up to stage {{stage}} of the escalation protocol. The people taking part at that stage have been asked to respond by {{due}}.

{{> textDisagreementSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">A professional disagreement you are involved in has moved up to stage {{stage}} of the escalation protocol. The people taking part at that stage have been asked to respond by {{due}}.</p>
{{> disagreementSummary}}
{{/layout}}`,
};
