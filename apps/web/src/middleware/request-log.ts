import { loggableUrl } from '@safeguard/platform';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** Probes and static files: logging them would drown everything else. */
const QUIET = /^\/(?:health$|assets\/)/;

/**
 * One line per request once it is answered, as the API logs them: request id, method, path
 * (credential paths redacted, no query string: it can hold search terms), status and time taken.
 * Never a body, a header or a cookie: they carry personal data and the session.
 */
export function requestLog(log: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      if (QUIET.test(req.path)) return;
      log.info(
        {
          req: { id: req.id, method: req.method, url: loggableUrl(req.originalUrl) },
          res: { statusCode: res.statusCode },
          responseTime: Number((process.hrtime.bigint() - started) / 1_000_000n),
        },
        'request completed',
      );
    });
    next();
  };
}
