import { In, type EntityManager } from 'typeorm';
import { ApplicationFailure } from '@temporalio/common';
import { DisagreementEntity, DisagreementRecordEntity, PersonEntity } from '@safeguard/persistence';
import type {
  AgreedActionOpened,
  DisagreementActivities,
  DisagreementStateSnapshot,
  OpenAgreedAction,
  RecipientGroup,
  ResolveParticipants,
  SendDisagreementMessage,
} from '@safeguard/workflows';
import { renderMessage } from '../mail/catalogue';
import { DeliveryRefused } from '../mail/mailer';
import type { RenderedEmail } from '../mail/renderer';
import type { ActivityDeps } from './activity-deps';
import { openChasedItemRow } from './chased-item-rows';
import { activePerson, inAgency, inPartnership } from './directory';
import {
  claimNotification,
  recordRefused,
  recordSent,
  type NotificationSubject,
} from './notification-log';
import { writeVersionedState } from './versioned-state';

/** The outcome record names an agreed action that is not there: retrying cannot help. */
const AGREED_ACTION_MISSING = 'AgreedActionMissing';

export function createDisagreementActivities(
  deps: Pick<ActivityDeps, 'dataSource' | 'mailer' | 'publicWebUrl' | 'log'>,
): DisagreementActivities {
  const { dataSource, mailer, publicWebUrl, log } = deps;
  const disagreementOf = (db: EntityManager, id: string) =>
    db.findOneByOrFail(DisagreementEntity, { id });

  return {
    async resolveParticipants({ disagreementId, group }: ResolveParticipants): Promise<string[]> {
      const db = dataSource.manager;
      const people = await peopleIn(db, await disagreementOf(db, disagreementId), group);
      const ids = [...new Set(people.map((person) => person.id))];
      if (ids.length === 0) log.warn({ disagreementId, group }, 'nobody holds the group today');
      return ids;
    },

    /**
     * One email per person, keyed by the workflow's key and their id. Messages about a
     * disagreement always go at once, whatever someone's digest preference: every stage runs on a
     * timescale of days, and a morning digest could take half of it. A refusal (SMTP 5xx) is
     * recorded and the others still get theirs: the stage goes on without that person's email.
     */
    async sendDisagreementMessage(command: SendDisagreementMessage): Promise<void> {
      const disagreement = await disagreementOf(dataSource.manager, command.disagreementId);
      const email = emailAbout(disagreement, command, publicWebUrl);
      const subject: NotificationSubject = {
        subjectType: 'disagreement',
        subjectId: disagreement.id,
        partnershipId: disagreement.partnershipId,
      };
      // Someone deactivated since the group was resolved has left: nobody reads that mailbox.
      const people = await dataSource.manager.find(PersonEntity, {
        where: { id: In(command.recipientIds), active: true },
        order: { id: 'ASC' },
      });
      for (const person of people) {
        const claim = await claimNotification(dataSource, subject, {
          idempotencyKey: `${command.idempotencyKey}:${person.id}`,
          event: command.event,
          recipientId: person.id,
          status: 'sending',
        });
        // Sent, or refused for good, by an earlier attempt.
        if (claim.status !== 'sending') continue;
        let smtpMessageId: string;
        try {
          smtpMessageId = await mailer.send({
            to: person.email,
            ...email,
            notificationId: claim.id,
          });
        } catch (error) {
          if (!(error instanceof DeliveryRefused)) throw error;
          await recordRefused(dataSource, subject, claim, error.smtpCode);
          log.warn(
            { notificationId: claim.id, smtpCode: error.smtpCode },
            'disagreement message refused',
          );
          continue;
        }
        await recordSent(dataSource, subject, claim, smtpMessageId, { stage: command.stage });
        log.info(
          { disagreementId: disagreement.id, event: command.event, notificationId: claim.id },
          'disagreement message sent',
        );
      }
      const gone = new Set(command.recipientIds).size - people.length;
      if (gone > 0) {
        log.warn({ disagreementId: disagreement.id, gone }, 'recipients deactivated since');
      }
    },

    /** Writes the read model; a stale or repeated snapshot (not a higher version) changes nothing. */
    async recordDisagreementState(snapshot: DisagreementStateSnapshot): Promise<void> {
      await writeVersionedState(dataSource, {
        entity: DisagreementEntity,
        subjectId: snapshot.disagreementId,
        version: snapshot.version,
        changedAt: new Date(snapshot.changedAt),
        columns: {
          status: snapshot.status,
          ...(snapshot.immediateRisk === undefined
            ? {}
            : { immediateRisk: snapshot.immediateRisk }),
          stageKey: snapshot.stageKey,
          stage: snapshot.stage,
          highestStage: snapshot.highestStage,
          stageStartedAt: new Date(snapshot.stageStartedAt),
          stageDueAt: new Date(snapshot.stageDueAt),
          participantIds: snapshot.participants,
          acknowledgedByIds: snapshot.acknowledgedBy,
          outcomeId: snapshot.outcomeId ?? null,
          withdrawalId: snapshot.withdrawalId ?? null,
          // Closed once: when it was resolved or withdrawn, whatever is written after.
          ...(snapshot.status !== 'open'
            ? { closedAt: () => 'COALESCE(closed_at, :changedAt)' }
            : {}),
        },
        chronology: {
          subjectType: 'disagreement',
          event: snapshot.event,
          actorId: snapshot.actorId,
          kind: snapshot.actorId ? 'command' : 'system',
          detail: { stage: snapshot.stage, version: snapshot.version, ...snapshot.detail },
        },
      });
    },

    /**
     * The agreed action's row of `actions`, chased on the pinned policy's action timetable like
     * any meeting action, urgent if the disagreement is about an immediate risk of harm.
     */
    async openAgreedAction(command: OpenAgreedAction): Promise<AgreedActionOpened> {
      return dataSource.transaction(async (db) => {
        const disagreement = await disagreementOf(db, command.disagreementId);
        const outcome = await db.findOneBy(DisagreementRecordEntity, {
          id: command.outcomeId,
          disagreementId: command.disagreementId,
          kind: 'outcome',
        });
        const agreed = outcome && agreedActionAt(outcome.facts, command.index);
        if (!agreed) {
          throw ApplicationFailure.nonRetryable(
            `outcome ${command.outcomeId} has no agreed action at ${command.index}`,
            AGREED_ACTION_MISSING,
          );
        }
        await openChasedItemRow(db, {
          actionId: command.actionId,
          kind: 'action',
          title: agreed.title,
          ownerId: agreed.ownerId,
          dueAt: agreed.dueAt,
          urgent: disagreement.immediateRisk,
          partnershipId: disagreement.partnershipId,
          policyVersion: disagreement.policyVersion,
          belongsTo: { disagreementId: disagreement.id },
          detail: { disagreementId: disagreement.id, outcomeId: command.outcomeId },
        });
        return {
          ownerId: agreed.ownerId,
          dueAt: agreed.dueAt.toISOString(),
          urgent: disagreement.immediateRisk,
        };
      });
    },
  };
}

