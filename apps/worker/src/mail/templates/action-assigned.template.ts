import type { EmailTemplateSource } from '../renderer';

/**
 * Context: title, reference, due, dueIso, link, linkText, acknowledgeLink (unset unless the
 * recipient is the owner), acknowledgeLinkText, acknowledgeLinkDays. The acknowledge link acts as
 * the recipient without sign-in, so the email says so and asks not to forward it.
 */
export const actionAssignedTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
An action has been assigned to you. It was reassigned from its previous owner and its due date has not changed. Please open it and acknowledge it in the safeguarding service.

{{> textActionSummary}}

{{#if acknowledgeLink}}
Seen it? {{acknowledgeLinkText}}:
{{acknowledgeLink}}
You will be asked to confirm. The link works once, for {{acknowledgeLinkDays}} days, without signing in, so please do not forward this email.

{{/if}}
{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">An action has been assigned to you. It was reassigned from its previous owner and its due date has not changed. Please open it and acknowledge it in the safeguarding service.</p>
{{> actionSummary}}
{{#if acknowledgeLink}}
<p style="margin:0 0 20px;">Seen it? <a href="{{acknowledgeLink}}" style="color:#1d70b8;text-decoration:underline;">{{acknowledgeLinkText}}</a><br>
You will be asked to confirm. The link works once, for {{acknowledgeLinkDays}} days, without signing in, so please do not forward this email.</p>
{{/if}}
{{/layout}}`,
};
