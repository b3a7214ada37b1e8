import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import {
  ActionEntity,
  appendChronology,
  NotificationEntity,
  NotificationPreferenceEntity,
  partnershipChain,
  PersonEntity,
} from '@safeguard/persistence';
import {
  DELIVERY_REFUSED,
  type ActionActivities,
  type ActionStateSnapshot,
  type ReminderOutcome,
  type ReminderRecipient,
  type SendActionReminder,
} from '@safeguard/workflows';
import { issueActionLink } from '@safeguard/platform';
import { ApplicationFailure } from '@temporalio/common';
import { DeliveryRefused, type Mailer } from '../mail/mailer';
import { renderMessage } from '../mail/catalogue';

export interface ActionActivityDeps {
  dataSource: DataSource;
  mailer: Mailer;
  publicBaseUrl: string;
  /** Signs the links that let a recipient act from the email without signing in. */
  actionLinkSecret: Uint8Array;
  log: Logger;
}

async function prefersDigest(dataSource: DataSource, personId: string): Promise<boolean> {
  const preference = await dataSource.manager.findOneBy(NotificationPreferenceEntity, { personId });
  return preference?.delivery === 'daily-digest';
}

function refused(smtpCode: number): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `the mail server refused the reminder (SMTP ${smtpCode})`,
    DELIVERY_REFUSED,
  );
}

