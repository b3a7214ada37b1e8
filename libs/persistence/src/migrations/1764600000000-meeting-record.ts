import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a meeting record must hold (seed 002): the adult's voice, the risk assessment and plan,
 * the views of family, carers or an advocate, and who received the minutes and when. Meetings
 * recorded before this keep nulls here: they were recorded before the service asked.
 */
export class MeetingRecord1764600000000 implements MigrationInterface {
  name = 'MeetingRecord1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE meetings
        ADD COLUMN adult_attended boolean,
        ADD COLUMN adult_views text,
        ADD COLUMN adult_views_response text,
        ADD COLUMN adult_not_discussed_reason text,
        ADD COLUMN risk_lead_id uuid REFERENCES people (id),
        ADD COLUMN capacity_concerns boolean,
        ADD COLUMN capacity_addressed text,
        ADD COLUMN risk_shared_with_adult text`);
    await db.query(`
      CREATE TABLE meeting_other_views (
        meeting_id uuid NOT NULL REFERENCES meetings (id),
        position int NOT NULL,
        voice text NOT NULL CHECK (voice IN ('family', 'carer', 'friend', 'advocate')),
        views text NOT NULL,
        PRIMARY KEY (meeting_id, position)
      )`);
    await db.query(`
      CREATE TABLE meeting_risks (
        meeting_id uuid NOT NULL REFERENCES meetings (id),
        position int NOT NULL,
        text text NOT NULL,
        PRIMARY KEY (meeting_id, position)
      )`);
    await db.query(`
      CREATE TABLE meeting_circulation (
        meeting_id uuid NOT NULL REFERENCES meetings (id),
        item text NOT NULL CHECK (item IN ('action-log', 'minutes')),
        person_id uuid NOT NULL REFERENCES people (id),
        circulated_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES people (id),
        PRIMARY KEY (meeting_id, item, person_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE meeting_circulation`);
    await db.query(`DROP TABLE meeting_risks`);
    await db.query(`DROP TABLE meeting_other_views`);
    await db.query(`
      ALTER TABLE meetings
        DROP COLUMN adult_attended, DROP COLUMN adult_views, DROP COLUMN adult_views_response,
        DROP COLUMN adult_not_discussed_reason, DROP COLUMN risk_lead_id,
        DROP COLUMN capacity_concerns, DROP COLUMN capacity_addressed,
        DROP COLUMN risk_shared_with_adult`);
  }
}
