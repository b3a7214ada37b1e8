import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Multi-agency meetings and their chased items. The action log, the full minutes and the review
 * are chased like agreed actions, so they are rows of `actions` with their own kind. Free text
 * (decisions, rationales, completion and extension notes, cancellation reasons) lives only here,
 * never in workflow payloads: notes are appended and referenced from the chronology by id.
 */
export class MeetingFollowUp1764250000000 implements MigrationInterface {
  name = 'MeetingFollowUp1764250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE meeting_reference_seq`);
    await db.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        partnership_id uuid NOT NULL REFERENCES partnerships (id),
        policy_version int NOT NULL,
        type text NOT NULL CHECK (type IN ('strategy-discussion', 'case-conference',
          'outcome-meeting', 'professionals-meeting', 'review')),
        held_at timestamptz NOT NULL,
        chair_id uuid NOT NULL REFERENCES people (id),
        minute_taker_id uuid NOT NULL REFERENCES people (id),
        case_reference text,
        review_at timestamptz,
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        workflow_id text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        closed_at timestamptz,
        FOREIGN KEY (partnership_id, policy_version)
          REFERENCES policy_versions (partnership_id, version)
      )`);
    await db.query(`
      CREATE TABLE meeting_attendees (
        meeting_id uuid NOT NULL REFERENCES meetings (id),
        person_id uuid NOT NULL REFERENCES people (id),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        PRIMARY KEY (meeting_id, person_id)
      )`);
    await db.query(`
      CREATE TABLE meeting_decisions (
        meeting_id uuid NOT NULL REFERENCES meetings (id),
        position int NOT NULL,
        text text NOT NULL,
        PRIMARY KEY (meeting_id, position)
      )`);

    await db.query(`
      ALTER TABLE actions
        ADD COLUMN kind text NOT NULL DEFAULT 'action'
          CHECK (kind IN ('action', 'action-log', 'minutes', 'review')),
        ADD COLUMN meeting_id uuid REFERENCES meetings (id),
        ADD COLUMN rationale text,
        ADD COLUMN acknowledged boolean NOT NULL DEFAULT false,
        ADD COLUMN proposed_due_at timestamptz,
        ADD COLUMN next_reminder_at timestamptz,
        ADD COLUMN cancelled_at timestamptz`);
    await db.query(`CREATE INDEX actions_meeting_idx ON actions (meeting_id)`);
    // The lead's overdue list: open items of a partnership by due date.
    await db.query(`
      CREATE INDEX actions_open_by_due_idx ON actions (partnership_id, due_at)
        WHERE status NOT IN ('completed', 'cancelled')`);

    await db.query(`
      CREATE TABLE action_notes (
        id uuid PRIMARY KEY,
        action_id uuid NOT NULL REFERENCES actions (id),
        kind text NOT NULL CHECK (kind IN ('completion', 'extension-request',
          'extension-decision', 'cancellation')),
        text text NOT NULL,
        author_id uuid NOT NULL REFERENCES people (id),
        created_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX action_notes_action_idx ON action_notes (action_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE action_notes`);
    await db.query(`DROP INDEX actions_open_by_due_idx`);
    await db.query(`DROP INDEX actions_meeting_idx`);
    await db.query(`
      ALTER TABLE actions
        DROP COLUMN cancelled_at, DROP COLUMN next_reminder_at, DROP COLUMN proposed_due_at,
        DROP COLUMN acknowledged, DROP COLUMN rationale, DROP COLUMN meeting_id, DROP COLUMN kind`);
    await db.query(`DROP TABLE meeting_decisions`);
    await db.query(`DROP TABLE meeting_attendees`);
    await db.query(`DROP TABLE meetings`);
    await db.query(`DROP SEQUENCE meeting_reference_seq`);
  }
}
