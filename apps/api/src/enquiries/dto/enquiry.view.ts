import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTION_STATUSES,
  CAPACITY_VIEWS,
  CONCERN_SOURCES,
  DELEGATION_STATUSES,
  ENQUIRY_ITEM_KINDS,
  ENQUIRY_STAGES,
  ENQUIRY_STEPS,
  ENQUIRY_TYPES,
  RISK_LOCATIONS,
  RISK_SOURCES,
  RISK_TYPES,
  URGENCIES,
  type ActionStatus,
  type CapacityView,
  type ConcernSource,
  type DelegationStatus,
  type EnquiryClosure,
  type EnquiryItemKind,
  type EnquiryLead,
  type EnquiryStage,
  type EnquiryStep,
  type EnquiryType,
  type RiskLocation,
  type RiskSource,
  type RiskType,
  type Urgency,
} from '@safeguard/domain';
import {
  ENQUIRY_RECORD_KINDS,
  type ActionEntity,
  type AdultEntity,
  type ChronologyEntryEntity,
  type EnquiryDelegationEntity,
  type EnquiryEntity,
  type EnquiryRecordEntity,
  type EnquiryRecordKind,
} from '@safeguard/persistence';
import { TimelineEntryView } from '../../actions/case-timeline';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** An enquiry as lists show it: no adult, no words, only where it stands and what is due. */
export class EnquirySummaryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ENQ-2026-000042' })
  reference: string;

  @ApiProperty({ format: 'uuid' })
  partnershipId: string;

  @ApiProperty({ enum: ENQUIRY_STAGES })
  stage: EnquiryStage;

  @ApiPropertyOptional({
    enum: ENQUIRY_STEPS,
    nullable: true,
    description: 'Within the enquiry stage.',
  })
  step: EnquiryStep | null;

  @ApiPropertyOptional({ enum: ENQUIRY_TYPES, nullable: true })
  enquiryType: EnquiryType | null;

  @ApiPropertyOptional({ enum: ['local-authority', 'delegated'], nullable: true })
  ledBy: EnquiryLead | null;

  @ApiProperty({ enum: URGENCIES })
  urgency: Urgency;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  delegatedAgencyId: string | null;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: "The enquiry's clocks are stopped since then (the plan's reviews never are).",
  })
  pausedSince: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The earliest open deadline that is running.',
  })
  nextDueAt: string | null;

  @ApiProperty({ description: 'The next deadline has passed.' })
  overdue: boolean;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;

  static of(enquiry: EnquiryEntity, now = new Date()): EnquirySummaryView {
    return {
      id: enquiry.id,
      reference: enquiry.reference,
      partnershipId: enquiry.partnershipId,
      stage: enquiry.stage,
      step: enquiry.step,
      enquiryType: enquiry.enquiryType,
      ledBy: enquiry.ledBy,
      urgency: enquiry.urgency,
      delegatedAgencyId: enquiry.delegatedAgencyId,
      receivedAt: enquiry.receivedAt.toISOString(),
      pausedSince: iso(enquiry.pausedSince),
      nextDueAt: iso(enquiry.nextDueAt),
      overdue: enquiry.nextDueAt !== null && enquiry.nextDueAt < now,
      closedAt: iso(enquiry.closedAt),
    };
  }
}

/** What an agency was asked to do, as its own list shows it. */
export class DelegatedEnquiryView extends EnquirySummaryView {
  @ApiProperty({ format: 'uuid' })
  delegationId: string;

  @ApiProperty({ enum: DELEGATION_STATUSES })
  delegationStatus: DelegationStatus;

  @ApiProperty({ format: 'uuid', description: 'Who in the agency answers the request.' })
  contactId: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  enquirerId: string | null;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ format: 'date-time' })
  reportDueAt: string;

  static ofDelegation(
    enquiry: EnquiryEntity,
    delegation: EnquiryDelegationEntity,
    now = new Date(),
  ): DelegatedEnquiryView {
    return {
      ...EnquirySummaryView.of(enquiry, now),
      delegationId: delegation.id,
      delegationStatus: delegation.status,
      contactId: delegation.contactId,
      enquirerId: delegation.enquirerId,
      requestedAt: delegation.requestedAt.toISOString(),
      reportDueAt: delegation.reportDueAt.toISOString(),
    };
  }
}

