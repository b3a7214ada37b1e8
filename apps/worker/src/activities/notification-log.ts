import type { DataSource } from 'typeorm';
import {
  appendChronology,
  NotificationEntity,
  partnershipChain,
  type ChronologySubjectType,
  type NotificationStatus,
} from '@safeguard/persistence';

/**
 * Every email is a row of `notifications`, claimed by its idempotency key before it is sent and
 * marked after, and logged in the chronology of the record it is about (practice primer §4:
 * record what was shared, with whom). What remains: a worker killed between SMTP acceptance and
 * the mark sends again on retry, with the same Message-ID (the row's id), so mail systems and
 * clients can drop the duplicate.
 */
export interface NotificationSubject {
  subjectType: ChronologySubjectType;
  subjectId: string;
  partnershipId: string | null;
}

export interface NotificationClaim {
  idempotencyKey: string;
  event: string;
  recipientId: string;
  status: Extract<NotificationStatus, 'sending' | 'held-for-digest'>;
}

/** The row for this key: claimed now, or as an earlier attempt left it (sent, failed…). */
export async function claimNotification(
  dataSource: DataSource,
  subject: NotificationSubject,
  claim: NotificationClaim,
): Promise<NotificationEntity> {
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(NotificationEntity)
    .values({
      ...claim,
      subjectType: subject.subjectType,
      subjectId: subject.subjectId,
      createdAt: new Date(),
    })
    .orIgnore()
    .execute();
  return dataSource.manager.findOneByOrFail(NotificationEntity, {
    idempotencyKey: claim.idempotencyKey,
  });
}

export async function recordSent(
  dataSource: DataSource,
  subject: NotificationSubject,
  notification: NotificationEntity,
  smtpMessageId: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await dataSource.transaction(async (db) => {
    await db.update(NotificationEntity, notification.id, {
      status: 'sent',
      smtpMessageId,
      sentAt: new Date(),
    });
    await appendChronology(db, {
      subjectType: subject.subjectType,
      subjectId: subject.subjectId,
      event: 'notification.sent',
      chain: partnershipChain(subject.partnershipId),
      kind: 'system',
      detail: {
        notificationId: notification.id,
        event: notification.event,
        recipientId: notification.recipientId,
        ...detail,
      },
    });
  });
}

/** A permanent refusal, kept as failed with its SMTP code for the lead to see. */
export async function recordRefused(
  dataSource: DataSource,
  subject: NotificationSubject,
  notification: NotificationEntity,
  smtpCode: number,
): Promise<void> {
  await dataSource.transaction(async (db) => {
    await db.update(NotificationEntity, notification.id, {
      status: 'failed',
      failureCode: smtpCode,
      failedAt: new Date(),
    });
    await appendChronology(db, {
      subjectType: subject.subjectType,
      subjectId: subject.subjectId,
      event: 'notification.failed',
      chain: partnershipChain(subject.partnershipId),
      kind: 'system',
      detail: {
        notificationId: notification.id,
        event: notification.event,
        recipientId: notification.recipientId,
        smtpCode,
      },
    });
  });
}
