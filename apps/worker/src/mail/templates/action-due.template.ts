import type { EmailTemplateSource } from '../renderer';

/**
 * Context: title, reference, due, dueIso, link, linkText, completeLink (unset for a deadline of a
 * Section 42 enquiry, which closes only through the enquiry), completeLinkText, completeLinkDays.
 * The complete link acts as the recipient without sign-in, so the email says so and asks not to
 * forward it.
 */
export const actionDueTemplate: EmailTemplateSource = {
  subject: '{{title}}: {{reference}}',
  text: `{{#> textLayout}}
An action assigned to you has reached its due date.

{{> textActionSummary}}

{{#if completeLink}}
Already done? {{completeLinkText}}:
{{completeLink}}
You will be asked to confirm. The link works once, for {{completeLinkDays}} days, without signing in, so please do not forward this email.

{{/if}}
{{/textLayout}}`,
  html: `{{#> layout}}
<p style="margin:0 0 20px;">An action assigned to you has reached its due date.</p>
{{> actionSummary}}
{{#if completeLink}}
<p style="margin:0 0 20px;">Already done? <a href="{{completeLink}}" style="color:#1d70b8;text-decoration:underline;">{{completeLinkText}}</a><br>
You will be asked to confirm. The link works once, for {{completeLinkDays}} days, without signing in, so please do not forward this email.</p>
{{/if}}
{{/layout}}`,
};
