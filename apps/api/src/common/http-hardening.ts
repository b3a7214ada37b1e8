import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { HttpLimits } from '../config/api-config';

/**
 * Browser-facing defences: security headers, CORS closed unless origins are configured, and a
 * body size limit (oversized bodies get 413 problem+json). Rate limits are a guard (app.module).
 */
export function hardenHttp(app: NestExpressApplication, limits: HttpLimits): void {
  app.use(
    helmet({
      // HSTS already keeps https deployments on https; upgrading requests would break the
      // action-link form on a plain-http development stack.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  app.useBodyParser('json', { limit: limits.maxBodyBytes });
  if (limits.corsOrigins.length > 0) {
    app.enableCors({ origin: limits.corsOrigins, credentials: false, maxAge: 600 });
  }
}
