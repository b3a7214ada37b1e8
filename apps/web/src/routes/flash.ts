import type { NextFunction, Request, Response } from 'express';

type WithFlash = Request['session'] & { flash?: string };

/**
 * Redirects to the next page (303, after a form) with a message for it, shown once as a GOV.UK
 * success banner. The session is saved before the redirect goes: express-session would send the
 * redirect's headers first and save after, and a quick browser asks for the next page in between.
 */
export async function redirectWithMessage(
  req: Request,
  res: Response,
  message: string,
  location: string,
): Promise<void> {
  (req.session as WithFlash).flash = message;
  await new Promise<void>((resolve, reject) =>
    req.session.save((error) => (error ? reject(error) : resolve())),
  );
  res.redirect(303, location);
}

/** Moves a waiting message onto this page (and off the session). */
export function takeFlash(req: Request, res: Response, next: NextFunction): void {
  const session = req.session as WithFlash | undefined;
  if (session?.flash) {
    res.locals.flash = session.flash;
    delete session.flash;
  }
  next();
}
