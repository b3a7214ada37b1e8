import { DataSource, type EntityManager } from 'typeorm';
import {
  ActionEntity,
  appendChronology,
  NotificationPreferenceEntity,
  partnershipChain,
  PersonEntity,
} from '@safeguard/persistence';
import {
  DELIVERY_REFUSED,
  type ActionActivities,
  type ActionReminderEvent,
  type ActionStateSnapshot,
  type ReminderOutcome,
  type ReminderRecipient,
  type SendActionReminder,
} from '@safeguard/workflows';
import { closesByCirculation } from '@safeguard/domain';
import { issueActionLink, type ActionLinkVerb } from '@safeguard/platform';
import { ApplicationFailure } from '@temporalio/common';
import { DeliveryRefused } from '../mail/mailer';
import { renderMessage } from '../mail/catalogue';
import type { RenderedEmail } from '../mail/renderer';
import type { ActionMessageKind } from '../mail/facts';
import {
  claimNotification,
  recordRefused,
  recordSent,
  type NotificationSubject,
} from './notification-log';
import type { ActivityDeps } from './activity-deps';
import { nobodyToEscalateTo, resolveRecipients } from './recipients';
import { writeVersionedState } from './versioned-state';

async function prefersDigest(dataSource: DataSource, personId: string): Promise<boolean> {
  const preference = await dataSource.manager.findOneBy(NotificationPreferenceEntity, { personId });
  return preference?.delivery === 'daily-digest';
}

/** Messages from the timetable: when they cannot reach the owner, their manager is told. */
const TIMETABLE_EVENTS: ReadonlySet<ActionReminderEvent> = new Set(['reminder', 'due', 'overdue']);

const MESSAGE_OF: Record<ActionReminderEvent, ActionMessageKind> = {
  reminder: 'action.reminder',
  due: 'action.due',
  overdue: 'action.overdue',
  escalated: 'action.escalated',
  assigned: 'action.assigned',
  'extension-requested': 'action.extension-requested',
  'extension-approved': 'action.extension-approved',
  'extension-refused': 'action.extension-refused',
  cancelled: 'action.cancelled',
};

/** The owner's own reminder, or the "owner unreachable" one when someone stands in for them. */
function messageFor(event: ActionReminderEvent, toOwnerInPerson: boolean): ActionMessageKind {
  if (TIMETABLE_EVENTS.has(event) && !toOwnerInPerson) return 'action.owner-unreachable';
  return MESSAGE_OF[event];
}

function subjectOf(action: ActionEntity): NotificationSubject {
  return { subjectType: 'action', subjectId: action.id, partnershipId: action.partnershipId };
}

function refused(smtpCode: number): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `the mail server refused the reminder (SMTP ${smtpCode})`,
    DELIVERY_REFUSED,
  );
}

