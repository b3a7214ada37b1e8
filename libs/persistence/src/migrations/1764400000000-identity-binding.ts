import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One person, one account. Emails become unique whatever their letter case (an admin could
 * otherwise create "Sam.Patel@…" beside "sam.patel@…" and take over the first person's next
 * sign-in), and a person is bound to the identity provider's stable subject at first sign-in.
 *
 * People whose emails already differ only in case are never merged or dropped here: the
 * migration names them (by id, never by email) and stops until someone resolves each group.
 */
export class IdentityBinding1764400000000 implements MigrationInterface {
  name = 'IdentityBinding1764400000000';

  async up(db: QueryRunner): Promise<void> {
    const groups: Array<{ ids: string[] }> = await db.query(
      `SELECT array_agg(id::text ORDER BY created_at, id) AS ids
         FROM people GROUP BY lower(email) HAVING count(*) > 1 ORDER BY min(created_at)`,
    );
    if (groups.length > 0) {
      throw new Error(
        `These people share an email address that differs only in letter case: ${groups
          .map(({ ids }) => ids.join(' = '))
          .join('; ')}. Give each person their own address (or correct the duplicate) and ` +
          `run the migration again: nothing has been changed.`,
      );
    }
    await db.query(`CREATE UNIQUE INDEX people_email_any_case ON people (lower(email))`);
    await db.query(`
      ALTER TABLE people
        ADD COLUMN identity_issuer text,
        ADD COLUMN identity_subject text,
        ADD COLUMN identity_bound_at timestamptz,
        ADD CONSTRAINT people_identity_whole CHECK (
          (identity_issuer IS NULL) = (identity_subject IS NULL)
          AND (identity_subject IS NULL) = (identity_bound_at IS NULL))`);
    await db.query(
      `CREATE UNIQUE INDEX people_identity ON people (identity_issuer, identity_subject)
        WHERE identity_subject IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX people_identity`);
    await db.query(`
      ALTER TABLE people
        DROP CONSTRAINT people_identity_whole,
        DROP COLUMN identity_bound_at,
        DROP COLUMN identity_subject,
        DROP COLUMN identity_issuer`);
    await db.query(`DROP INDEX people_email_any_case`);
  }
}
