import { MigrationInterface, QueryRunner } from 'typeorm';

/** A notification the mail server refused for good is kept, marked failed, with the SMTP code. */
export class NotificationFailures1764000000000 implements MigrationInterface {
  name = 'NotificationFailures1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications ADD COLUMN failure_code int`);
    await db.query(`ALTER TABLE notifications ADD COLUMN failed_at timestamptz`);
    await db.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
       CHECK (status IN ('sending', 'sent', 'failed'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await db.query(`ALTER TABLE notifications DROP COLUMN failed_at`);
    await db.query(`ALTER TABLE notifications DROP COLUMN failure_code`);
  }
}
