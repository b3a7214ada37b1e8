import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Professional disagreements. `disagreements` is the disagreement as raised (who, against whom,
 * the case reference, themes, immediate risk) and the read model of its workflow. Everything
 * anyone writes (what is disagreed, contributions, reasons, outcomes and the actions agreed, the
 * board's decision) is a row of `disagreement_records`, stored before the command reaches the
 * workflow and referenced by id. Agreed actions are rows of `actions`, chased like any other.
 */
export class ProfessionalDisagreements1764350000000 implements MigrationInterface {
  name = 'ProfessionalDisagreements1764350000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE disagreement_reference_seq`);
    await db.query(`
      CREATE TABLE disagreements (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        partnership_id uuid NOT NULL REFERENCES partnerships (id),
        policy_version int NOT NULL,
        raised_by_id uuid NOT NULL REFERENCES people (id),
        raiser_agency_id uuid NOT NULL REFERENCES agencies (id),
        other_person_id uuid REFERENCES people (id),
        other_agency_id uuid NOT NULL REFERENCES agencies (id),
        case_reference text,
        themes text[] NOT NULL CHECK (cardinality(themes) > 0 AND themes <@ ARRAY[
          'threshold-for-intervention', 'risk-assessment', 'information-sharing',
          'service-provision', 'discharge-or-case-closure', 'roles-and-responsibilities',
          'other']),
        immediate_risk boolean NOT NULL,
        raised_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'resolved', 'withdrawn')),
        stage_key text CHECK (stage_key IN ('disagreement.stage-1', 'disagreement.stage-2',
          'disagreement.stage-3', 'disagreement.stage-4-inform', 'disagreement.stage-4-decide')),
        stage int CHECK (stage BETWEEN 1 AND 4),
        highest_stage int CHECK (highest_stage BETWEEN 1 AND 4),
        stage_started_at timestamptz,
        stage_due_at timestamptz,
        participant_ids uuid[] NOT NULL DEFAULT '{}',
        acknowledged_by_ids uuid[] NOT NULL DEFAULT '{}',
        outcome_id uuid,
        withdrawal_id uuid,
        closed_at timestamptz,
        process_version int NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        FOREIGN KEY (partnership_id, policy_version)
          REFERENCES policy_versions (partnership_id, version)
      )`);
    await db.query(
      `CREATE INDEX disagreements_raised_idx ON disagreements (partnership_id, raised_at)`,
    );
    await db.query(`
      CREATE TABLE disagreement_records (
        id uuid PRIMARY KEY,
        disagreement_id uuid NOT NULL REFERENCES disagreements (id),
        kind text NOT NULL CHECK (kind IN ('concern', 'contribution', 'escalation',
          'outcome', 'withdrawal')),
        stage int CHECK (stage BETWEEN 1 AND 4),
        text text NOT NULL,
        facts jsonb NOT NULL DEFAULT '{}',
        author_id uuid NOT NULL REFERENCES people (id),
        created_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX disagreement_records_idx ON disagreement_records (disagreement_id, created_at)`,
    );
    await db.query(`
      ALTER TABLE actions ADD COLUMN disagreement_id uuid REFERENCES disagreements (id)`);
    await db.query(`CREATE INDEX actions_disagreement_idx ON actions (disagreement_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX actions_disagreement_idx`);
    await db.query(`ALTER TABLE actions DROP COLUMN disagreement_id`);
    await db.query(`DROP TABLE disagreement_records`);
    await db.query(`DROP TABLE disagreements`);
    await db.query(`DROP SEQUENCE disagreement_reference_seq`);
  }
}