export function createActionActivities(deps: ActivityDeps): ActionActivities {
  const { dataSource, mailer, publicWebUrl, actionLinkSecret, log } = deps;

  async function recordChronology(
    action: ActionEntity,
    event: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await dataSource.transaction((db) =>
      appendChronology(db, {
        subjectType: 'action',
        subjectId: action.id,
        event,
        chain: partnershipChain(action.partnershipId),
        kind: 'system',
        detail,
      }),
    );
  }

  /** Sends once per idempotency key (see notification-log.ts). */
  async function sendTo(
    action: ActionEntity & { owner: PersonEntity },
    recipient: PersonEntity,
    event: ActionReminderEvent,
    kind: ActionMessageKind,
    idempotencyKey: string,
    addressee: ReminderRecipient,
  ): Promise<ReminderOutcome> {
    const toOwner = kind !== 'action.owner-unreachable' && recipient.id === action.ownerId;
    // Only "due soon" waits for a digest reader's morning digest: what falls due today, what is
    // overdue, urgent items and anything to anyone but the owner are time-critical, and go at once.
    const holdForDigest =
      toOwner &&
      event === 'reminder' &&
      !action.urgent &&
      (await prefersDigest(dataSource, recipient.id));
    const subject = subjectOf(action);
    const claim = await claimNotification(dataSource, subject, {
      idempotencyKey,
      event,
      recipientId: recipient.id,
      status: holdForDigest ? 'held-for-digest' : 'sending',
    });
    if (claim.status === 'sent') {
      log.info({ actionId: action.id, event, notificationId: claim.id }, 'reminder already sent');
      return 'sent';
    }
    if (claim.status === 'failed') throw refused(claim.failureCode ?? 550);
    if (claim.status === 'held-for-digest') return 'held-for-digest';

    const facts = {
      reference: action.reference,
      dueAt: action.dueAt,
      link: `${publicWebUrl}/actions/${action.id}`,
    };
    /** A signed link that acts as the owner: only the owner gets one. */
    const ownerLink = (verb: ActionLinkVerb) =>
      issueActionLink(
        publicWebUrl,
        { actionId: action.id, recipientId: action.ownerId, verb },
        actionLinkSecret,
        new Date(),
      );
    let email: RenderedEmail;
    switch (kind) {
      // "Due" and "due soon" go to the owner in person (a stand-in gets "owner unreachable").
      // An enquiry's deadline closes only through the enquiry, so it gets no complete link.
      case 'action.due':
        email = renderMessage(
          kind,
          // Neither an enquiry's deadline nor the minutes close on their own (no complete link).
          action.enquiryId || closesByCirculation(action.kind)
            ? facts
            : { ...facts, completeLink: ownerLink('complete') },
        );
        break;
      case 'action.reminder':
        email = renderMessage(kind, { ...facts, acknowledgeLink: ownerLink('acknowledge') });
        break;
      // The read model names the new owner before this is sent; a deactivated one's line
      // manager gets it without a link.
      case 'action.assigned':
        email = renderMessage(
          kind,
          toOwner ? { ...facts, acknowledgeLink: ownerLink('acknowledge') } : facts,
        );
        break;
      default:
        email = renderMessage(kind, facts);
    }
    let smtpMessageId: string;
    try {
      smtpMessageId = await mailer.send({
        to: recipient.email,
        ...email,
        notificationId: claim.id,
      });
    } catch (error) {
      if (error instanceof DeliveryRefused) {
        await recordRefused(dataSource, subject, claim, error.smtpCode);
        log.warn({ notificationId: claim.id, smtpCode: error.smtpCode }, 'reminder refused');
        throw refused(error.smtpCode);
      }
      // Deferred deliveries are retried by Temporal with backoff, as long as it takes.
      throw error;
    }

    await recordSent(dataSource, subject, claim, smtpMessageId, { addressee });
    log.info({ actionId: action.id, event, notificationId: claim.id, addressee }, 'reminder sent');
    return 'sent';
  }

  /**
   * One message each, keyed apart; a refusal (SMTP 5xx) by one of several is recorded and the
   * others still get theirs.
   */
  async function sendToEach(
    action: ActionEntity & { owner: PersonEntity },
    people: PersonEntity[],
    event: ActionReminderEvent,
    kind: ActionMessageKind,
    idempotencyKey: string,
    addressee: ReminderRecipient,
  ): Promise<ReminderOutcome> {
    const outcomes: ReminderOutcome[] = [];
    for (const person of people) {
      try {
        const key = `${idempotencyKey}:${person.id}`;
        outcomes.push(await sendTo(action, person, event, kind, key, addressee));
      } catch (error) {
        if (!(error instanceof ApplicationFailure && error.type === DELIVERY_REFUSED)) throw error;
      }
    }
    return outcomes.includes('sent') ? 'sent' : (outcomes[0] ?? 'no-recipient');
  }

  return {
    /**
     * One message to whoever holds the addressed role now. A refusal (SMTP 5xx) of the owner's
     * own message fails the activity for good, so the workflow can turn to their manager; a
     * refusal by one of several leads is recorded and the others still get theirs.
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
      const withOwner = action as ActionEntity & { owner: PersonEntity };
      const { people, rerouted, fellBackTo } = await resolveRecipients(
        dataSource,
        withOwner,
        addressee,
      );
      if (rerouted) {
        await recordChronology(action, 'notification.rerouted', { event, addressee });
      }
      if (fellBackTo) {
        await recordChronology(action, 'notification.fell-back', {
          event,
          addressee,
          fellBackTo,
        });
      }
      if (people.length === 0) {
        await recordChronology(action, 'notification.no-recipient', { event, addressee });
        log.warn({ actionId, event, addressee }, 'reminder has nobody to go to');
        // An escalation that reaches nobody is itself escalated: to those who keep the directory.
        if (event === 'escalated') {
          const alerted = await nobodyToEscalateTo(dataSource, action);
          const alertKey = `${idempotencyKey}:unescalated`;
          await sendToEach(withOwner, alerted, event, 'action.unescalated', alertKey, addressee);
        }
        return 'no-recipient';
      }
      const kind = messageFor(event, addressee === 'owner' && !rerouted);
      // One person holds these roles: one message, keyed as the workflow keyed it.
      if (addressee === 'owner' || (addressee === 'owner-line-manager' && !fellBackTo)) {
        return sendTo(withOwner, people[0], event, kind, idempotencyKey, addressee);
      }
      return sendToEach(withOwner, people, event, kind, idempotencyKey, addressee);
    },

    /**
     * Writes the read model and records the change. A stale or repeated snapshot (lower version)
     * leaves the read model alone, but a stale one whose change was never recorded is recorded
     * now: two commands accepted together write concurrently, and the earlier one's write may
     * land second, yet the command was accepted and belongs in the chronology.
     */
    async recordActionState(snapshot: ActionStateSnapshot) {
      const changedAt = new Date(snapshot.changedAt);
      await writeVersionedState(dataSource, {
        entity: ActionEntity,
        subjectId: snapshot.actionId,
        version: snapshot.version,
        changedAt,
        columns: {
          status: snapshot.status,
          ...(snapshot.status === 'completed' ? { completedAt: changedAt } : {}),
          ...(snapshot.status === 'cancelled' ? { cancelledAt: changedAt } : {}),
          ...readModelOf(snapshot),
        },
        chronology: {
          subjectType: 'action',
          event: snapshot.event,
          actorId: snapshot.actorId,
          detail: { status: snapshot.status, version: snapshot.version, ...snapshot.detail },
        },
        whenStale: (db) => unrecordedStaleSnapshot(db, snapshot),
      });
    },
  };
}

