import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** held-for-digest: the recipient takes a morning digest; the reminder is listed there. */
export type NotificationStatus = 'sending' | 'sent' | 'failed' | 'held-for-digest';

/**
 * One email to one recipient about one event. The idempotency key is unique, so a retried
 * activity finds the row it already wrote instead of sending again.
 */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'idempotency_key', unique: true })
  idempotencyKey: string;

  @Column({ name: 'subject_type' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column()
  event: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @Column({ type: 'text' })
  status: NotificationStatus;

  @Column({ name: 'smtp_message_id', type: 'text', nullable: true })
  smtpMessageId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** The SMTP reply code of a permanent refusal (e.g. 550). */
  @Column({ name: 'failure_code', type: 'int', nullable: true })
  failureCode: number | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt: Date | null;
}
