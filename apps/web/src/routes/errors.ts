import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { ApiProblem, SignInAgain } from '../api/api-client';

/** No page here: GOV.UK's "Page not found". */
export function notFound(_req: Request, res: Response): void {
  res.status(404).render('pages/errors/not-found');
}

/**
 * The GOV.UK error pages for what went wrong: a record the API will not show (404, whether it
 * does not exist or is for others: the API does not say which, and neither does this page) or
 * a command it refuses this person (403) is "You do not have access to this page"; an expired
 * token a fresh sign-in that comes back here; anything else "Sorry, there is a problem with the
 * service" (logged by request id, never with what the page held).
 */
export function errorPages(log: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof SignInAgain) {
      req.session.signedIn = undefined;
      const returnTo = req.method === 'GET' ? req.originalUrl : '/';
      // Saved before the redirect goes, so the next request already finds no one signed in.
      req.session.save(() => res.redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`));
      return;
    }
    if (error instanceof ApiProblem && (error.status === 404 || error.status === 403)) {
      res.status(error.status).render('pages/errors/no-access');
      return;
    }
    log.error(
      {
        requestId: req.id,
        status: error instanceof ApiProblem ? error.status : undefined,
        err: error instanceof Error ? { type: error.name, message: error.message } : undefined,
      },
      'page failed',
    );
    const unavailable = error instanceof ApiProblem && error.status === 503;
    res.status(unavailable ? 503 : 500).render('pages/errors/problem');
  };
}