/** Snapshots from runs older than the full timetable carry only the status. */
function readModelOf(snapshot: ActionStateSnapshot): Partial<ActionEntity> {
  if (snapshot.dueAt === undefined) return {};
  return {
    dueAt: new Date(snapshot.dueAt),
    ...(snapshot.ownerId ? { ownerId: snapshot.ownerId } : {}),
    acknowledged: snapshot.acknowledged ?? false,
    proposedDueAt: snapshot.proposedDueAt ? new Date(snapshot.proposedDueAt) : null,
    nextReminderAt: snapshot.nextReminderAt ? new Date(snapshot.nextReminderAt) : null,
  };
}

/**
 * The action's partnership when `snapshot` is older than the read model and no change of its
 * version is in the chronology yet; undefined for a repeat (a retried write that already landed).
 * Writes of one action wait for each other on its row here, so the check sees every earlier one.
 */
async function unrecordedStaleSnapshot(
  db: EntityManager,
  snapshot: ActionStateSnapshot,
): Promise<{ partnershipId: string | null } | undefined> {
  const [action]: Array<{ partnership_id: string | null; process_version: number }> =
    await db.query(`SELECT partnership_id, process_version FROM actions WHERE id = $1 FOR UPDATE`, [
      snapshot.actionId,
    ]);
  if (!action || action.process_version <= snapshot.version) return undefined;
  const recorded: unknown[] = await db.query(
    `SELECT 1 FROM chronology
      WHERE subject_type = 'action' AND subject_id = $1 AND event LIKE 'action.%'
        AND detail->>'version' = $2
      LIMIT 1`,
    [snapshot.actionId, String(snapshot.version)],
  );
  return recorded.length > 0 ? undefined : { partnershipId: action.partnership_id };
}
