import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each action records the partnership and the policy version it started under. Actions recorded
 * before policies existed keep NULL: they run without a policy, as they always have.
 */
export class ActionPolicyPin1763850000000 implements MigrationInterface {
  name = 'ActionPolicyPin1763850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE actions ADD COLUMN partnership_id uuid REFERENCES partnerships(id)`,
    );
    await db.query(`ALTER TABLE actions ADD COLUMN policy_version int`);
    await db.query(`
      ALTER TABLE actions ADD CONSTRAINT actions_policy_version_fk
      FOREIGN KEY (partnership_id, policy_version) REFERENCES policy_versions (partnership_id, version)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE actions DROP CONSTRAINT actions_policy_version_fk`);
    await db.query(`ALTER TABLE actions DROP COLUMN policy_version`);
    await db.query(`ALTER TABLE actions DROP COLUMN partnership_id`);
  }
}
