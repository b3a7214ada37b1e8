import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ReminderDelivery = 'immediate' | 'daily-digest';

/** A person's choice; people without a row get reminders one by one. */
@Entity({ name: 'notification_preferences' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ type: 'text' })
  delivery: ReminderDelivery;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
