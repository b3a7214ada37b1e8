import type { WebClient } from '@safeguard/dev-stack';

/** How the global setup tells the test files where the stack it started lives. */
export const E2E_ENV = {
  apiUrl: 'E2E_API_URL',
  mailWebUrl: 'E2E_MAIL_WEB_URL',
  identityUrl: 'E2E_IDENTITY_URL',
  webClient: 'E2E_WEB_CLIENT',
  appEnv: 'E2E_APP_ENV',
  databaseOwnerUrl: 'E2E_DATABASE_OWNER_URL',
  webUrl: 'E2E_WEB_URL',
  adminToken: 'E2E_ADMIN_TOKEN',
} as const;

export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through jest's global setup`);
  return value;
}

export const apiUrl = () => required(E2E_ENV.apiUrl);
export const mailWebUrl = () => required(E2E_ENV.mailWebUrl);
/** The stack's OpenID Connect provider (its issuer). */
export const identityUrl = () => required(E2E_ENV.identityUrl);
/** The web app's registration at that provider. */
export const webClient = (): WebClient => JSON.parse(required(E2E_ENV.webClient));
/** The e2e operator: admin and safeguarding lead, member of every partnership it creates. */
export const adminToken = () => required(E2E_ENV.adminToken);
/** Settings the stack's API and worker run with, for tests that start another instance. */
export const stackAppEnv = (): Record<string, string> => JSON.parse(required(E2E_ENV.appEnv));
/**
 * The database as its owner (and, on the embedded server, a superuser): for tests that play an
 * attacker with direct database access, or need a database of their own on the same server.
 */
export const databaseOwnerUrl = () => required(E2E_ENV.databaseOwnerUrl);