/** The same words for everyone it goes to: it carries no per-person link. */
function emailAbout(
  disagreement: DisagreementEntity,
  { event, stage, dueAt }: SendDisagreementMessage,
  publicWebUrl: string,
): RenderedEmail {
  const facts = {
    reference: disagreement.reference,
    stage,
    link: `${publicWebUrl}/disagreements/${disagreement.id}`,
  };
  switch (event) {
    case 'resolved':
    case 'withdrawn':
      return renderMessage(`disagreement.${event}`, facts);
    default: {
      // The read model has the stage's due date too, once the workflow has recorded the stage.
      const stageDueAt = dueAt ? new Date(dueAt) : disagreement.stageDueAt;
      if (!stageDueAt) throw new Error(`no due date recorded yet for ${disagreement.reference}`);
      return renderMessage(`disagreement.${event}`, { ...facts, dueAt: stageDueAt });
    }
  }
}

/**
 * One side of the disagreement: whoever speaks for it at stage 1, and the agency it speaks for.
 * That is the person named, while active; otherwise (only their agency was named, or they have
 * since left) the agency's safeguarding contacts.
 */
interface Side {
  agencyId: string;
  people: PersonEntity[];
}

/**
 * Who takes part (practice primer §3), from the directory today:
 *
 * - practitioners, and both sides: the raiser and the other party (see `Side`);
 * - line managers: each side's practitioners' line managers; a side with none active gets its
 *   agency's heads of service, who take part in stages 2 and 3 alongside line managers;
 * - designated leads: each agency's designated safeguarding leads, or its heads of service (its
 *   senior managers) where it has none;
 * - the board: the partnership's business managers and independent chairs.
 */
async function peopleIn(
  db: EntityManager,
  disagreement: DisagreementEntity,
  group: RecipientGroup,
): Promise<PersonEntity[]> {
  const sides = () =>
    Promise.all([
      sideOf(db, disagreement.raisedById, disagreement.raiserAgencyId),
      sideOf(db, disagreement.otherPersonId, disagreement.otherAgencyId),
    ]);
  switch (group) {
    case 'practitioners':
    case 'both-sides':
      return (await sides()).flatMap((side) => side.people);
    case 'line-managers': {
      const managers = await Promise.all((await sides()).map((side) => managersOf(db, side)));
      return managers.flat();
    }
    case 'designated-leads': {
      const agencies = [disagreement.raiserAgencyId, disagreement.otherAgencyId];
      return (await Promise.all(agencies.map((agencyId) => contactsOf(db, agencyId)))).flat();
    }
    case 'board':
      return inPartnership(db, disagreement.partnershipId, [
        'board-business-manager',
        'board-chair',
      ]);
  }
}

async function sideOf(db: EntityManager, personId: string | null, agencyId: string): Promise<Side> {
  const person = await activePerson(db, personId);
  return { agencyId, people: person ? [person] : await contactsOf(db, agencyId) };
}

/** Who answers for an agency in a disagreement: its designated leads, else its heads of service. */
async function contactsOf(db: EntityManager, agencyId: string): Promise<PersonEntity[]> {
  const leads = await inAgency(db, agencyId, 'designated-safeguarding-lead');
  return leads.length > 0 ? leads : inAgency(db, agencyId, 'head-of-service');
}

async function managersOf(db: EntityManager, side: Side): Promise<PersonEntity[]> {
  const managers = await Promise.all(
    side.people.map((person) => activePerson(db, person.lineManagerId)),
  );
  const active = managers.filter((manager): manager is PersonEntity => manager !== null);
  return active.length > 0 ? active : inAgency(db, side.agencyId, 'head-of-service');
}

interface AgreedAction {
  title: string;
  ownerId: string;
  dueAt: Date;
}

/** `facts.agreedActions[index]` of an outcome record, if it is there and well formed. */
function agreedActionAt(facts: Record<string, unknown>, index: number): AgreedAction | undefined {
  const list = facts.agreedActions;
  const item: unknown = Array.isArray(list) ? list[index] : undefined;
  if (typeof item !== 'object' || item === null) return undefined;
  const { title, ownerId, dueAt } = item as Record<string, unknown>;
  const due = typeof dueAt === 'string' ? new Date(dueAt) : undefined;
  if (typeof title !== 'string' || typeof ownerId !== 'string' || !due) return undefined;
  return Number.isNaN(due.getTime()) ? undefined : { title, ownerId, dueAt: due };
}
