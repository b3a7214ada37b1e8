import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1763950000000 implements MigrationInterface {
  name = 'IdempotencyKeys1763950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('in-progress', 'completed')),
        response_status int,
        response_body jsonb,
        claimed_at timestamptz NOT NULL,
        completed_at timestamptz,
        PRIMARY KEY (scope, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_keys`);
  }
}
