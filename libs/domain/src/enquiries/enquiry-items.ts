import type { StageKey } from '../policy/stage-keys';

/**
 * The deadlines of a Section 42 enquiry, each chased like an agreed action (a row of `actions`
 * with its own kind and an action chaser workflow), so they reach the owner's list, digest and
 * calendar feed like every other deadline. Each is timed by its own stage of the pinned policy.
 */
export const ENQUIRY_ITEM_KINDS = [
  'concern-acknowledgement',
  's42-decision',
  'strategy-discussion',
  'delegation-response',
  'enquiry-report',
  'report-review',
  'outcome-and-plan',
  'plan-review',
] as const;
export type EnquiryItemKind = (typeof ENQUIRY_ITEM_KINDS)[number];

export const STAGE_OF_ENQUIRY_ITEM: Readonly<Record<EnquiryItemKind, StageKey>> = {
  'concern-acknowledgement': 's42.acknowledge-concern',
  's42-decision': 's42.decision',
  'strategy-discussion': 's42.strategy-discussion',
  'delegation-response': 's42.delegation-acceptance',
  'enquiry-report': 's42.enquiry-report',
  'report-review': 's42.quality-assurance',
  'outcome-and-plan': 's42.outcome-and-plan',
  'plan-review': 's42.plan-review',
};

/** Only the plan's reviews keep running while an enquiry is paused: the adult's safety first. */
export function isPausedWithEnquiry(kind: EnquiryItemKind): boolean {
  return kind !== 'plan-review';
}
