import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Section 42 enquiries. The adult's record and everything anyone writes (the concern, reasons,
 * the delegation request, reports, outcomes, plans) live only here; the workflow carries ids.
 * `enquiries` is both the concern as raised and the read model of its workflow. `enquiry_records`
 * keeps what each command said, stored before the command reaches the workflow and referenced
 * from the read model and the chronology by id; a refused command takes its record with it.
 * An enquiry's deadlines are rows of `actions` chased like any other item.
 */
export class Section42Enquiries1764300000000 implements MigrationInterface {
  name = 'Section42Enquiries1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE enquiry_reference_seq`);
    await db.query(`
      CREATE TABLE adults (
        id uuid PRIMARY KEY,
        partnership_id uuid NOT NULL REFERENCES partnerships (id),
        full_name text NOT NULL,
        date_of_birth date,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE enquiries (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        partnership_id uuid NOT NULL REFERENCES partnerships (id),
        policy_version int NOT NULL,
        adult_id uuid NOT NULL REFERENCES adults (id),
        received_at timestamptz NOT NULL,
        source text NOT NULL CHECK (source IN ('social-care-staff', 'health-staff', 'police', 'care-provider', 'housing', 'education-or-training', 'other-professional', 'family-or-friend', 'self-referral', 'anonymous', 'other')),
        referrer_agency_id uuid REFERENCES agencies (id),
        raised_by_id uuid NOT NULL REFERENCES people (id),
        urgency text NOT NULL CHECK (urgency IN ('routine', 'urgent')),
        risk_types text[] NOT NULL
          CHECK (cardinality(risk_types) > 0 AND risk_types <@ ARRAY['physical', 'sexual', 'psychological', 'financial-or-material', 'neglect-and-acts-of-omission', 'discriminatory', 'organisational', 'domestic-abuse', 'modern-slavery', 'sexual-exploitation', 'self-neglect']),
        risk_location text NOT NULL CHECK (risk_location IN ('own-home', 'care-home-nursing', 'care-home-residential', 'hospital-acute', 'hospital-mental-health', 'hospital-community', 'in-the-community', 'community-service', 'other')),
        risk_source text NOT NULL CHECK (risk_source IN ('service-provider', 'other-known-to-individual', 'other-unknown-to-individual')),
        concern_summary text,
        triage_worker_id uuid NOT NULL REFERENCES people (id),
        stage text NOT NULL CHECK (stage IN ('concern', 'decision', 'strategy-discussion', 'enquiry', 'outcome', 'monitoring', 'closed')),
        step text CHECK (step IN ('awaiting-lead', 'awaiting-acceptance', 'in-progress', 'report-in-review')),
        enquiry_type text CHECK (enquiry_type IN ('section-42', 'other')),
        led_by text CHECK (led_by IN ('local-authority', 'delegated')),
        enquiry_manager_id uuid REFERENCES people (id),
        enquirer_id uuid REFERENCES people (id),
        delegation_id uuid,
        delegated_agency_id uuid REFERENCES agencies (id),
        decision_id uuid,
        strategy_meeting_id uuid REFERENCES meetings (id),
        report_id uuid,
        outcome_id uuid,
        plan_id uuid,
        plan_lead_id uuid REFERENCES people (id),
        paused_since timestamptz,
        closure text CHECK (closure IN ('no-enquiry', 'concluded')),
        next_due_at timestamptz,
        decided_at timestamptz,
        concluded_at timestamptz,
        closed_at timestamptz,
        process_version int NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        FOREIGN KEY (partnership_id, policy_version)
          REFERENCES policy_versions (partnership_id, version)
      )`);
    await db.query(`CREATE INDEX enquiries_by_stage_idx ON enquiries (partnership_id, stage)`);
    await db.query(
      `CREATE INDEX enquiries_received_idx ON enquiries (partnership_id, received_at)`,
    );
    await db.query(`
      CREATE TABLE enquiry_delegations (
        id uuid PRIMARY KEY,
        enquiry_id uuid NOT NULL REFERENCES enquiries (id),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        contact_id uuid NOT NULL REFERENCES people (id),
        requested_by_id uuid NOT NULL REFERENCES people (id),
        requested_at timestamptz NOT NULL,
        report_due_at timestamptz NOT NULL,
        complex boolean NOT NULL,
        scope text NOT NULL,
        adults_views text NOT NULL,
        desired_outcomes text NOT NULL,
        capacity_view text NOT NULL CHECK (capacity_view IN ('has-capacity', 'lacks-capacity', 'not-yet-assessed')),
        period_from date NOT NULL,
        period_to date NOT NULL CHECK (period_to >= period_from),
        key_issues text NOT NULL,
        status text NOT NULL CHECK (status IN ('requested', 'accepted', 'declined')),
        enquirer_id uuid REFERENCES people (id),
        responded_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX enquiry_delegations_agency_idx ON enquiry_delegations (agency_id, status)`,
    );
    await db.query(
      `CREATE INDEX enquiry_delegations_enquiry_idx ON enquiry_delegations (enquiry_id)`,
    );
    await db.query(`
      CREATE TABLE enquiry_records (
        id uuid PRIMARY KEY,
        enquiry_id uuid NOT NULL REFERENCES enquiries (id),
        kind text NOT NULL CHECK (kind IN ('decision', 'delegation-response', 'report',
          'report-review', 'outcome', 'plan', 'plan-review', 'pause', 'closure')),
        facts jsonb NOT NULL DEFAULT '{}',
        text text,
        author_id uuid NOT NULL REFERENCES people (id),
        created_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX enquiry_records_enquiry_idx ON enquiry_records (enquiry_id, created_at)`,
    );

    await db.query(`ALTER TABLE actions DROP CONSTRAINT actions_kind_check`);
    await db.query(`
      ALTER TABLE actions
        ADD CONSTRAINT actions_kind_check CHECK (kind IN ('action', 'action-log', 'minutes',
          'review', 'concern-acknowledgement', 's42-decision', 'strategy-discussion', 'delegation-response', 'enquiry-report', 'report-review', 'outcome-and-plan', 'plan-review')),
        ADD COLUMN enquiry_id uuid REFERENCES enquiries (id)`);
    await db.query(`CREATE INDEX actions_enquiry_idx ON actions (enquiry_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX actions_enquiry_idx`);
    await db.query(`ALTER TABLE actions DROP COLUMN enquiry_id`);
    await db.query(`ALTER TABLE actions DROP CONSTRAINT actions_kind_check`);
    await db.query(`
      ALTER TABLE actions ADD CONSTRAINT actions_kind_check
        CHECK (kind IN ('action', 'action-log', 'minutes', 'review'))`);
    await db.query(`DROP TABLE enquiry_records`);
    await db.query(`DROP TABLE enquiry_delegations`);
    await db.query(`DROP TABLE enquiries`);
    await db.query(`DROP TABLE adults`);
    await db.query(`DROP SEQUENCE enquiry_reference_seq`);
  }
}
