/**
 * The Section 42 enquiry's contract: its input and the policy it carries, the commands (Updates)
 * it takes and what they answer with, its query and its workflow id. The API imports this; the
 * procedure itself is in section42-enquiry.workflow.ts.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  EnquiryItemKind,
  EnquiryProcessState,
  Nation,
  PauseReason,
  SendWindow,
  StagePolicy,
  Urgency,
  WorkingHours,
} from '@safeguard/domain';
import type { PolicyPin } from '../chasing/action-chaser.contract';
import type { EnquiryItemRef } from './enquiry-activities';

/** The timescale and chase timetable of one stage, copied from the pinned policy version. */
export type EnquiryStageRules = Pick<
  StagePolicy,
  | 'timescale'
  | 'variants'
  | 'remindersBeforeDue'
  | 'overdueChases'
  | 'escalation'
  | 'urgentEscalation'
>;

export interface EnquiryPolicy {
  pin: PolicyPin;
  nation: Nation;
  workingDay: WorkingHours;
  sendWindow: SendWindow;
  stages: Record<EnquiryItemKind, EnquiryStageRules>;
}

export interface Section42EnquiryInput {
  enquiryId: string;
  /** ISO 8601: when the concern reached the local authority; the decision clock runs from it. */
  receivedAt: string;
  urgency: Urgency;
  triageWorkerId: string;
  policy: EnquiryPolicy;
  /** Continue-as-new once the history passes this many events (default 1,000). */
  historyLimit?: number;
  /** Carried over by continue-as-new. */
  resume?: EnquiryProgress;
}

export interface EnquiryProgress {
  state: EnquiryProcessState;
  items: EnquiryItemRef[];
  /** ISO 8601: when the enquiry stage began, from which a complex enquiry's report is due. */
  enquiryStartedAt?: string;
}

/** What every command answers with: where the enquiry stands and its open deadlines. */
export interface EnquiryWorkflowState {
  state: EnquiryProcessState;
  items: EnquiryItemRef[];
}

/** Who gave a command; set by the API from the caller's identity, never by the caller. */
export interface EnquiryCommand {
  actorId: string;
}

export interface AcknowledgeConcernCommand extends EnquiryCommand {
  enquiryManagerId: string;
}

export interface RecordDecisionCommand extends EnquiryCommand {
  decisionId: string;
  dutyMet: boolean;
  otherEnquiry: boolean;
}

export interface RecordStrategyDiscussionCommand extends EnquiryCommand {
  meetingId: string;
}

/** The report's date: the one given, else a complex enquiry's longer timescale, else as it was. */
export interface ReportDate {
  reportDueAt?: string;
  complex?: boolean;
}

export interface LeadEnquiryCommand extends EnquiryCommand, ReportDate {
  enquirerId: string;
}

export interface DelegateEnquiryCommand extends EnquiryCommand, ReportDate {
  delegationId: string;
  agencyId: string;
  contactId: string;
}

export interface RespondToDelegationCommand extends EnquiryCommand {
  recordId: string;
  accepted: boolean;
  enquirerId?: string;
}

export interface SubmitReportCommand extends EnquiryCommand {
  reportId: string;
}

export interface ReviewReportCommand extends EnquiryCommand {
  reviewId: string;
  accepted: boolean;
  /** Required when returning the report: when the answers are due. */
  newDueAt?: string;
}

export interface RecordOutcomeCommand extends EnquiryCommand {
  outcomeId: string;
  riskOutcomeRecorded: boolean;
  mspRecorded: boolean;
}

export interface AgreePlanCommand extends EnquiryCommand {
  planId: string;
  leadId: string;
  firstReviewAt?: string;
}

export interface RecordPlanReviewCommand extends EnquiryCommand {
  reviewId: string;
  nextReviewAt?: string;
}

export interface PauseEnquiryCommand extends EnquiryCommand {
  recordId: string;
  reason: PauseReason;
}

export interface CloseEnquiryCommand extends EnquiryCommand {
  recordId: string;
}

export const enquiryViewQuery = defineQuery<EnquiryWorkflowState>('enquiryView');
/** Returns once the first deadline is being chased, so the API answers a new concern then. */
export const enquiryStartedUpdate = defineUpdate<EnquiryWorkflowState>('enquiryStarted');
export const acknowledgeConcernUpdate = defineUpdate<
  EnquiryWorkflowState,
  [AcknowledgeConcernCommand]
>('acknowledgeConcern');
export const recordDecisionUpdate = defineUpdate<EnquiryWorkflowState, [RecordDecisionCommand]>(
  'recordDecision',
);
export const recordStrategyDiscussionUpdate = defineUpdate<
  EnquiryWorkflowState,
  [RecordStrategyDiscussionCommand]
>('recordStrategyDiscussion');
export const leadEnquiryUpdate = defineUpdate<EnquiryWorkflowState, [LeadEnquiryCommand]>(
  'leadEnquiry',
);
export const delegateEnquiryUpdate = defineUpdate<EnquiryWorkflowState, [DelegateEnquiryCommand]>(
  'delegateEnquiry',
);
export const respondToDelegationUpdate = defineUpdate<
  EnquiryWorkflowState,
  [RespondToDelegationCommand]
>('respondToDelegation');
export const submitReportUpdate = defineUpdate<EnquiryWorkflowState, [SubmitReportCommand]>(
  'submitReport',
);
export const reviewReportUpdate = defineUpdate<EnquiryWorkflowState, [ReviewReportCommand]>(
  'reviewReport',
);
export const recordOutcomeUpdate = defineUpdate<EnquiryWorkflowState, [RecordOutcomeCommand]>(
  'recordOutcome',
);
export const agreePlanUpdate = defineUpdate<EnquiryWorkflowState, [AgreePlanCommand]>('agreePlan');
export const recordPlanReviewUpdate = defineUpdate<EnquiryWorkflowState, [RecordPlanReviewCommand]>(
  'recordPlanReview',
);
export const pauseEnquiryUpdate = defineUpdate<EnquiryWorkflowState, [PauseEnquiryCommand]>(
  'pauseEnquiry',
);
export const resumeEnquiryUpdate = defineUpdate<EnquiryWorkflowState, [EnquiryCommand]>(
  'resumeEnquiry',
);
export const closeEnquiryUpdate = defineUpdate<EnquiryWorkflowState, [CloseEnquiryCommand]>(
  'closeEnquiry',
);

export function enquiryWorkflowId(enquiryId: string): string {
  return `enquiry-${enquiryId}`;
}
