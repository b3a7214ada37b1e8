import { formatUkDateTime } from '@safeguard/domain';
import type { Express } from 'express';
import nunjucks from 'nunjucks';
import { dirname, join } from 'node:path';

/** The service's name, as GOV.UK page titles end with it. */
export const SERVICE_NAME = 'Safeguarding adults partnership service';

/**
 * Nunjucks with the GOV.UK Frontend and MOJ Frontend macros on the search path: pages are built
 * from their components (`govuk/components/…/macro.njk`, `moj/components/…/macro.njk`), never
 * from look-alikes.
 */
export function setUpViews(app: Express): nunjucks.Environment {
  const govuk = dirname(require.resolve('govuk-frontend/package.json'));
  const moj = dirname(require.resolve('@ministryofjustice/frontend/package.json'));
  const env = nunjucks.configure([join(__dirname, '..', 'views'), join(govuk, 'dist'), moj], {
    autoescape: true,
    express: app,
    noCache: false,
  });
  app.set('view engine', 'njk');
  env.addGlobal('serviceName', SERVICE_NAME);
  const ukDateTime = (iso: string | null | undefined) =>
    iso ? formatUkDateTime(new Date(iso)) : '';
  env.addFilter('ukDateTime', ukDateTime);
  // MOJ's timeline formats its dates with this filter; ours shows UK time whatever the server's
  // zone, the same way as every other date in the service.
  env.addFilter('mojDate', ukDateTime);
  env.addFilter('isoDate', (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : ''));
  return env;
}
