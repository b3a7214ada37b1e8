import type { EmailTemplateSource } from '../renderer';

/**
 * Context: title, reference, due, dueIso, link, linkText, acknowledgeLink, acknowledgeLinkText,
 * acknowledgeLinkDays. The acknowledge link acts as the recipient (always the owner) without
 * sign-in, so the email says so and asks not to forward it.
 */
export const actionReminderTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
An action assigned to you is due soon.

{{> textActionSummary}}

Seen it? {{acknowledgeLinkText}}:
{{acknowledgeLink}}
You will be asked to confirm. The link works once, for {{acknowledgeLinkDays}} days, without signing in, so please do not forward this email.

{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">An action assigned to you is due soon.</p>
{{> actionSummary}}
<p style="margin:0 0 20px;">Seen it? <a href="{{acknowledgeLink}}" style="color:#1d70b8;text-decoration:underline;">{{acknowledgeLinkText}}</a><br>
You will be asked to confirm. The link works once, for {{acknowledgeLinkDays}} days, without signing in, so please do not forward this email.</p>
{{/layout}}`,
};
