import type { EmailTemplateSource } from '../renderer';

/**
 * Context: title, summary, intro, hasItems, link, linkText, and items, each with title,
 * reference, due, dueIso, link, linkText.
 */
export const digestDailyTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{summary}}',
  text: `{{#> textLayout}}
{{intro}}

{{#each items}}
- {{title}}: {{reference}}
  Due: {{due}}
  {{linkText}}: {{link}}

{{/each}}
{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">{{intro}}</p>
{{#if hasItems}}
<ul style="margin:0 0 20px;padding-left:24px;">
{{#each items}}
<li style="margin:0 0 16px;"><strong>{{title}}</strong>: {{reference}}<br>
Due: <time datetime="{{dueIso}}">{{due}}</time><br>
<a href="{{link}}" style="color:#1d70b8;text-decoration:underline;">{{linkText}}</a></li>
{{/each}}
</ul>
{{/if}}
{{/layout}}`,
};
