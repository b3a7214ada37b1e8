import { MigrationInterface, QueryRunner } from 'typeorm';

/** Urgent actions (immediate risk) are not held back by quiet hours. */
export class UrgentActions1764100000000 implements MigrationInterface {
  name = 'UrgentActions1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE actions ADD COLUMN urgent boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE actions DROP COLUMN urgent`);
  }
}
