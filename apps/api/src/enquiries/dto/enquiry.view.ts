import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTION_STATUSES,
  CAPACITY_VIEWS,
  CONCERN_SOURCES,
  CONSENT_NOT_SOUGHT_REASONS,
  DELEGATION_STATUSES,
  ENQUIRY_ITEM_KINDS,
  ENQUIRY_STAGES,
  ENQUIRY_STEPS,
  ENQUIRY_TYPES,
  RISK_LOCATIONS,
  RISK_SOURCES,
  RISK_TYPES,
  SHARING_CONSENT,
  URGENCIES,
  type ActionStatus,
  type CapacityView,
  type ConcernSource,
  type ConsentNotSoughtReason,
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
  type SharingConsent,
  type Urgency,
} from '@safeguard/domain';
import { ENQUIRY_RECORD_KINDS, type EnquiryRecordKind } from '@safeguard/persistence';
import { TimelineEntryView } from '../../actions/case-timeline';

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

  @ApiProperty({
    enum: SHARING_CONSENT,
    nullable: true,
    description: 'Null only on a request made before the service asked.',
  })
  sharingConsent: SharingConsent | null;

  @ApiProperty({ enum: CONSENT_NOT_SOUGHT_REASONS, nullable: true })
  sharingOverriddenOn: ConsentNotSoughtReason | null;

  @ApiProperty({ example: '2026-09-01' })
  periodFrom: string;

  @ApiProperty({ example: '2026-11-20' })
  periodTo: string;

  @ApiProperty()
  keyIssues: string;
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
}
