import type {
  DelegationStatus,
  EnquiryClosure,
  EnquiryItemKind,
  EnquiryLead,
  EnquiryStage,
  EnquiryStep,
  EnquiryType,
} from '@safeguard/domain';

/**
 * What the Section 42 enquiry workflow asks of the outside world; implemented by the worker.
 * Payloads carry ids, instants and process facts only: the adult's record, the reasons, the
 * delegation request and the report stay in Postgres.
 */
export interface EnquiryActivities {
  openEnquiryItem(command: OpenEnquiryItem): Promise<void>;
  recordEnquiryState(snapshot: EnquiryStateSnapshot): Promise<void>;
}

/**
 * Creates the row of `actions` a deadline is chased through, before its chaser starts. The id
 * comes from the workflow, so a retried activity finds its row instead of making a second one.
 */
export interface OpenEnquiryItem {
  actionId: string;
  enquiryId: string;
  kind: EnquiryItemKind;
  ownerId: string;
  /** ISO 8601. */
  dueAt: string;
  urgent: boolean;
}

/** A deadline of the enquiry that is still open, for the read model's "next deadlines". */
export interface EnquiryItemRef {
  actionId: string;
  kind: EnquiryItemKind;
  ownerId: string;
  dueAt: string;
}

/** How an item the enquiry no longer needs was closed: its work was done, or it was overtaken. */
export type ItemSettlement = 'completed' | 'cancelled';

export interface EnquiryStateSnapshot {
  enquiryId: string;
  version: number;
  changedAt: string;
  /** The chronology entry this change appends, e.g. "enquiry.decision-recorded". */
  event: string;
  actorId?: string;
  stage: EnquiryStage;
  step?: EnquiryStep;
  enquiryType?: EnquiryType;
  ledBy?: EnquiryLead;
  enquiryManagerId?: string;
  enquirerId?: string;
  delegationId?: string;
  delegatedAgencyId?: string;
  delegationStatus?: DelegationStatus;
  /** ISO 8601: the report date the workflow set for the delegation (a resume moves it). */
  delegationReportDueAt?: string;
  decisionId?: string;
  strategyMeetingId?: string;
  reportId?: string;
  outcomeId?: string;
  planId?: string;
  planLeadId?: string;
  /** ISO 8601 instant the clocks stopped; absent while running. */
  pausedSince?: string;
  closure?: EnquiryClosure;
  openItems: EnquiryItemRef[];
  /**
   * Items this change closed. The read model marks them at once, so a list read right after the
   * command agrees with it; each item's chaser then records the same close in its own history.
   */
  settledItems?: Array<{ actionId: string; settlement: ItemSettlement }>;
  /** Ids and process facts for the chronology entry (a record's id, a round), never free text. */
  detail?: Record<string, string | number | boolean>;
}