export class AdultView {
  @ApiProperty()
  fullName: string;

  @ApiPropertyOptional({ type: String, example: '1941-03-09', nullable: true })
  dateOfBirth: string | null;
}

/** The Safeguarding Adults Collection categories recorded with the concern. */
export class EnquiryCategoriesView {
  @ApiProperty({ enum: CONCERN_SOURCES })
  source: ConcernSource;

  @ApiProperty({ enum: RISK_TYPES, isArray: true })
  riskTypes: RiskType[];

  @ApiProperty({ enum: RISK_LOCATIONS })
  riskLocation: RiskLocation;

  @ApiProperty({ enum: RISK_SOURCES })
  riskSource: RiskSource;
}

export class EnquiryPeopleView {
  @ApiProperty({ format: 'uuid' })
  raisedById: string;

  @ApiProperty({ format: 'uuid' })
  triageWorkerId: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  enquiryManagerId: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  enquirerId: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  planLeadId: string | null;
}

export class DelegationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agencyId: string;

  @ApiProperty({ format: 'uuid' })
  contactId: string;

  @ApiProperty({ enum: DELEGATION_STATUSES })
  status: DelegationStatus;

  @ApiProperty({ format: 'date-time', description: 'The report date the local authority set.' })
  reportDueAt: string;

  @ApiProperty()
  complex: boolean;

  @ApiProperty({ format: 'uuid' })
  requestedById: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  enquirerId: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  respondedAt: string | null;

  @ApiProperty()
  scope: string;

  @ApiProperty()
  adultsViews: string;

  @ApiProperty()
  desiredOutcomes: string;

  @ApiProperty({ enum: CAPACITY_VIEWS })
  capacityView: CapacityView;

  @ApiProperty({ example: '2026-09-01' })
  periodFrom: string;

  @ApiProperty({ example: '2026-11-20' })
  periodTo: string;

  @ApiProperty()
  keyIssues: string;

  static of(delegation: EnquiryDelegationEntity): DelegationView {
    return {
      id: delegation.id,
      agencyId: delegation.agencyId,
      contactId: delegation.contactId,
      status: delegation.status,
      reportDueAt: delegation.reportDueAt.toISOString(),
      complex: delegation.complex,
      requestedById: delegation.requestedById,
      requestedAt: delegation.requestedAt.toISOString(),
      enquirerId: delegation.enquirerId,
      respondedAt: iso(delegation.respondedAt),
      scope: delegation.scope,
      adultsViews: delegation.adultsViews,
      desiredOutcomes: delegation.desiredOutcomes,
      capacityView: delegation.capacityView,
      periodFrom: delegation.periodFrom,
      periodTo: delegation.periodTo,
      keyIssues: delegation.keyIssues,
    };
  }
}

/** What someone said when they gave a command: categories in facts, words in text. */
export class EnquiryRecordView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ENQUIRY_RECORD_KINDS })
  kind: EnquiryRecordKind;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { dutyMet: true } })
  facts: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, nullable: true })
  text: string | null;

  @ApiProperty({ format: 'uuid' })
  authorId: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static of(record: EnquiryRecordEntity): EnquiryRecordView {
    return {
      id: record.id,
      kind: record.kind,
      facts: record.facts,
      text: record.text,
      authorId: record.authorId,
      createdAt: record.createdAt.toISOString(),
    };
  }
}

/** One of the enquiry's deadlines still open, chased like any action. */
export class EnquiryDeadlineView {
  @ApiProperty({ format: 'uuid', description: 'The chased item (GET /actions/{id}).' })
  id: string;

  @ApiProperty({ example: 'ACT-2026-000042' })
  reference: string;

  @ApiProperty({ enum: ENQUIRY_ITEM_KINDS })
  kind: EnquiryItemKind;

  @ApiProperty({ format: 'uuid' })
  ownerId: string;

  @ApiProperty({ format: 'date-time' })
  dueAt: string;

  @ApiProperty({ enum: ACTION_STATUSES })
  status: ActionStatus;

