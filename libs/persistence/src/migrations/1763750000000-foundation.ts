import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763750000000 implements MigrationInterface {
  name = 'Foundation1763750000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        display_name text NOT NULL,
        email text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE SEQUENCE action_reference_seq`);
    await db.query(`
      CREATE TABLE actions (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        title text NOT NULL,
        owner_id uuid NOT NULL REFERENCES people(id),
        due_at timestamptz NOT NULL,
        status text NOT NULL,
        process_version int NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        completed_at timestamptz
      )`);
    await db.query(`CREATE INDEX actions_owner_status_idx ON actions (owner_id, status, due_at)`);
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL UNIQUE,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        event text NOT NULL,
        recipient_id uuid NOT NULL REFERENCES people(id),
        status text NOT NULL,
        smtp_message_id text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX notifications_subject_idx ON notifications (subject_type, subject_id)`,
    );
    await db.query(`
      CREATE TABLE chronology (
        id bigserial PRIMARY KEY,
        subject_type text NOT NULL,
        subject_id uuid NOT NULL,
        event text NOT NULL,
        actor_id uuid,
        detail jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX chronology_subject_idx ON chronology (subject_type, subject_id, id)`,
    );
    await db.query(`
      CREATE FUNCTION chronology_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'chronology is append-only: % refused', TG_OP;
      END $$`);
    await db.query(`
      CREATE TRIGGER chronology_append_only BEFORE UPDATE OR DELETE ON chronology
      FOR EACH ROW EXECUTE FUNCTION chronology_is_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE chronology`);
    await db.query(`DROP FUNCTION chronology_is_append_only`);
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP TABLE actions`);
    await db.query(`DROP SEQUENCE action_reference_seq`);
    await db.query(`DROP TABLE people`);
  }
}
