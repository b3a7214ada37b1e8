/**
 * The shared frame of every email, as Handlebars partials. The HTML is written for screen readers
 * and small screens: `lang="en"`, one heading, text rather than images, a link whose text says
 * where it goes, GOV.UK colours (text #0b0c0c on white ≈ 19:1, link #1d70b8 ≈ 5:1, footer #505a5f
 * ≈ 7:1) and inline styles only. No images, web fonts, tracking pixels or tracked links.
 *
 * Context: `title`, `link`, `linkText`; the body is the block the template passes in.
 */

export const FOOTER =
  'This message deliberately contains no personal details. ' +
  'Open the safeguarding service to see the case.';

export const htmlLayout = `<!doctype html><html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>{{title}}</title>
</head>
<body style="margin:0;padding:0;background-color:#ffffff;color:#0b0c0c;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.5;">
<div style="max-width:640px;margin:0 auto;padding:24px;">
<h1 style="margin:0 0 20px;font-size:28px;line-height:1.25;color:#0b0c0c;">{{title}}</h1>
{{> @partial-block}}
<p style="margin:0 0 20px;"><a href="{{link}}" style="color:#1d70b8;text-decoration:underline;">{{linkText}}</a></p>
<hr style="border:0;border-top:1px solid #b1b4b6;margin:30px 0 20px;">
<p style="margin:0;font-size:16px;color:#505a5f;">${FOOTER}</p>
</div>
</body>
</html>
`;

export const textLayout = `{{title}}

{{> @partial-block}}
{{linkText}}:
{{link}}

--
${FOOTER}
`;

/** The reference and due date of one action. Context: `reference`, `due`, `dueIso`. */
export const htmlActionSummary = `<p style="margin:0 0 20px;">Reference: <strong>{{reference}}</strong><br>
Due: <time datetime="{{dueIso}}">{{due}}</time></p>
`;

export const textActionSummary = `Reference: {{reference}}
Due: {{due}}
`;

/**
 * The reference and stage of one disagreement, and while a stage runs its due date. Context:
 * `reference`, `stage`, `due` and `dueIso` (both unset once it is resolved or withdrawn).
 */
export const htmlDisagreementSummary = `<p style="margin:0 0 20px;">Reference: <strong>{{reference}}</strong><br>
Stage: {{stage}} of 4{{#if due}}<br>
Stage due: <time datetime="{{dueIso}}">{{due}}</time>{{/if}}</p>
`;

export const textDisagreementSummary = `Reference: {{reference}}
Stage: {{stage}} of 4
{{#if due}}
Stage due: {{due}}
{{/if}}
`;
