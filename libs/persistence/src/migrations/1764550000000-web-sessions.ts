import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The web app's sessions, server-side (connect-pg-simple's shape): the signed-in person's tokens
 * never reach the browser, only an opaque session id. The web app's database role may touch this
 * table and nothing else (database-access.ts): it holds no case data of its own.
 */
export class WebSessions1764550000000 implements MigrationInterface {
  name = 'WebSessions1764550000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE web_sessions (
        sid varchar PRIMARY KEY,
        sess json NOT NULL,
        expire timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX web_sessions_expire ON web_sessions (expire)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE web_sessions`);
  }
}
