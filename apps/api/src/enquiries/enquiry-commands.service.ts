import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, type UpdateDefinition } from '@temporalio/client';
import {
  EnquiryDelegationEntity,
  EnquiryRecordEntity,
  MeetingEntity,
  type EnquiryRecordKind,
} from '@safeguard/persistence';
import {
  acknowledgeConcernUpdate,
  agreePlanUpdate,
  closeEnquiryUpdate,
  delegateEnquiryUpdate,
  leadEnquiryUpdate,
  pauseEnquiryUpdate,
  recordDecisionUpdate,
  recordOutcomeUpdate,
  recordPlanReviewUpdate,
  recordStrategyDiscussionUpdate,
  respondToDelegationUpdate,
  resumeEnquiryUpdate,
  reviewReportUpdate,
  submitReportUpdate,
  type EnquiryWorkflowState,
} from '@safeguard/workflows';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../common/problem';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { executeUpdateOrConflict, storedFirst } from '../temporal/workflow-updates';
import {
  AcceptDelegationDto,
  AcceptReportDto,
  AcknowledgeConcernDto,
  AgreePlanDto,
  CloseEnquiryDto,
  DeclineDelegationDto,
  DelegateEnquiryDto,
  LeadEnquiryDto,
  LinkStrategyDiscussionDto,
  PauseEnquiryDto,
  RecordDecisionDto,
  RecordOutcomeDto,
  RecordPlanReviewDto,
  ReportDateDto,
  ReturnReportDto,
  SubmitReportDto,
} from './dto/enquiry-commands.dto';
import { EnquiryView } from './dto/enquiry.view';
import { EnquiriesService } from './enquiries.service';
import { EnquiryAccess, type VisibleEnquiry } from './enquiry-access';
import { NamedPeople } from '../directory/named-people';
import { answersSoFar, mspRecorded, riskOutcomeRecorded } from './outcome-answers';

const NOT_RUNNING =
  'the enquiry is not being followed: it is closed, or its workflow has not started yet';

/** What a command stores before the workflow hears of it (the workflow carries only its id). */
interface RecordContent {
  kind: EnquiryRecordKind;
  facts: Record<string, string | number | boolean>;
  text: string | null;
}

/**
 * The commands of a Section 42 enquiry. Each is checked (input, then who may give it), stores
 * what it says first, then goes to the enquiry's workflow as an Update with ids only; the workflow
 * refuses a command that does not fit the stage (409 with its reason, and what was stored goes)
 * and writes the read model before it answers, so the view returned already shows the change.
 */