  @ApiProperty()
  overdue: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the next reminder, chase or escalation goes; null when none is left.',
  })
  nextReminderAt: string | null;

  static of(item: ActionEntity, now: Date): EnquiryDeadlineView {
    return {
      id: item.id,
      reference: item.reference,
      kind: item.kind as EnquiryItemKind,
      ownerId: item.ownerId,
      dueAt: item.dueAt.toISOString(),
      status: item.status,
      overdue: item.dueAt < now,
      nextReminderAt: iso(item.nextReminderAt),
    };
  }
}

/** Everything one reader may see of an enquiry. */
export interface EnquiryParts {
  enquiry: EnquiryEntity;
  adult: AdultEntity;
  delegation: EnquiryDelegationEntity | null;
  records: EnquiryRecordEntity[];
  deadlines: ActionEntity[];
  timeline: ChronologyEntryEntity[];
}

export class EnquiryView extends EnquirySummaryView {
  @ApiProperty({ description: 'The policy version its deadlines are timed by.' })
  policyVersion: number;

  @ApiPropertyOptional({ enum: ['no-enquiry', 'concluded'], nullable: true })
  closure: EnquiryClosure | null;

  @ApiProperty({ type: AdultView })
  adult: AdultView;

  @ApiPropertyOptional({ type: String, nullable: true, description: "The referrer's words." })
  concernSummary: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  referrerAgencyId: string | null;

  @ApiProperty({ type: EnquiryCategoriesView })
  categories: EnquiryCategoriesView;

  @ApiProperty({ type: EnquiryPeopleView })
  people: EnquiryPeopleView;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  strategyMeetingId: string | null;

  @ApiPropertyOptional({
    type: DelegationView,
    nullable: true,
    description: 'The current (or last) delegation, if the reader may see it.',
  })
  delegation: DelegationView | null;

  @ApiPropertyOptional({ type: EnquiryRecordView, nullable: true })
  decision: EnquiryRecordView | null;

  @ApiPropertyOptional({
    type: EnquiryRecordView,
    nullable: true,
    description: 'The outcome and Making Safeguarding Personal answers so far.',
  })
  outcome: EnquiryRecordView | null;

  @ApiPropertyOptional({ type: EnquiryRecordView, nullable: true })
  plan: EnquiryRecordView | null;

  @ApiProperty({
    type: [EnquiryRecordView],
    description: 'Every record the reader may see, oldest first (reports and reviews included).',
  })
  records: EnquiryRecordView[];

  @ApiProperty({ type: [EnquiryDeadlineView], description: 'Open deadlines, earliest first.' })
  openDeadlines: EnquiryDeadlineView[];

  @ApiProperty({ type: [TimelineEntryView] })
  timeline: TimelineEntryView[];

  static full(parts: EnquiryParts, now = new Date()): EnquiryView {
    const { enquiry, adult, delegation, records } = parts;
    const current = (id: string | null) => {
      const record = id ? records.find((each) => each.id === id) : undefined;
      return record ? EnquiryRecordView.of(record) : null;
    };
    return {
      ...EnquirySummaryView.of(enquiry, now),
      policyVersion: enquiry.policyVersion,
      closure: enquiry.closure,
      adult: { fullName: adult.fullName, dateOfBirth: adult.dateOfBirth },
      concernSummary: enquiry.concernSummary,
      referrerAgencyId: enquiry.referrerAgencyId,
      categories: {
        source: enquiry.source,
        riskTypes: enquiry.riskTypes,
        riskLocation: enquiry.riskLocation,
        riskSource: enquiry.riskSource,
      },
      people: {
        raisedById: enquiry.raisedById,
        triageWorkerId: enquiry.triageWorkerId,
        enquiryManagerId: enquiry.enquiryManagerId,
        enquirerId: enquiry.enquirerId,
        planLeadId: enquiry.planLeadId,
      },
      strategyMeetingId: enquiry.strategyMeetingId,
      delegation: delegation ? DelegationView.of(delegation) : null,
      decision: current(enquiry.decisionId),
      outcome: current(enquiry.outcomeId),
      plan: current(enquiry.planId),
      records: records.map(EnquiryRecordView.of),
      openDeadlines: parts.deadlines.map((item) => EnquiryDeadlineView.of(item, now)),
      timeline: parts.timeline.map(TimelineEntryView.of),
    };
  }
}
