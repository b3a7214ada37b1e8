import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TRUNCATE fires no row triggers, so it emptied the chronology (and the published policy
 * versions) past the append-only and immutability triggers. Statement-level triggers refuse it,
 * with the same functions and messages.
 */
export class AppendOnlyTruncate1764450000000 implements MigrationInterface {
  name = 'AppendOnlyTruncate1764450000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TRIGGER chronology_no_truncate BEFORE TRUNCATE ON chronology
      FOR EACH STATEMENT EXECUTE FUNCTION chronology_is_append_only()`);
    await db.query(`
      CREATE TRIGGER policy_versions_no_truncate BEFORE TRUNCATE ON policy_versions
      FOR EACH STATEMENT EXECUTE FUNCTION policy_versions_are_immutable()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER policy_versions_no_truncate ON policy_versions`);
    await db.query(`DROP TRIGGER chronology_no_truncate ON chronology`);
  }
}
