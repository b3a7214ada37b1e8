import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One calendar feed per person. Only the SHA-256 of the feed token is kept, so a copy of the
 * database cannot be turned into working feed URLs; the unique index is how a token is found.
 */
export class CalendarFeeds1764050000000 implements MigrationInterface {
  name = 'CalendarFeeds1764050000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_feeds (
        person_id uuid PRIMARY KEY REFERENCES people (id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_feeds`);
  }
}
