import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Security headers (helmet), with a Content-Security-Policy that allows only this service's own
 * scripts and styles (and forms only to here and the identity provider): the one inline script GOV.UK Frontend needs (marking the body as
 * JavaScript-enabled) carries a fresh nonce per response; no inline style attributes at all.
 */
export function securityHeaders(identityProvider: string): RequestHandler[] {
  const nonce = (_req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  };
  const headers = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        // Signing out is a form whose answer redirects to the identity provider, and browsers
        // hold form redirects to this list too.
        formAction: ["'self'", new URL(identityProvider).origin],
        frameAncestors: ["'none'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  });
  return [nonce, headers as unknown as RequestHandler];
}

/** Pages about people are never kept by the browser or anything between. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
