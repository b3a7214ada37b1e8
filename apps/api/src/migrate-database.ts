import 'reflect-metadata';
import { APPLICATION_ROLE, migrateDatabase } from '@safeguard/persistence';
import { EnvReader } from '@safeguard/platform';

/**
 * Brings the database up to this release: pending migrations, then the application role's
 * rights (database-access.ts). Runs as the role that owns the tables (DATABASE_MIGRATION_URL),
 * before the release's API and worker start, which connect as a member of the application role
 * and refuse to start on a schema that is behind. `npm start` and the tests run it first.
 */
async function main(): Promise<void> {
  const env = new EnvReader(process.env);
  const databaseUrl = env.url('DATABASE_MIGRATION_URL', ['postgres', 'postgresql']);
  env.assertValid();
  const applied = await migrateDatabase(databaseUrl);
  console.log(JSON.stringify({ applied, applicationRole: APPLICATION_ROLE }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
