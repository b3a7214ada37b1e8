import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every form carries the session's own token (synchronizer token pattern) and every POST must
 * send it back; SameSite=Lax cookies are the second line. Views put it in with
 * `{{ csrfField() }}`, which reads `csrfToken` from the page's locals.
 */
export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  const session = req.session as typeof req.session & { csrfToken?: string };
  session.csrfToken ??= randomBytes(24).toString('base64url');
  res.locals.csrfToken = session.csrfToken;
  if (SAFE_METHODS.has(req.method)) {
    next();
    return;
  }
  const sent = typeof req.body?._csrf === 'string' ? req.body._csrf : '';
  const expected = Buffer.from(session.csrfToken);
  if (sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), expected)) {
    res.status(403).render('pages/errors/no-access', { reason: 'form' });
    return;
  }
  next();
}
