import { MigrationInterface, QueryRunner } from 'typeorm';

/** How each person wants non-urgent reminders: one by one, or in one morning digest. */
export class NotificationPreferences1764200000000 implements MigrationInterface {
  name = 'NotificationPreferences1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_preferences (
        person_id uuid PRIMARY KEY REFERENCES people(id),
        delivery text NOT NULL CHECK (delivery IN ('immediate', 'daily-digest')),
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await db.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
       CHECK (status IN ('sending', 'sent', 'failed', 'held-for-digest'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await db.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
       CHECK (status IN ('sending', 'sent', 'failed'))`,
    );
    await db.query(`DROP TABLE notification_preferences`);
  }
}
