import { HttpStatus } from '@nestjs/common';
import { ACTION_LINK_LIFETIME_DAYS, type ActionLinkVerb } from '@safeguard/platform';

/** A whole HTML page and the status it is served with. */
export interface LinkPage {
  status: HttpStatus;
  html: string;
}

interface VerbWording {
  question(reference: string): string;
  button: string;
  done(reference: string): string;
}

/** What the pages say for each verb: a new verb does not compile until it has its wording. */
const WORDING: Record<ActionLinkVerb, VerbWording> = {
  complete: {
    question: (reference) => `Mark ${reference} as complete?`,
    button: 'Mark as complete',
    done: (reference) => `${reference} is marked complete`,
  },
  acknowledge: {
    question: (reference) => `Acknowledge ${reference}?`,
    button: 'Acknowledge',
    done: (reference) => `${reference} is acknowledged`,
  },
};

const SIGN_IN = 'To see or update the action, sign in to the safeguarding service.';
const UNCHANGED = 'Nothing has been changed.';

/**
 * The pages of an action link: the reference and the verb at most, never anything about the case
 * or the people in it (like the email the link came in). Refusals say why in plain words.
 */
export const LINK_PAGES = {
  confirm: (reference: string, verb: ActionLinkVerb) =>
    page(
      HttpStatus.OK,
      WORDING[verb].question(reference),
      ['Nothing changes until you press the button.'],
      WORDING[verb].button,
    ),
  done: (reference: string, verb: ActionLinkVerb) =>
    page(HttpStatus.OK, WORDING[verb].done(reference), [
      'Thank you: this has been recorded in your name. You can close this page.',
    ]),
  invalid: page(HttpStatus.NOT_FOUND, 'This link is not valid', [
    `Check that you opened the whole link from the email. ${UNCHANGED}`,
    SIGN_IN,
  ]),
  expired: page(HttpStatus.GONE, 'This link has expired', [
    `Links in reminder emails work for ${ACTION_LINK_LIFETIME_DAYS} days. ${UNCHANGED}`,
    SIGN_IN,
  ]),
  used: page(HttpStatus.GONE, 'This link has already been used', [
    `Each link works once. ${UNCHANGED}`,
    SIGN_IN,
  ]),
  notYours: page(HttpStatus.GONE, 'This action is no longer yours', [
    `It has passed to someone else, or your account is no longer active. ${UNCHANGED}`,
  ]),
  alreadyComplete: page(HttpStatus.CONFLICT, 'This action is already complete', [
    UNCHANGED,
    SIGN_IN,
  ]),
  cancelled: page(HttpStatus.CONFLICT, 'This action has been cancelled', [UNCHANGED, SIGN_IN]),
  /**
   * The workflow refused the verb at this stage; `reason` is its own (a fixed sentence of the
   * domain's, such as "the action has already been acknowledged"), never anything from the case.
   */
  refused: (reason: string) =>
    page(HttpStatus.CONFLICT, 'This cannot be done now', [asSentence(reason), UNCHANGED, SIGN_IN]),
  unavailable: page(HttpStatus.SERVICE_UNAVAILABLE, 'Please try again later', [
    'The service could not finish this just now. Try the link again in a few minutes.',
  ]),
};

/** "the action is already completed" → "The action is already completed." */
function asSentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}`;
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * GOV.UK colours and a visible focus ring. The form posts back to the page's own URL, so it
 * carries nothing but the token already in it. No scripts: the CSP forbids inline ones anyway.
 */
function page(
  status: HttpStatus,
  heading: string,
  paragraphs: string[],
  button?: string,
): LinkPage {
  const form = button
    ? `<form method="post"><button type="submit">${escapeHtml(button)}</button></form>\n`
    : '';
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(heading)} – Safeguarding service</title>
<style>
body{margin:0;color:#0b0c0c;background:#fff;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.5}
main{max-width:640px;margin:0 auto;padding:24px}
h1{margin:0 0 20px;font-size:32px;line-height:1.25}
p{margin:0 0 20px}
button{font:inherit;color:#fff;background:#00703c;border:2px solid transparent;box-shadow:0 2px 0 #002d18;padding:8px 10px 7px;cursor:pointer}
button:focus{outline:3px solid transparent;color:#0b0c0c;background:#fd0;box-shadow:0 2px 0 #0b0c0c}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(heading)}</h1>
${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')}
${form}</main>
</body>
</html>
`;
  return { status, html };
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}
