import {
  ACTION_LINK_LIFETIME_DAYS,
  ACTION_LINK_PATH,
  type ActionLinkVerb,
} from '@safeguard/platform';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { ApiClient, ApiProblem } from '../api/api-client';

/** What the API answers about a link (ActionLinkView): the reference and the verb at most. */
interface ActionLinkAnswer {
  reference: string;
  verb: ActionLinkVerb;
  done: boolean;
}

interface LinkPage {
  status: number;
  heading: string;
  paragraphs: string[];
  /** The confirmation form's button; none once it has been used or cannot be. */
  button?: string;
}

/** What the pages say for each verb: a new verb does not compile until it has its wording. */
const WORDING: Record<
  ActionLinkVerb,
  { question(reference: string): string; button: string; done(reference: string): string }
> = {
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

/** Each refusal the API can give (its problem type's last part), in plain words. */
const REFUSALS: Record<string, Omit<LinkPage, 'status'>> = {
  'link-invalid': {
    heading: 'This link is not valid',
    paragraphs: [`Check that you opened the whole link from the email. ${UNCHANGED}`, SIGN_IN],
  },
  'link-expired': {
    heading: 'This link has expired',
    paragraphs: [
      `Links in reminder emails work for ${ACTION_LINK_LIFETIME_DAYS} days. ${UNCHANGED}`,
      SIGN_IN,
    ],
  },
  'link-used': {
    heading: 'This link has already been used',
    paragraphs: [`Each link works once. ${UNCHANGED}`, SIGN_IN],
  },
  'link-not-yours': {
    heading: 'This action is no longer yours',
    paragraphs: [
      `It has passed to someone else, or your account is no longer active. ${UNCHANGED}`,
    ],
  },
  'action-completed': {
    heading: 'This action is already complete',
    paragraphs: [UNCHANGED, SIGN_IN],
  },
  'action-cancelled': {
    heading: 'This action has been cancelled',
    paragraphs: [UNCHANGED, SIGN_IN],
  },
  unavailable: {
    heading: 'Sorry, there is a problem with the service',
    paragraphs: ['Nothing has been changed. Try the link again in a few minutes.'],
  },
};

/**
 * The pages of an action link from a reminder email: no sign-in and no session, as the signed
 * token in the URL is the credential (so no CSRF token either: a forged form would need the
 * token itself). The API decides everything; these pages only say it, reference and verb only.
 */
export function actionLinkRoutes(apiUrl: string): Router {
  const router = express.Router();
  const path = `${ACTION_LINK_PATH}:token`;
  const noTrace = (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  };
  const api = (req: Request) => new ApiClient(apiUrl, undefined, String(req.id ?? ''));
  const linkPath = (req: Request) =>
    `${ACTION_LINK_PATH}${encodeURIComponent(String(req.params.token))}`;

  router.get(path, noTrace, (req, res, next) => {
    api(req)
      .get<ActionLinkAnswer>(linkPath(req))
      .then((link) => show(res, confirmPage(link)), refusal(res, next));
  });
  router.post(path, noTrace, (req, res, next) => {
    api(req)
      .post<ActionLinkAnswer>(linkPath(req))
      .then((link) => show(res, donePage(link)), refusal(res, next));
  });
  return router;
}

function confirmPage({ reference, verb }: ActionLinkAnswer): LinkPage {
  return {
    status: 200,
    heading: WORDING[verb].question(reference),
    paragraphs: ['Nothing changes until you press the button.'],
    button: WORDING[verb].button,
  };
}

function donePage({ reference, verb }: ActionLinkAnswer): LinkPage {
  return {
    status: 200,
    heading: WORDING[verb].done(reference),
    paragraphs: ['Thank you: this has been recorded in your name. You can close this page.'],
  };
}

/** The API's refusal as its page; anything it did not word goes to the error pages. */
function refusal(res: Response, next: NextFunction) {
  return (error: unknown) => {
    if (!(error instanceof ApiProblem)) return next(error);
    const kind = error.type.split(':').pop() ?? '';
    if (kind === 'stage-conflict') {
      // The workflow's own reason: a fixed sentence of the domain's, never from the case.
      return show(res, {
        status: error.status,
        heading: 'This cannot be done now',
        paragraphs: [asSentence(error.detail ?? 'not at this stage'), UNCHANGED, SIGN_IN],
      });
    }
    const page = REFUSALS[kind];
    if (!page) return next(error);
    return show(res, { status: error.status, ...page });
  };
}

function show(res: Response, page: LinkPage): void {
  res.status(page.status).render('pages/action-link', page);
}

/** "the action is already completed" → "The action is already completed." */
function asSentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}`;
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