export function createActionActivities(deps: ActionActivityDeps): ActionActivities {
  const { dataSource, mailer, publicBaseUrl, actionLinkSecret, log } = deps;

  /** The owner, or their active line manager; undefined when there is nobody to tell. */
  async function resolveRecipient(
    action: ActionEntity,
    addressee: ReminderRecipient,
  ): Promise<PersonEntity | undefined> {
    if (addressee === 'owner') return action.owner;
    const managerId = action.owner?.lineManagerId;
    const manager = managerId
      ? await dataSource.manager.findOneBy(PersonEntity, { id: managerId, active: true })
      : null;
    return manager ?? undefined;
  }

  async function recordNoRecipient(
    action: ActionEntity,
    event: string,
    addressee: ReminderRecipient,
  ): Promise<void> {
    await dataSource.transaction((db) =>
      appendChronology(db, {
        subjectType: 'action',
        subjectId: action.id,
        event: 'notification.no-recipient',
        chain: partnershipChain(action.partnershipId),
        kind: 'system',
        detail: { event, addressee },
      }),
    );
    log.warn({ actionId: action.id, event, addressee }, 'reminder has nobody to go to');
  }

  /** Kept as failed with its SMTP code, for the lead to see; the workflow is told not to retry. */
  async function recordRefusal(
    claim: NotificationEntity,
    error: DeliveryRefused,
    partnershipId: string | null,
  ): Promise<never> {
    await dataSource.transaction(async (db) => {
      await db.update(NotificationEntity, claim.id, {
        status: 'failed',
        failureCode: error.smtpCode,
        failedAt: new Date(),
      });
      await appendChronology(db, {
        subjectType: 'action',
        subjectId: claim.subjectId,
        event: 'notification.failed',
        chain: partnershipChain(partnershipId),
        kind: 'system',
        detail: {
          notificationId: claim.id,
          event: claim.event,
          recipientId: claim.recipientId,
          smtpCode: error.smtpCode,
        },
      });
    });
    log.warn({ notificationId: claim.id, smtpCode: error.smtpCode }, 'reminder refused');
    throw refused(error.smtpCode);
  }

  return {
    /**
     * Sends once per idempotency key: the row is claimed before sending and marked after.
     * What remains: a worker killed between SMTP acceptance and the mark sends again on retry.
     */
    async sendActionReminder({
      actionId,
      event,
      idempotencyKey,
      recipient: addressee = 'owner',
    }: SendActionReminder): Promise<ReminderOutcome> {
      const action = await dataSource.manager.findOne(ActionEntity, {
        where: { id: actionId },
        relations: { owner: true },
      });
      if (!action?.owner) {
        log.warn({ actionId, event }, 'reminder skipped: action record not found');
        return 'no-recipient';
      }
      const recipient = await resolveRecipient(action, addressee);
      if (!recipient) {
        await recordNoRecipient(action, event, addressee);
        return 'no-recipient';
      }
      // Urgent items and messages to anyone but the owner always go at once.
      const holdForDigest =
        addressee === 'owner' && !action.urgent && (await prefersDigest(dataSource, recipient.id));
      await dataSource
        .createQueryBuilder()
        .insert()
        .into(NotificationEntity)
        .values({
          idempotencyKey,
          subjectType: 'action',
          subjectId: actionId,
          event,
          recipientId: recipient.id,
          status: holdForDigest ? 'held-for-digest' : 'sending',
          createdAt: new Date(),
        })
        .orIgnore()
        .execute();
      const claim = await dataSource.manager.findOneByOrFail(NotificationEntity, {
        idempotencyKey,
      });
      if (claim.status === 'sent') {
        log.info({ actionId, event, notificationId: claim.id }, 'reminder already sent');
        return 'sent';
      }
      if (claim.status === 'failed') throw refused(claim.failureCode ?? 550);
      if (claim.status === 'held-for-digest') return 'held-for-digest';

      const facts = {
        reference: action.reference,
        dueAt: action.dueAt,
        link: `${publicBaseUrl}/actions/${action.id}`,
      };
      // Only the owner gets a "mark as complete" link: links are bound to the owner.
      const email =
        addressee === 'owner'
          ? renderMessage('action.due', {
              ...facts,
              completeLink: issueActionLink(
                publicBaseUrl,
                { actionId, recipientId: action.ownerId, verb: 'complete' },
                actionLinkSecret,
                new Date(),
              ),
            })
          : renderMessage('action.owner-unreachable', facts);
      let smtpMessageId: string;
      try {
        smtpMessageId = await mailer.send({ to: recipient.email, ...email });
      } catch (error) {
        if (error instanceof DeliveryRefused)
          await recordRefusal(claim, error, action.partnershipId);
        // Deferred deliveries are retried by Temporal with backoff, as long as it takes.
        throw error;
      }

      await dataSource.transaction(async (db) => {
        await db.update(NotificationEntity, claim.id, {
          status: 'sent',
          smtpMessageId,
          sentAt: new Date(),
        });
        await appendChronology(db, {
          subjectType: 'action',
          subjectId: actionId,
          event: 'notification.sent',
          chain: partnershipChain(action.partnershipId),
          detail: { notificationId: claim.id, event, recipientId: recipient.id, addressee },
        });
      });
      log.info({ actionId, event, notificationId: claim.id, addressee }, 'reminder sent');
      return 'sent';
    },

    /** Writes the read model; a stale or repeated snapshot (lower version) changes nothing. */
    async recordActionState(snapshot: ActionStateSnapshot) {
      const changedAt = new Date(snapshot.changedAt);
      await dataSource.transaction(async (db) => {
        const result = await db
          .createQueryBuilder()
          .update(ActionEntity)
          .set({
            status: snapshot.status,
            processVersion: snapshot.version,
            updatedAt: changedAt,
            ...(snapshot.status === 'completed' ? { completedAt: changedAt } : {}),
          })
          .where('id = :id AND process_version < :version', {
            id: snapshot.actionId,
            version: snapshot.version,
          })
          .returning('partnership_id')
          .execute();
        if (!result.affected) return;
        await appendChronology(db, {
          subjectType: 'action',
          subjectId: snapshot.actionId,
          event: snapshot.event,
          chain: partnershipChain(result.raw[0]?.partnership_id),
          actorId: snapshot.actorId,
          detail: { status: snapshot.status, version: snapshot.version },
          occurredAt: changedAt,
        });
      });
    },
  };
}
