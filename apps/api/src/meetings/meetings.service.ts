import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_WORKING_HOURS,
  dueAfter,
  STAGE_OF_ITEM,
  stagePolicy,
  timescaleFor,
  type ChasedItemKind,
  type MeetingItemKind,
} from '@safeguard/domain';
import {
  ActionEntity,
  appendChronology,
  MeetingAttendeeEntity,
  MeetingCirculationEntity,
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
import { leadsOwnAgency, seesWholePartnership } from '../auth/access-rules';
import {
  auditedBy,
  type Principal,
  assertOwnPartnership,
  NO_SUCH_PARTNERSHIP,
} from '../auth/principal';
import { ProblemException } from '../common/problem';
import { NamedPeople } from '../directory/named-people';
import { processStart, ProcessStarter } from '../temporal/process-starter';
import { ActionWorkflowGateway } from '../actions/action-workflow.gateway';
import { chaserInput } from '../actions/chaser-input';
import { dueInstant } from '../common/validation';
import { undoneIfRefused } from '../temporal/workflow-updates';
import { PoliciesService } from '../policies/policies.service';
import { ActionAccess } from '../actions/action-access';
import { RecordCirculationDto } from './dto/record-circulation.dto';
import { RecordMeetingDto } from './dto/record-meeting.dto';
import { MeetingDueDatesQuery, MeetingDueDatesView } from './dto/meeting-due-dates';
import { AttendeeView, MeetingView } from './dto/meeting.view';
import {
  assertEveryAgencyReached,
  assertRecordHoldsWhatItMust,
  loadRecordLists,
  recordColumns,
  storeRecordLists,
  type CirculatedItem,
} from './meeting-record';
import { recordRead } from '../audit/record-read';

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
    private readonly access: ActionAccess,
    private readonly policies: PoliciesService,
  ) {}

  /** All in one transaction: if Temporal refuses the start, nothing is recorded. */
  async record(dto: RecordMeetingDto, principal: Principal): Promise<MeetingView> {
    assertOwnPartnership(principal, dto.partnershipId);
    const heldAt = new Date(dto.heldAt);
    const reviewAt = dto.reviewAt ? new Date(dto.reviewAt) : null;
    if (reviewAt && reviewAt <= heldAt) {
      throw ProblemException.unprocessable('reviewAt', 'must be after the meeting (heldAt)');
    }
    assertRecordHoldsWhatItMust(dto);
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
        ...recordColumns(dto),
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
      await storeRecordLists(db, id, dto);

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
            dueAt: dueInstant(agreed.dueAt, policy.document.workingDay ?? DEFAULT_WORKING_HOURS),
            urgent: agreed.urgent ?? false,
            rationale: agreed.rationale,
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
              adultAttended: dto.adult.attended,
              adultHeard: Boolean(dto.adult.views?.trim()),
              riskLeadId: dto.risk.leadId,
              risks: dto.risk.risks.length,
              capacityConcerns: dto.risk.capacityConcerns,
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

  /** What the policy would give each item of a meeting held then, for the form to offer. */
  async dueDates(query: MeetingDueDatesQuery, principal: Principal): Promise<MeetingDueDatesView> {
    assertOwnPartnership(principal, query.partnershipId);
    const policy = await this.policies.latest(this.dataSource.manager, query.partnershipId);
    if (!policy) throw ProblemException.unprocessable('partnershipId', NO_SUCH_PARTNERSHIP);
    const heldAt = new Date(query.heldAt);
    const due = (kind: ChasedItemKind) => defaultDue(policy, kind, heldAt).toISOString();
    return {
      policyVersion: policy.version,
      action: due('action'),
      actionLog: due('action-log'),
      minutes: due('minutes'),
    };
  }

  /** Reading a meeting's record is itself recorded. */
  async get(id: string, principal: Principal): Promise<MeetingView> {
    const view = await this.load(id, principal);
    await recordRead(this.dataSource, principal, {
      subjectType: 'meeting',
      subjectId: id,
      event: 'meeting.viewed',
      partnershipId: view.partnershipId,
    });
    return view;
  }

  /**
   * The minute-taker (or the chair, or a lead) records who received the action log or the minutes,
   * which closes that item: the list, with its time, is the record of who was told.
   */
  async recordCirculated(
    id: string,
    what: CirculatedItem,
    dto: RecordCirculationDto,
    principal: Principal,
  ): Promise<MeetingView> {
    const meeting = await this.visible(id, principal);
    const db = this.dataSource.manager;
    const item = await db.findOneByOrFail(ActionEntity, { meetingId: id, kind: what });
    // Whoever the item is asked of now (the minute-taker, unless passed on), the chair, or a lead.
    this.access.assertMay(
      'record-circulation',
      { action: item, accountableId: meeting.chairId, enquiryReference: null },
      principal,
    );
    await this.people.assertAllNamed(
      dto.recipientIds.map((personId, index) => ({ personId, field: `recipientIds.${index}` })),
      { partnership: meeting.partnershipId },
    );
    await assertEveryAgencyReached(db, id, dto.recipientIds);
    const circulatedAt = new Date();
    const rows = dto.recipientIds.map((personId) => ({
      meetingId: id,
      item: what,
      personId,
      circulatedAt,
      recordedBy: principal.personId,
    }));
    // Stored first, as words are: a refused close (already circulated) takes its rows with it.
    await db
      .createQueryBuilder()
      .insert()
      .into(MeetingCirculationEntity)
      .values(rows)
      .orIgnore()
      .execute();
    await undoneIfRefused(
      () => this.workflow.complete(item, principal.personId),
      () =>
        db.delete(MeetingCirculationEntity, {
          meetingId: id,
          item: what,
          circulatedAt,
          recordedBy: principal.personId,
        }),
    );
    await this.dataSource.transaction((tx) =>
      appendChronology(tx, {
        subjectType: 'meeting',
        subjectId: id,
        event: 'meeting.circulated',
        chain: partnershipChain(meeting.partnershipId),
        detail: {
          item: what,
          recipientIds: dto.recipientIds,
          circulatedAt: circulatedAt.toISOString(),
        },
        occurredAt: circulatedAt,
        ...auditedBy(principal),
      }),
    );
    return this.load(id, principal);
  }

  private async load(id: string, principal: Principal): Promise<MeetingView> {
    return this.view(await this.visible(id, principal));
  }

  private async view(meeting: MeetingEntity): Promise<MeetingView> {
    const id = meeting.id;
    const [attendees, decisions, items, parts] = await Promise.all([
      this.dataSource.manager.query(
        `SELECT ma.person_id AS "personId", ma.agency_id AS "agencyId",
                p.display_name AS "displayName", a.name AS "agencyName"
           FROM meeting_attendees ma
           JOIN people p ON p.id = ma.person_id
           JOIN agencies a ON a.id = ma.agency_id
          WHERE ma.meeting_id = $1
          ORDER BY a.name, p.display_name`,
        [id],
      ) as Promise<AttendeeView[]>,
      this.dataSource.manager.findBy(MeetingDecisionEntity, { meetingId: id }),
      this.dataSource.manager.find(ActionEntity, {
        where: { meetingId: id },
        order: { createdAt: 'ASC', reference: 'ASC' },
      }),
      loadRecordLists(this.dataSource.manager, id),
    ]);
    return MeetingView.of(meeting, attendees, decisions, items, parts);
  }

  /**
   * A meeting's record is for the people who attended or hold one of its items, and for the
   * agencies that took part through those who lead them (designated leads, heads of service);
   * partnership-wide leads see every meeting. Not for every colleague of an attendee: anyone else
   * gets 404.
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
        `(:personId IN (meeting.chair_id, meeting.minute_taker_id)
          OR :personId IN (SELECT person_id FROM meeting_attendees WHERE meeting_id = meeting.id)
          OR :personId IN (SELECT owner_id FROM actions WHERE meeting_id = meeting.id)
          OR (:leadsAgency AND :agencyId IN (
            SELECT agency_id FROM meeting_attendees WHERE meeting_id = meeting.id
            UNION SELECT p.agency_id FROM actions a JOIN people p ON p.id = a.owner_id
                   WHERE a.meeting_id = meeting.id
            UNION SELECT agency_id FROM people
                   WHERE id IN (meeting.chair_id, meeting.minute_taker_id))))`,
        {
          personId: principal.personId,
          agencyId: principal.agencyId,
          leadsAgency: leadsOwnAgency(principal),
        },
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
        { personId: dto.risk.leadId, field: 'risk.leadId' },
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
  return dueAfter(timescaleFor(stage), heldAt, policy.document);
}
