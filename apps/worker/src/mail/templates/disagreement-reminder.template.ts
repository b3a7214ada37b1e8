import type { EmailTemplateSource } from '../renderer';

/** Context: title, reference, stage, due, dueIso, link, linkText. */
export const disagreementReminderTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
You are taking part in stage {{stage}} of a professional disagreement and have not yet acknowledged it. Please open it and acknowledge it by {{due}}.

{{> textDisagreementSummary}}

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">You are taking part in stage {{stage}} of a professional disagreement and have not yet acknowledged it. Please open it and acknowledge it by {{due}}.</p>
{{> disagreementSummary}}
{{/layout}}`,
};
