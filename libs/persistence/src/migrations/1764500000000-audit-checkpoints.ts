import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed checkpoints of the chronology: at a fixed interval the head (last sequence and hash) of
 * every chain, signed with a key the database never holds (audit-checkpoints.ts). A chain rewritten
 * with the public hash function, cut short, deleted or emptied no longer matches its last signed
 * head. Checkpoints are append-only themselves, like the chronology.
 */
export class AuditCheckpoints1764500000000 implements MigrationInterface {
  name = 'AuditCheckpoints1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_checkpoints (
        id bigserial PRIMARY KEY,
        signed_at timestamptz NOT NULL,
        key_id text NOT NULL,
        heads jsonb NOT NULL CHECK (jsonb_typeof(heads) = 'array'),
        signature text NOT NULL
      )`);
    await db.query(`CREATE INDEX audit_checkpoints_signed_at ON audit_checkpoints (signed_at)`);
    await db.query(`
      CREATE FUNCTION audit_checkpoints_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit checkpoints are append-only: % refused', TG_OP;
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
      FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_are_append_only()`);
    await db.query(`
      CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
      FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoints_are_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_checkpoints`);
    await db.query(`DROP FUNCTION audit_checkpoints_are_append_only`);
  }
}
