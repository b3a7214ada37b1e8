import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  dueAfter,
  STAGE_OF_ITEM,
  stagePolicy,
  type ChasedItemKind,
  type MeetingItemKind,
} from '@safeguard/domain';
import {
  ActionEntity,
  appendChronology,
  MeetingAttendeeEntity,
  MeetingDecisionEntity,
  MeetingEntity,
  newChasedItemRow,
  nextReference,
  partnershipChain,
  type PolicyVersionEntity,
} from '@safeguard/persistence';
import {
  itemsStartedUpdate,
  meetingFollowUpWorkflow,
  meetingWorkflowId,
  actionWorkflowId,
  type MeetingFollowUpInput,
} from '@safeguard/workflows';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seesWholePartnership } from '../auth/access-rules';
import { auditedBy, type Principal } from '../auth/principal';
import { ProblemException } from '../common/problem';
import { NamedPeople } from '../directory/named-people';
import { processStart, ProcessStarter } from '../temporal/process-starter';
import { ActionWorkflowGateway } from '../actions/action-workflow.gateway';
import { chaserInput } from '../actions/chaser-input';
import { RecordMeetingDto } from './dto/record-meeting.dto';
import { MeetingView } from './dto/meeting.view';

/** What the minute-taker records as circulated. */
export type MinutesItem = Extract<ChasedItemKind, 'action-log' | 'minutes'>;

const ITEM_TITLES: Record<Exclude<MeetingItemKind, 'action'>, string> = {
  'action-log': 'Circulate the action log',
  minutes: 'Circulate the full minutes',
  review: 'Hold the agreed review',
};

