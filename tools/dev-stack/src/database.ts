import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { repoRoot } from './paths';

/** The login role the stack's API and worker connect as: a member of the application role. */
export const STACK_APPLICATION_LOGIN = 'safeguard_app';

/**
 * Brings the stack's database up to this build as an operator would: migrations as the owner
 * (`npm run migrate`), then a login role for the apps that is a member of the application role
 * and owns nothing. Returns the URL the apps connect with.
 */
export async function prepareDatabase(ownerUrl: string, appPassword: string): Promise<string> {
  await promisify(execFile)(
    process.execPath,
    [join(repoRoot, 'apps', 'api', 'dist', 'migrate-database.js')],
    { env: { ...process.env, DATABASE_MIGRATION_URL: ownerUrl } },
  );
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const password = `'${appPassword.replace(/'/g, "''")}'`;
    const { rowCount } = await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      STACK_APPLICATION_LOGIN,
    ]);
    await owner.query(
      rowCount
        ? `ALTER ROLE ${STACK_APPLICATION_LOGIN} WITH LOGIN PASSWORD ${password}`
        : `CREATE ROLE ${STACK_APPLICATION_LOGIN} LOGIN PASSWORD ${password}`,
    );
    await owner.query(`GRANT safeguard_application TO ${STACK_APPLICATION_LOGIN}`);
  } finally {
    await owner.end();
  }
  const appUrl = new URL(ownerUrl);
  appUrl.username = STACK_APPLICATION_LOGIN;
  appUrl.password = appPassword;
  return appUrl.toString();
}
