import express, { type Express } from 'express';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import type { WebConfig } from './config';
import { Authentication } from './middleware/authentication';
import { csrfProtection } from './middleware/csrf';
import { requestLog } from './middleware/request-log';
import { noStore, securityHeaders } from './middleware/security';
import { sessions } from './middleware/sessions';
import { actionLinkRoutes } from './routes/action-links';
import { boardReportRoutes } from './routes/board-reports';
import { errorPages, notFound } from './routes/errors';
import { delegatedEnquiryRoutes } from './routes/delegated-enquiries';
import { disagreementRoutes } from './routes/disagreements';
import { takeFlash } from './routes/flash';
import { itemRoutes } from './routes/item-pages';
import { settingsRoutes } from './routes/settings';
import { yourWorkRoutes } from './routes/your-work';
import { setUpViews } from './views';

declare module 'express-serve-static-core' {
  interface Request {
    /** This request's id: in the logs and passed on to the API. */
    id?: string;
  }
}

/**
 * The web service: server-rendered GOV.UK pages over the API. Middleware in the order each
 * request meets it (as ministryofjustice/hmpps-template-typescript lays it out): request id and
 * security headers, static assets, the action links from emails (no session), session, sign-in
 * routes, CSRF, then the pages, which all need a signed-in person, then the error pages.
 */
export function createApp(
  config: WebConfig,
  log: Logger,
): { app: Express; close(): Promise<void> } {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', new URL(config.publicWebUrl).protocol === 'https:');
  setUpViews(app);

  app.use((req, res, next) => {
    req.id = (req.get('x-request-id') ?? '').slice(0, 64) || randomUUID();
    res.setHeader('x-request-id', req.id);
    next();
  });
  app.use(requestLog(log));
  app.use(securityHeaders(config.oidc.issuer));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const govukAssets = join(
    dirname(require.resolve('govuk-frontend/package.json')),
    'dist',
    'govuk',
  );
  const mojAssets = join(
    dirname(require.resolve('@ministryofjustice/frontend/package.json')),
    'moj',
  );
  const assetOptions = { maxAge: '1h', index: false, redirect: false };
  app.use('/assets/govuk', express.static(govukAssets, assetOptions));
  app.use('/assets/moj', express.static(mojAssets, assetOptions));
  app.use('/assets', express.static(join(govukAssets, 'assets'), assetOptions));
  app.use('/assets/app', express.static(join(__dirname, '..', 'public'), assetOptions));

  // Action links act without signing in, so they come before sessions: no cookie is set.
  app.use(actionLinkRoutes(config.apiUrl));

  const session = sessions(config);
  app.use(noStore, session.middleware);
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));
  app.use(csrfProtection);
  app.use(takeFlash);

  const authentication = new Authentication(config, log);
  app.use(authentication.routes());
  app.use(authentication.requireSignIn);
  app.use(yourWorkRoutes(config.apiUrl));
  app.use(itemRoutes(config.apiUrl));
  app.use(disagreementRoutes(config.apiUrl));
  app.use(delegatedEnquiryRoutes(config.apiUrl));
  app.use(boardReportRoutes(config.apiUrl));
  app.use(settingsRoutes(config.apiUrl));
  app.use(notFound);
  app.use(errorPages(log));
  return { app, close: session.close };
}