@Injectable()
export class EnquiryCommandsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly access: EnquiryAccess,
    private readonly people: NamedPeople,
    private readonly enquiries: EnquiriesService,
  ) {}

  async acknowledge(
    id: string,
    dto: AcknowledgeConcernDto,
    principal: Principal,
  ): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    this.access.assertTriage(target, principal);
    const enquiryManagerId = dto.enquiryManagerId ?? principal.personId;
    await this.people.assertNamed(enquiryManagerId, 'enquiryManagerId', {
      localAuthorityOf: target.enquiry.partnershipId,
    });
    await this.update(target, acknowledgeConcernUpdate, {
      actorId: principal.personId,
      enquiryManagerId,
    });
    return this.answer(target, principal);
  }

  async decide(id: string, dto: RecordDecisionDto, principal: Principal): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    this.access.assertManager(target, principal, 'record the Section 42 decision');
    const otherEnquiry = dto.otherEnquiry ?? false;
    const facts = {
      dutyMet: dto.dutyMet,
      otherEnquiry,
      ...definedOnly({
        route: dto.route,
        consentSought: dto.consentSought,
        consentNotSoughtReason: dto.consentNotSoughtReason,
        capacityView: dto.capacityView,
        advocacy: dto.advocacy,
      }),
    };
    await this.withRecord(
      target,
      principal,
      { kind: 'decision', facts, text: dto.reason },
      (decisionId) =>
        this.update(target, recordDecisionUpdate, {
          actorId: principal.personId,
          decisionId,
          dutyMet: dto.dutyMet,
          otherEnquiry,
        }),
    );
    return this.answer(target, principal);
  }

  async linkStrategyDiscussion(
    id: string,
    dto: LinkStrategyDiscussionDto,
    principal: Principal,
  ): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    this.access.assertManager(target, principal, 'record the strategy discussion');
    const meeting = await this.dataSource.manager.findOneBy(MeetingEntity, {
      id: dto.meetingId,
      partnershipId: target.enquiry.partnershipId,
    });
    if (!meeting) {
      throw ProblemException.unprocessable(
        'meetingId',
        'no meeting with this id in the partnership',
      );
    }
    if (meeting.type !== 'strategy-discussion') {
      throw ProblemException.conflict(
        'meetingId',
        `the meeting was recorded as a ${meeting.type}, not a strategy-discussion`,
      );
    }
    await this.update(target, recordStrategyDiscussionUpdate, {
      actorId: principal.personId,
      meetingId: meeting.id,
    });
    return this.answer(target, principal);
  }

  async lead(id: string, dto: LeadEnquiryDto, principal: Principal): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    this.access.assertManager(target, principal, 'lead the enquiry');
    await this.people.assertNamed(dto.enquirerId, 'enquirerId', {
      localAuthorityOf: target.enquiry.partnershipId,
    });
    await this.update(target, leadEnquiryUpdate, {
      actorId: principal.personId,
      enquirerId: dto.enquirerId,
      ...reportDate(dto),
    });
    return this.answer(target, principal);
  }

  /** The request is stored first; the report date in it is the one the workflow then sets. */
  async delegate(id: string, dto: DelegateEnquiryDto, principal: Principal): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    this.access.assertManager(target, principal, 'delegate the enquiry');
    if (dto.periodTo < dto.periodFrom) {
      throw ProblemException.invalid([
        { field: 'periodTo', message: 'must not be before periodFrom' },
      ]);
    }
    const contactId = await this.contact(dto, target.enquiry.partnershipId);
    const db = this.dataSource.manager;
    const delegation = db.create(EnquiryDelegationEntity, {
      id: randomUUID(),
      enquiryId: id,
      agencyId: dto.agencyId,
      contactId,
      requestedById: principal.personId,
      requestedAt: new Date(),
      // Provisional: the workflow sets the date (its policy's, when none is given) and the read
      // model it writes before the request is answered carries it here.
      reportDueAt: new Date(dto.reportDueAt ?? Date.now()),
      complex: dto.complex ?? false,
      scope: dto.scope,
      adultsViews: dto.adultsViews,
      desiredOutcomes: dto.desiredOutcomes,
      capacityView: dto.capacityView,
      sharingConsent: dto.sharingConsent,
      sharingOverriddenOn: dto.sharingConsent === 'overridden' ? dto.sharingOverriddenOn! : null,
      periodFrom: dto.periodFrom,
      periodTo: dto.periodTo,
      keyIssues: dto.keyIssues,
      status: 'requested',
      enquirerId: null,
      respondedAt: null,
    });
    await storedFirst(db, EnquiryDelegationEntity, delegation, (delegationId) =>
      this.update(target, delegateEnquiryUpdate, {
        actorId: principal.personId,
        delegationId,
        agencyId: dto.agencyId,
        contactId,
        ...reportDate(dto),
      }),
    );
    return this.answer(target, principal);
  }

  async acceptDelegation(
    id: string,
    delegationId: string,
    dto: AcceptDelegationDto,
    principal: Principal,
  ): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    const delegation = this.delegationAnswered(target, delegationId, principal);
    await this.people.assertNamed(dto.enquirerId, 'enquirerId', { agency: delegation.agencyId });
    const facts = { delegationId, accepted: true, enquirerId: dto.enquirerId };
    await this.withRecord(
      target,
      principal,
      { kind: 'delegation-response', facts, text: null },
      (recordId) =>
        this.update(target, respondToDelegationUpdate, {
          actorId: principal.personId,
          recordId,
          accepted: true,
          enquirerId: dto.enquirerId,
        }),
    );
    return this.answer(target, principal);
  }

  async declineDelegation(
    id: string,
    delegationId: string,
    dto: DeclineDelegationDto,
    principal: Principal,
  ): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    this.delegationAnswered(target, delegationId, principal);
    const facts = { delegationId, accepted: false };
    await this.withRecord(
      target,
      principal,
      { kind: 'delegation-response', facts, text: dto.reason },
      (recordId) =>
        this.update(target, respondToDelegationUpdate, {
          actorId: principal.personId,
          recordId,
          accepted: false,
        }),
    );
    return this.answer(target, principal);
  }

  async submitReport(id: string, dto: SubmitReportDto, principal: Principal): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    this.access.assertReporter(target, principal);
    const facts = delegatedFacts(target);
    await this.withRecord(
      target,
      principal,
      { kind: 'report', facts, text: dto.text },
      (reportId) =>
        this.update(target, submitReportUpdate, { actorId: principal.personId, reportId }),
    );
    return this.answer(target, principal);
  }

  acceptReport(
    id: string,
    reportId: string,
    dto: AcceptReportDto,
    principal: Principal,
  ): Promise<EnquiryView> {
    return this.reviewReport(id, reportId, { accepted: true, text: dto.note ?? null }, principal);
  }

  returnReport(
    id: string,
    reportId: string,
    dto: ReturnReportDto,
    principal: Principal,
  ): Promise<EnquiryView> {
    const newDueAt = new Date(dto.newDueAt).toISOString();
    return this.reviewReport(
      id,
      reportId,
      { accepted: false, text: dto.questions, newDueAt },
      principal,
    );
  }

  /** Answers can come in parts: each outcome record holds every answer given so far. */
  async recordOutcome(
    id: string,
    dto: RecordOutcomeDto,
    principal: Principal,
  ): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    this.access.assertManager(target, principal, 'record the outcome');
    const { outcomeId } = target.enquiry;
    const previous = outcomeId
      ? await this.dataSource.manager.findOneBy(EnquiryRecordEntity, { id: outcomeId })
      : null;
    const answers = answersSoFar(previous?.facts, dto);
    const content = { kind: 'outcome' as const, facts: { ...answers }, text: dto.note ?? null };
    await this.withRecord(target, principal, content, (recordId) =>
      this.update(target, recordOutcomeUpdate, {
        actorId: principal.personId,
        outcomeId: recordId,
        riskOutcomeRecorded: riskOutcomeRecorded(answers),
        mspRecorded: mspRecorded(answers),
      }),
    );
    return this.answer(target, principal);
  }

  async agreePlan(id: string, dto: AgreePlanDto, principal: Principal): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    this.access.assertManager(target, principal, 'agree the safeguarding plan');
    await this.people.assertNamed(dto.leadId, 'leadId', {
      partnership: target.enquiry.partnershipId,
    });
    const firstReviewAt = isoOrUndefined(dto.firstReviewAt);
    const facts = { leadId: dto.leadId, ...definedOnly({ firstReviewAt }) };
    await this.withRecord(target, principal, { kind: 'plan', facts, text: dto.text }, (planId) =>
      this.update(target, agreePlanUpdate, {
        actorId: principal.personId,
        planId,
        leadId: dto.leadId,
        firstReviewAt,
      }),
    );
    return this.answer(target, principal);
  }

  async reviewPlan(
    id: string,
    dto: RecordPlanReviewDto,
    principal: Principal,
  ): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    this.access.assertPlanReviewer(target, principal);
    const nextReviewAt = isoOrUndefined(dto.nextReviewAt);
    const facts = definedOnly({ nextReviewAt });
    await this.withRecord(
      target,
      principal,
      { kind: 'plan-review', facts, text: dto.note ?? null },
      (reviewId) =>
        this.update(target, recordPlanReviewUpdate, {
          actorId: principal.personId,
          reviewId,
          nextReviewAt,
        }),
    );
    return this.answer(target, principal);
  }

  async pause(id: string, dto: PauseEnquiryDto, principal: Principal): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    this.access.assertManager(target, principal, 'pause the enquiry');
    const facts = { reason: dto.reason };
    await this.withRecord(target, principal, { kind: 'pause', facts, text: dto.note }, (recordId) =>
      this.update(target, pauseEnquiryUpdate, {
        actorId: principal.personId,
        recordId,
        reason: dto.reason,
      }),
    );
    return this.answer(target, principal);
  }

  async resume(id: string, principal: Principal): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    this.access.assertManager(target, principal, 'resume the enquiry');
    await this.update(target, resumeEnquiryUpdate, { actorId: principal.personId });
    return this.answer(target, principal);
  }

  async close(id: string, dto: CloseEnquiryDto, principal: Principal): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    this.access.assertManager(target, principal, 'close the enquiry');
    await this.withRecord(
      target,
      principal,
      { kind: 'closure', facts: {}, text: dto.note ?? null },
      (recordId) =>
        this.update(target, closeEnquiryUpdate, { actorId: principal.personId, recordId }),
    );
    return this.answer(target, principal);
  }

  private async reviewReport(
    id: string,
    reportId: string,
    review: { accepted: boolean; text: string | null; newDueAt?: string },
    principal: Principal,
  ): Promise<EnquiryView> {
    const target = await this.access.visible(id, principal);
    this.access.assertManager(target, principal, 'review the report');
    const report = await this.dataSource.manager.findOneBy(EnquiryRecordEntity, {
      id: reportId,
      enquiryId: id,
      kind: 'report',
    });
    if (!report) throw ProblemException.notFound('report');
    if (target.enquiry.stage === 'enquiry' && target.enquiry.reportId !== reportId) {
      throw ProblemException.stageConflict('this report is not the one waiting for review');
    }
    const { accepted, newDueAt } = review;
    const facts = { reportId, accepted, ...definedOnly({ newDueAt }), ...delegatedFacts(target) };
    await this.withRecord(
      target,
      principal,
      { kind: 'report-review', facts, text: review.text },
      (reviewId) =>
        this.update(target, reviewReportUpdate, {
          actorId: principal.personId,
          reviewId,
          accepted,
          newDueAt,
        }),
    );
    return this.answer(target, principal);
  }

  /** The delegation named in the path, if it is this enquiry's and the caller answers for it. */
  private delegationAnswered(
    { delegation }: VisibleEnquiry,
    delegationId: string,
    principal: Principal,
  ): EnquiryDelegationEntity {
    if (delegation?.id !== delegationId) throw ProblemException.notFound('delegation');
    this.access.assertResponder(delegation, principal);
    return delegation;
  }

  /** The agency's contact: the person named, else its longest-serving designated lead. */
  private async contact(dto: DelegateEnquiryDto, partnershipId: string): Promise<string> {
    await this.people.assertAgencyIn(dto.agencyId, 'agencyId', partnershipId);
    const agency = { agency: dto.agencyId };
    if (dto.contactId) {
      await this.people.assertNamed(dto.contactId, 'contactId', agency);
      return dto.contactId;
    }
    const lead = await this.people.firstWithRole(agency, 'designated-safeguarding-lead');
    if (!lead) {
      throw ProblemException.invalid([
        {
          field: 'contactId',
          message: 'required: the agency has no active designated safeguarding lead',
        },
      ]);
    }
    return lead;
  }

  /**
   * Words never enter the workflow: the record is stored first, the command carries its id, and
   * a refused command takes its record with it.
   */
  private async withRecord(
    { enquiry }: VisibleEnquiry,
    principal: Principal,
    content: RecordContent,
    command: (recordId: string) => Promise<unknown>,
  ): Promise<void> {
    const record = {
      ...content,
      id: randomUUID(),
      enquiryId: enquiry.id,
      authorId: principal.personId,
      createdAt: new Date(),
    };
    await storedFirst(this.dataSource.manager, EnquiryRecordEntity, record, command);
  }

  /** A closed enquiry's workflow has finished, so the read model gives the reason. */
  private async update<Command>(
    { enquiry }: VisibleEnquiry,
    update: UpdateDefinition<EnquiryWorkflowState, [Command]>,
    command: Command,
  ): Promise<void> {
    if (enquiry.stage === 'closed') throw ProblemException.stageConflict('the enquiry is closed');
    await executeUpdateOrConflict(this.temporal, enquiry.workflowId, update, command, NOT_RUNNING);
  }

  private async answer(target: VisibleEnquiry, principal: Principal): Promise<EnquiryView> {
    return this.enquiries.view(await this.access.reloaded(target), principal);
  }
}

/** The report and its reviews belong to the delegation they were made under, if any. */
function delegatedFacts({ enquiry, delegation }: VisibleEnquiry): { delegationId?: string } {
  return enquiry.ledBy === 'delegated' && delegation ? { delegationId: delegation.id } : {};
}

function reportDate(dto: ReportDateDto): { reportDueAt?: string; complex?: boolean } {
  return definedOnly({ reportDueAt: isoOrUndefined(dto.reportDueAt), complex: dto.complex });
}

function isoOrUndefined(instant: string | undefined): string | undefined {
  return instant === undefined ? undefined : new Date(instant).toISOString();
}

/** Facts keep only what was said: an unanswered question is absent, not null. */
function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
