import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  CapacityView,
  ConcernSource,
  ConsentNotSoughtReason,
  DelegationStatus,
  EnquiryClosure,
  EnquiryLead,
  EnquiryStage,
  EnquiryStep,
  EnquiryType,
  RiskLocation,
  RiskSource,
  RiskType,
  SharingConsent,
  Urgency,
} from '@safeguard/domain';

/** The adult at risk. Personal data: it never leaves Postgres, not even as a name in a log. */
@Entity({ name: 'adults' })
export class AdultEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  /** A local date "YYYY-MM-DD"; unknown is allowed. */
  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A safeguarding concern as it was raised, and the read model of the Section 42 workflow that
 * follows it to closure. The workflow is the authority on stage; activities write the read-model
 * columns (guarded by process_version) so reads never call Temporal.
 */
@Entity({ name: 'enquiries' })
export class EnquiryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ unique: true })
  reference: string;

  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  @Column({ name: 'policy_version', type: 'int' })
  policyVersion: number;

  @Column({ name: 'adult_id', type: 'uuid' })
  adultId: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'text' })
  source: ConcernSource;

  @Column({ name: 'referrer_agency_id', type: 'uuid', nullable: true })
  referrerAgencyId: string | null;

  @Column({ name: 'raised_by_id', type: 'uuid' })
  raisedById: string;

  @Column({ type: 'text' })
  urgency: Urgency;

  @Column({ name: 'risk_types', type: 'text', array: true })
  riskTypes: RiskType[];

  @Column({ name: 'risk_location', type: 'text' })
  riskLocation: RiskLocation;

  @Column({ name: 'risk_source', type: 'text' })
  riskSource: RiskSource;

  /** What was reported, in the referrer's words: free text, shown only to those who may see it. */
  @Column({ name: 'concern_summary', type: 'text', nullable: true })
  concernSummary: string | null;

  @Column({ name: 'triage_worker_id', type: 'uuid' })
  triageWorkerId: string;

  @Column({ type: 'text' })
  stage: EnquiryStage;

  @Column({ type: 'text', nullable: true })
  step: EnquiryStep | null;

  @Column({ name: 'enquiry_type', type: 'text', nullable: true })
  enquiryType: EnquiryType | null;

  @Column({ name: 'led_by', type: 'text', nullable: true })
  ledBy: EnquiryLead | null;

  @Column({ name: 'enquiry_manager_id', type: 'uuid', nullable: true })
  enquiryManagerId: string | null;

  @Column({ name: 'enquirer_id', type: 'uuid', nullable: true })
  enquirerId: string | null;

  /** The current (or last) delegation request. */
  @Column({ name: 'delegation_id', type: 'uuid', nullable: true })
  delegationId: string | null;

  @Column({ name: 'delegated_agency_id', type: 'uuid', nullable: true })
  delegatedAgencyId: string | null;

  /** The records the workflow accepted, by id: the decision, the report in review, the outcome. */
  @Column({ name: 'decision_id', type: 'uuid', nullable: true })
  decisionId: string | null;

  @Column({ name: 'strategy_meeting_id', type: 'uuid', nullable: true })
  strategyMeetingId: string | null;

  @Column({ name: 'report_id', type: 'uuid', nullable: true })
  reportId: string | null;

  @Column({ name: 'outcome_id', type: 'uuid', nullable: true })
  outcomeId: string | null;

  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId: string | null;

  @Column({ name: 'plan_lead_id', type: 'uuid', nullable: true })
  planLeadId: string | null;

  @Column({ name: 'paused_since', type: 'timestamptz', nullable: true })
  pausedSince: Date | null;

  @Column({ type: 'text', nullable: true })
  closure: EnquiryClosure | null;

  /** The earliest open deadline that is running (a paused enquiry's own clocks do not count). */
  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** When the report was accepted: the enquiry concluded (the statutory return counts it then). */
  @Column({ name: 'concluded_at', type: 'timestamptz', nullable: true })
  concludedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'process_version', type: 'int' })
  processVersion: number;

  @Column({ name: 'workflow_id', unique: true })
  workflowId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * A request to another agency to make the enquiry. The local authority stays accountable: it
 * sets the report date case by case and quality-assures what comes back.
 */
@Entity({ name: 'enquiry_delegations' })
export class EnquiryDelegationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'enquiry_id', type: 'uuid' })
  enquiryId: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  /** Who in the agency answers it: the person named, else its designated safeguarding lead. */
  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @Column({ name: 'requested_by_id', type: 'uuid' })
  requestedById: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'report_due_at', type: 'timestamptz' })
  reportDueAt: Date;

  @Column()
  complex: boolean;

  @Column({ type: 'text' })
  scope: string;

  @Column({ name: 'adults_views', type: 'text' })
  adultsViews: string;

  @Column({ name: 'desired_outcomes', type: 'text' })
  desiredOutcomes: string;

  @Column({ name: 'capacity_view', type: 'text' })
  capacityView: CapacityView;

  /** Null only on requests made before the service asked. */
  @Column({ name: 'sharing_consent', type: 'text', nullable: true })
  sharingConsent: SharingConsent | null;

  @Column({ name: 'sharing_overridden_on', type: 'text', nullable: true })
  sharingOverriddenOn: ConsentNotSoughtReason | null;

  @Column({ name: 'period_from', type: 'date' })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'date' })
  periodTo: string;

  @Column({ name: 'key_issues', type: 'text' })
  keyIssues: string;

  /** Read model: written by the workflow's activity when the agency answers. */
  @Column({ type: 'text' })
  status: DelegationStatus;

  @Column({ name: 'enquirer_id', type: 'uuid', nullable: true })
  enquirerId: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;
}

export const ENQUIRY_RECORD_KINDS = [
  'decision',
  'delegation-response',
  'report',
  'report-review',
  'outcome',
  'plan',
  'plan-review',
  'pause',
  'closure',
] as const;
export type EnquiryRecordKind = (typeof ENQUIRY_RECORD_KINDS)[number];

/**
 * What someone said when they gave a command: categories in `facts` (validated by the API, read
 * by the statutory return), words in `text`. Stored before the command reaches the workflow,
 * which carries only the id; a command the workflow refuses takes its record with it.
 */
@Entity({ name: 'enquiry_records' })
export class EnquiryRecordEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'enquiry_id', type: 'uuid' })
  enquiryId: string;

  @Column({ type: 'text' })
  kind: EnquiryRecordKind;

  @Column({ type: 'jsonb' })
  facts: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
