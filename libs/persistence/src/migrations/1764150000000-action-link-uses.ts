import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per action link used: the primary key on the link's id is what makes a link single
 * use, even for two clicks at once (the second insert waits for the first and then conflicts).
 * A use refused once claimed (the action is no longer the recipient's, or already complete) keeps
 * its row: a link is spent by its first use, whatever the outcome.
 */
export class ActionLinkUses1764150000000 implements MigrationInterface {
  name = 'ActionLinkUses1764150000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE action_link_uses (
        link_id uuid PRIMARY KEY,
        action_id uuid NOT NULL REFERENCES actions (id),
        recipient_id uuid NOT NULL REFERENCES people (id),
        verb text NOT NULL,
        used_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE action_link_uses`);
  }
}
