import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { repoRoot } from './paths';

/** The login role the stack's API and worker connect as: a member of the application role. */
export const STACK_APPLICATION_LOGIN = 'safeguard_app';
/** The web app's login: a member of the web role, which reaches its sessions and nothing else. */
export const STACK_WEB_LOGIN = 'safeguard_web_app';

/** Where each of the stack's apps connects: every one as a login that owns nothing. */
export interface StackDatabaseUrls {
  /** The API and the worker. */
  app: string;
  /** The web app's sessions. */
  webSessions: string;
}

/**
 * Brings the stack's database up to this build as an operator would: migrations as the owner
 * (`npm run migrate`), then login roles that own nothing: one for the API and worker in the
 * application role, one for the web app in the web role. Returns the URLs they connect with.
 */
export async function prepareDatabase(
  ownerUrl: string,
  appPassword: string,
): Promise<StackDatabaseUrls> {
  await promisify(execFile)(
    process.execPath,
    [join(repoRoot, 'apps', 'api', 'dist', 'migrate-database.js')],
    { env: { ...process.env, DATABASE_MIGRATION_URL: ownerUrl } },
  );
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const password = `'${appPassword.replace(/'/g, "''")}'`;
    for (const [login, group] of [
      [STACK_APPLICATION_LOGIN, 'safeguard_application'],
      [STACK_WEB_LOGIN, 'safeguard_web'],
    ]) {
      const { rowCount } = await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login]);
      await owner.query(
        rowCount
          ? `ALTER ROLE ${login} WITH LOGIN PASSWORD ${password}`
          : `CREATE ROLE ${login} LOGIN PASSWORD ${password}`,
      );
      await owner.query(`GRANT ${group} TO ${login}`);
    }
    // The API's development issuer once bound the people it signed tokens for; it no longer
    // binds anyone (apps/api/src/auth/sign-in-match.ts), and such a binding would refuse them at
    // the stack's identity provider. Kept dev data may still hold some: forget them.
    await owner.query(
      `UPDATE people SET identity_issuer = NULL, identity_subject = NULL, identity_bound_at = NULL
        WHERE identity_issuer = 'urn:safeguarding:dev-issuer'`,
    );
  } finally {
    await owner.end();
  }
  const as = (login: string) => {
    const url = new URL(ownerUrl);
    url.username = login;
    url.password = appPassword;
    return url.toString();
  };
  return { app: as(STACK_APPLICATION_LOGIN), webSessions: as(STACK_WEB_LOGIN) };
}
