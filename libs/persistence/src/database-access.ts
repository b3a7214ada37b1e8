import { DataSource, EntityManager } from 'typeorm';

/**
 * The group role whose rights the API and worker connect with. Each process logs in as a role
 * that is a member of it (in the dev stack `safeguard_app`; in production whatever login the
 * platform issues) and owns nothing: so it cannot disable a trigger, change
 * `session_replication_role` or truncate a table, and the append-only tables take only reads and
 * inserts from it. Migrations run as the role that owns the tables (DATABASE_MIGRATION_URL).
 */
export const APPLICATION_ROLE = 'safeguard_application';

/**
 * The group role of the web app's login: its sessions table and nothing else, since the web app
 * reads every case record through the API, as the signed-in person.
 */
export const WEB_ROLE = 'safeguard_web';

/** The only table of the web app's: not the API's or the worker's business. */
const WEB_TABLES = ['web_sessions'];

/** Tables the application may read and append to, never change: the audit trail's. */
const APPEND_ONLY_TABLES = ['chronology', 'policy_versions', 'audit_checkpoints'];

/** Tables the application only reads: the record of which migrations ran. */
const READ_ONLY_TABLES = ['migrations'];

/**
 * The application role's rights (and the web app's), granted afresh after every migration run so that a new table
 * needs no grant of its own. Idempotent. Creating the role needs CREATEROLE; where the migrating
 * role has none, a database administrator creates `safeguard_application` (NOLOGIN) once.
 */
export async function grantApplicationAccess(db: EntityManager): Promise<void> {
  for (const role of [APPLICATION_ROLE, WEB_ROLE]) {
    await db.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
          CREATE ROLE ${role} NOLOGIN;
        END IF;
      END $$`);
  }
  const schema = 'public';
  await db.query(`GRANT USAGE ON SCHEMA ${schema} TO ${APPLICATION_ROLE}, ${WEB_ROLE}`);
  await db.query(
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${APPLICATION_ROLE}`,
  );
  await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${APPLICATION_ROLE}`);
  await db.query(
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY_TABLES.join(', ')} FROM ${APPLICATION_ROLE}`,
  );
  await db.query(
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${READ_ONLY_TABLES.join(', ')} FROM ${APPLICATION_ROLE}`,
  );
  await db.query(`REVOKE ALL ON ${WEB_TABLES.join(', ')} FROM ${APPLICATION_ROLE}`);
  await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${WEB_TABLES.join(', ')} TO ${WEB_ROLE}`);
}

/**
 * Refuses to run the API or the worker as a role that could rewrite the audit trail (a superuser,
 * or the owner of any table), or against a schema this release has not been migrated to yet.
 */
export async function assertApplicationConnection(dataSource: DataSource): Promise<void> {
  const [role] = await dataSource.query(
    `SELECT current_user AS name, rolsuper AS superuser,
            EXISTS (SELECT 1 FROM pg_tables
                     WHERE schemaname = 'public' AND tableowner = current_user) AS "ownsTables"
       FROM pg_roles WHERE rolname = current_user`,
  );
  if (role.superuser || role.ownsTables) {
    throw new Error(
      `the database role ${role.name} is ${role.superuser ? 'a superuser' : 'the owner of tables'}: ` +
        `connect as a member of ${APPLICATION_ROLE} that owns nothing (DATABASE_URL), ` +
        'and run migrations as the owner (DATABASE_MIGRATION_URL)',
    );
  }
  const [{ migrated }] = await dataSource.query(
    `SELECT to_regclass('public.migrations') IS NOT NULL AS migrated`,
  );
  const applied: Array<{ name: string }> = migrated
    ? await dataSource.query('SELECT name FROM migrations')
    : [];
  const pending = dataSource.migrations
    .map((migration) => migration.name ?? migration.constructor.name)
    .filter((name) => !applied.some((row) => row.name === name));
  if (pending.length > 0) {
    throw new Error(
      `the database is behind this release by ${pending.length} migration(s), ${pending.join(', ')}: ` +
        'run them first as the owner (npm run migrate, with DATABASE_MIGRATION_URL)',
    );
  }
}