/**
 * Recording a meeting records its plan and starts its follow-up: one workflow for the meeting,
 * with a child chaser for the action log, the minutes, each agreed action and the review.
 */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly processes: ProcessStarter,
    private readonly workflow: ActionWorkflowGateway,
    private readonly people: NamedPeople,
  ) {}

  /** All in one transaction: if Temporal refuses the start, nothing is recorded. */
  async record(dto: RecordMeetingDto, principal: Principal): Promise<MeetingView> {
    if (!principal.partnershipIds.includes(dto.partnershipId)) {
      throw ProblemException.unprocessable('partnershipId', 'no partnership with this id');
    }
    const heldAt = new Date(dto.heldAt);
    const reviewAt = dto.reviewAt ? new Date(dto.reviewAt) : null;
    if (reviewAt && reviewAt <= heldAt) {
      throw ProblemException.unprocessable('reviewAt', 'must be after the meeting (heldAt)');
    }
    await this.assertPeople(dto);
    const id = randomUUID();
    const now = new Date();
    await this.processes.recordAndStart(dto.partnershipId, async (db, policy) => {
      const meeting = db.create(MeetingEntity, {
        id,
        reference: await nextReference(db, 'MTG', now),
        partnershipId: dto.partnershipId,
        policyVersion: policy.version,
        type: dto.type,
        heldAt,
        chairId: dto.chairId,
        minuteTakerId: dto.minuteTakerId,
        caseReference: dto.caseReference ?? null,
        reviewAt,
        status: 'open',
        workflowId: meetingWorkflowId(id),
        createdAt: now,
        closedAt: null,
      });
      await db.insert(MeetingEntity, meeting);
      if (dto.attendees.length > 0) {
        await db.insert(
          MeetingAttendeeEntity,
          dto.attendees.map((a) => ({ meetingId: id, personId: a.personId, agencyId: a.agencyId })),
        );
      }
      if (dto.decisions.length > 0) {
        await db.insert(
          MeetingDecisionEntity,
          dto.decisions.map((text, position) => ({ meetingId: id, position, text })),
        );
      }

      const item = async (
        kind: ChasedItemKind,
        fields: Pick<ActionEntity, 'title' | 'ownerId' | 'dueAt' | 'urgent' | 'rationale'>,
      ) => {
        const actionId = randomUUID();
        const record = db.create(
          ActionEntity,
          newChasedItemRow(
            {
              ...fields,
              id: actionId,
              reference: await nextReference(db, 'ACT', now),
              workflowId: actionWorkflowId(actionId),
              kind,
              partnershipId: dto.partnershipId,
              policy,
              belongsTo: { meetingId: id },
            },
            now,
          ),
        );
        const input = chaserInput({ ...record, actionId }, policy);
        await db.insert(ActionEntity, record);
        return { record, input };
      };
      const byDefault = (kind: ChasedItemKind) => defaultDue(policy, kind, heldAt);
      const minuteTaker = { ownerId: dto.minuteTakerId, urgent: false, rationale: null };
      const actionLog = await item('action-log', {
        ...minuteTaker,
        title: ITEM_TITLES['action-log'],
        dueAt: byDefault('action-log'),
      });
      const fullMinutes = await item('minutes', {
        ...minuteTaker,
        title: ITEM_TITLES.minutes,
        dueAt: byDefault('minutes'),
      });
      const actions = [];
      for (const agreed of dto.actions) {
        actions.push(
          await item('action', {
            title: agreed.title,
            ownerId: agreed.ownerId,
            dueAt: agreed.dueAt ? new Date(agreed.dueAt) : byDefault('action'),
            urgent: agreed.urgent ?? false,
            rationale: agreed.rationale ?? null,
          }),
        );
      }
      const review = reviewAt
        ? await item('review', {
            title: ITEM_TITLES.review,
            ownerId: dto.chairId,
            dueAt: reviewAt,
            urgent: false,
            rationale: null,
          })
        : undefined;

      const followUp: MeetingFollowUpInput = {
        meetingId: id,
        actionLog: actionLog.input,
        fullMinutes: fullMinutes.input,
        actions: actions.map((action) => action.input),
        review: review?.input,
      };
      const chain = partnershipChain(dto.partnershipId);
      const items = [actionLog, fullMinutes, ...actions, ...(review ? [review] : [])];
      return processStart({
        workflow: meetingFollowUpWorkflow,
        workflowId: meeting.workflowId,
        args: [followUp],
        what: 'meeting',
        // Every item's chaser runs by the time we answer, so each takes commands at once.
        started: itemsStartedUpdate,
        chronology: [
          {
            subjectType: 'meeting',
            subjectId: id,
            event: 'meeting.recorded',
            chain,
            detail: {
              type: dto.type,
              heldAt: heldAt.toISOString(),
              chairId: dto.chairId,
              minuteTakerId: dto.minuteTakerId,
              attendees: dto.attendees.length,
              decisions: dto.decisions.length,
              actions: actions.length,
              policyVersion: policy.version,
            },
            occurredAt: now,
            ...auditedBy(principal),
          },
          ...items.map(({ record }) => ({
            subjectType: 'action' as const,
            subjectId: record.id,
            event: 'action.created',
            chain,
            detail: {
              kind: record.kind,
              meetingId: id,
              ownerId: record.ownerId,
              dueAt: record.dueAt.toISOString(),
              policyVersion: policy.version,
              urgent: record.urgent,
            },
            occurredAt: now,
            ...auditedBy(principal),
          })),
        ],
      });
    });
    // The recorder hears back what they recorded even when their agency takes no part in the
    // meeting and so may not read it later: a 404 here would hide a write that happened.
    return this.view(await this.dataSource.manager.findOneByOrFail(MeetingEntity, { id }));
  }

  /** Reading a meeting's record is itself recorded. */
  async get(id: string, principal: Principal): Promise<MeetingView> {
    const view = await this.load(id, principal);
    await this.dataSource.transaction((db) =>
      appendChronology(db, {
        subjectType: 'meeting',
        subjectId: id,
        event: 'meeting.viewed',
        kind: 'read',
        chain: partnershipChain(view.partnershipId),
        ...auditedBy(principal),
      }),
    );
    return view;
  }

  /** The minute-taker (or the chair, or a lead) records the action log or minutes circulated. */
  async recordCirculated(
    id: string,
    what: MinutesItem,
    principal: Principal,
  ): Promise<MeetingView> {
    const meeting = await this.visible(id, principal);
    const allowed =
      principal.personId === meeting.minuteTakerId ||
      principal.personId === meeting.chairId ||
      seesWholePartnership(principal);
    if (!allowed) {
      throw ProblemException.forbidden(
        "only the meeting's minute-taker, its chair or a safeguarding lead can record this",
      );
    }
    const item = await this.dataSource.manager.findOneByOrFail(ActionEntity, {
      meetingId: id,
      kind: what,
    });
    await this.workflow.complete(item, principal.personId);
    return this.load(id, principal);
  }

  private async load(id: string, principal: Principal): Promise<MeetingView> {
    return this.view(await this.visible(id, principal));
  }

  private async view(meeting: MeetingEntity): Promise<MeetingView> {
    const id = meeting.id;
    const [attendees, decisions, items] = await Promise.all([
      this.dataSource.manager.findBy(MeetingAttendeeEntity, { meetingId: id }),
      this.dataSource.manager.findBy(MeetingDecisionEntity, { meetingId: id }),
      this.dataSource.manager.find(ActionEntity, {
        where: { meetingId: id },
        order: { createdAt: 'ASC', reference: 'ASC' },
      }),
    ]);
    return MeetingView.of(meeting, attendees, decisions, items);
  }

  /**
   * Minutes go only to those with a need to know: partnership-wide leads, and the agencies that
   * attended, chaired or took the minutes. Anyone else gets 404.
   */
  private async visible(id: string, principal: Principal): Promise<MeetingEntity> {
    const query = this.dataSource.manager
      .createQueryBuilder(MeetingEntity, 'meeting')
      .where('meeting.id = :id', { id })
      .andWhere('meeting.partnership_id = ANY(:partnershipIds)', {
        partnershipIds: principal.partnershipIds,
      });
    if (!seesWholePartnership(principal)) {
      query.andWhere(
        `(:agencyId IN (
            SELECT agency_id FROM meeting_attendees WHERE meeting_id = meeting.id
            UNION SELECT agency_id FROM people
             WHERE id IN (meeting.chair_id, meeting.minute_taker_id)))`,
        { agencyId: principal.agencyId },
      );
    }
    const meeting = await query.getOne();
    if (!meeting) throw ProblemException.notFound('meeting');
    return meeting;
  }

  /**
   * Everyone named must be an active person of the partnership, and each attendee is recorded
   * with their own agency (else 422 naming the field): a meeting record is a list of who was
   * there for whom, and one that puts a person under another agency's name misleads whoever
   * reads it later.
   */
  private async assertPeople(dto: RecordMeetingDto): Promise<void> {
    await this.people.assertAllNamed(
      [
        { personId: dto.chairId, field: 'chairId' },
        { personId: dto.minuteTakerId, field: 'minuteTakerId' },
        ...dto.actions.map((agreed, index) => ({
          personId: agreed.ownerId,
          field: `actions.${index}.ownerId`,
        })),
        ...dto.attendees.map((attendee, index) => ({
          personId: attendee.personId,
          field: `attendees.${index}.personId`,
        })),
      ],
      { partnership: dto.partnershipId },
    );
    if (dto.attendees.length === 0) return;
    const rows: Array<{ id: string; agency_id: string }> = await this.dataSource.manager.query(
      `SELECT id, agency_id FROM people WHERE id = ANY($1)`,
      [dto.attendees.map((attendee) => attendee.personId)],
    );
    const agencyOf = new Map(rows.map((row) => [row.id, row.agency_id]));
    for (const [index, attendee] of dto.attendees.entries()) {
      if (agencyOf.get(attendee.personId) !== attendee.agencyId) {
        throw ProblemException.unprocessable(
          `attendees.${index}.agencyId`,
          "is not this attendee's own agency",
        );
      }
    }
  }
}

/** The policy's default due date for an item of this kind, from the meeting's date. */
function defaultDue(policy: PolicyVersionEntity, kind: ChasedItemKind, heldAt: Date): Date {
  const stage = stagePolicy(policy.document, STAGE_OF_ITEM[kind]);
  return dueAfter(stage.timescale, heldAt, policy.document);
}
