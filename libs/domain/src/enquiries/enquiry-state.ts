/**
 * The Section 42 enquiry lifecycle (Care Act 2014; practice primer §1) as its workflow sees it.
 * Pure state rules: the workflow owns the state; each `whyCannot…` says in words why a command
 * does not fit the stage (the API answers 409 with it), and each move returns a new state.
 *
 *   concern → decision → strategy-discussion → enquiry → outcome → monitoring → closed
 *
 * A concern whose duty is not met closes at the decision, or becomes a non-statutory "other
 * enquiry" that goes straight to the enquiry stage. Within the enquiry stage the local authority
 * either leads it or causes another agency to make it; a report is quality-assured and accepted or
 * returned, as many rounds as it takes. A safeguarding plan can be agreed at any point after the
 * decision and is reviewed on its own clock, which a pause never stops.
 */
import type { PauseReason } from './safeguarding-categories';

export const ENQUIRY_STAGES = [
  'concern',
  'decision',
  'strategy-discussion',
  'enquiry',
  'outcome',
  'monitoring',
  'closed',
] as const;
export type EnquiryStage = (typeof ENQUIRY_STAGES)[number];

/** Where an enquiry stands while in the 'enquiry' stage. */
export const ENQUIRY_STEPS = [
  'awaiting-lead',
  'awaiting-acceptance',
  'in-progress',
  'report-in-review',
] as const;
export type EnquiryStep = (typeof ENQUIRY_STEPS)[number];

export const ENQUIRY_TYPES = ['section-42', 'other'] as const;
export type EnquiryType = (typeof ENQUIRY_TYPES)[number];

export const URGENCIES = ['routine', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export type EnquiryLead = 'local-authority' | 'delegated';

/** Why a closed concern closed: at the decision, with no enquiry, or after one concluded. */
export type EnquiryClosure = 'no-enquiry' | 'concluded';

/**
 * Where a request for another agency to make the enquiry stands: the agency has a duty to
 * cooperate, so its answer is tracked (practice primer §1). Declining hands the enquiry back.
 */
export const DELEGATION_STATUSES = ['requested', 'accepted', 'declined'] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

export interface Delegation {
  readonly delegationId: string;
  readonly agencyId: string;
  /** Who in the agency answers the request: a named contact, else its designated lead. */
  readonly contactId: string;
  readonly status: DelegationStatus;
  /** ISO 8601; the report due date the local authority set for this delegation. */
  readonly reportDueAt: string;
}

export interface EnquiryPause {
  /** ISO 8601 instant the clocks stopped. */
  readonly since: string;
  readonly reason: PauseReason;
  /** The record holding who paused it and the reason in words (Postgres only). */
  readonly recordId: string;
}

export interface EnquiryProcessState {
  readonly stage: EnquiryStage;
  /** Increases with every change so the read model can ignore stale, out-of-order writes. */
  readonly version: number;
  readonly urgency: Urgency;
  readonly triageWorkerId: string;
  readonly enquiryManagerId?: string;
  readonly enquiryType?: EnquiryType;
  readonly step?: EnquiryStep;
  readonly ledBy?: EnquiryLead;
  readonly delegation?: Delegation;
  readonly enquirerId?: string;
  /** 1 for the first report; each return with questions starts another round. */
  readonly reportRound: number;
  /** The report waiting for quality assurance. */
  readonly reportId?: string;
  readonly decisionId?: string;
  readonly strategyMeetingId?: string;
  readonly outcomeId?: string;
  readonly riskOutcomeRecorded: boolean;
  readonly mspRecorded: boolean;
  readonly plan?: { readonly planId: string; readonly leadId: string };
  readonly pause?: EnquiryPause;
  readonly closure?: EnquiryClosure;
}

export function initialEnquiryState(triageWorkerId: string, urgency: Urgency): EnquiryProcessState {
  return {
    stage: 'concern',
    version: 1,
    urgency,
    triageWorkerId,
    reportRound: 0,
    riskOutcomeRecorded: false,
    mspRecorded: false,
  };
}

/** Raised when a command does not fit the enquiry's stage; the API answers 409 with it. */
export class EnquiryStageConflict extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'EnquiryStageConflict';
  }
}

function changed(
  state: EnquiryProcessState,
  change: Partial<EnquiryProcessState>,
): EnquiryProcessState {
  return { ...state, ...change, version: state.version + 1 };
}

function orConflict(reason: string | undefined): void {
  if (reason) throw new EnquiryStageConflict(reason);
}

const STAGE_WORDS: Record<EnquiryStage, string> = {
  concern: 'the concern has not been acknowledged yet',
  decision: 'the Section 42 decision has not been made yet',
  'strategy-discussion': 'the strategy discussion has not been recorded yet',
  enquiry: 'the enquiry is still in progress',
  outcome: 'the enquiry is waiting for its outcome',
  monitoring: 'the enquiry has concluded and its outcome is recorded',
  closed: 'the enquiry is closed',
};

const STEP_WORDS: Record<EnquiryStep, string> = {
  'awaiting-lead': 'nobody has been asked to make the enquiry yet',
  'awaiting-acceptance': 'the delegated enquiry is waiting for the agency to accept or decline it',
  'in-progress': 'the enquiry report has not been submitted yet',
  'report-in-review': 'the submitted report is waiting for quality assurance',
};

export function isEnquiryClosed(state: EnquiryProcessState): boolean {
  return state.stage === 'closed';
}

export function isEnquiryPaused(state: EnquiryProcessState): boolean {
  return state.pause !== undefined;
}

/** Stages whose clocks a pause stops: the enquiry's own work, never the plan's reviews. */
const PAUSABLE_STAGES: ReadonlySet<EnquiryStage> = new Set([
  'decision',
  'strategy-discussion',
  'enquiry',
  'outcome',
]);

function whyPaused(state: EnquiryProcessState): string | undefined {
  return state.pause
    ? `the enquiry has been paused since ${state.pause.since} (${state.pause.reason}): resume it first`
    : undefined;
}

/** A command that moves the enquiry on: only in its stage, and never while paused. */
function whyNotAt(state: EnquiryProcessState, stage: EnquiryStage): string | undefined {
  if (state.stage !== stage) {
    return `${STAGE_WORDS[state.stage]}, so this is not the ${stage} stage`;
  }
  return whyPaused(state);
}

function whyNotAtStep(state: EnquiryProcessState, step: EnquiryStep): string | undefined {
  const why = whyNotAt(state, 'enquiry');
  if (why) return why;
  return state.step === step || !state.step ? undefined : STEP_WORDS[state.step];
}

// 1. Concern received → acknowledged, with an enquiry manager named for the decision.

export function whyCannotAcknowledgeConcern(state: EnquiryProcessState): string | undefined {
  return state.stage === 'concern' ? undefined : 'the concern has already been acknowledged';
}

export function acknowledgeConcern(
  state: EnquiryProcessState,
  enquiryManagerId: string,
): EnquiryProcessState {
  orConflict(whyCannotAcknowledgeConcern(state));
  return changed(state, { stage: 'decision', enquiryManagerId });
}

// 2. Section 42 decision: duty met, or not (closed with the route taken, or an other enquiry).

export interface Section42Decision {
  readonly decisionId: string;
  readonly dutyMet: boolean;
  /** Duty not met, but the local authority makes a non-statutory enquiry anyway. */
  readonly otherEnquiry: boolean;
}

export function whyCannotRecordDecision(
  state: EnquiryProcessState,
  decision: Pick<Section42Decision, 'dutyMet' | 'otherEnquiry'>,
): string | undefined {
  const why = whyNotAt(state, 'decision');
  if (why) return why;
  return decision.dutyMet && decision.otherEnquiry
    ? 'an enquiry under the Section 42 duty cannot also be an other enquiry'
    : undefined;
}

export function recordDecision(
  state: EnquiryProcessState,
  decision: Section42Decision,
): EnquiryProcessState {
  orConflict(whyCannotRecordDecision(state, decision));
  const { decisionId } = decision;
  if (decision.dutyMet) {
    return changed(state, { decisionId, stage: 'strategy-discussion', enquiryType: 'section-42' });
  }
  if (decision.otherEnquiry) {
    return changed(state, {
      decisionId,
      stage: 'enquiry',
      step: 'awaiting-lead',
      enquiryType: 'other',
    });
  }
  return changed(state, { decisionId, stage: 'closed', closure: 'no-enquiry' });
}

// 3. Strategy discussion, recorded as a meeting.

export function whyCannotRecordStrategyDiscussion(state: EnquiryProcessState): string | undefined {
  return whyNotAt(state, 'strategy-discussion');
}

export function recordStrategyDiscussion(
  state: EnquiryProcessState,
  meetingId: string,
): EnquiryProcessState {
  orConflict(whyCannotRecordStrategyDiscussion(state));
  return changed(state, { strategyMeetingId: meetingId, stage: 'enquiry', step: 'awaiting-lead' });
}

// 4. The enquiry: led by the local authority, or caused to another agency.

export function whyCannotLeadEnquiry(state: EnquiryProcessState): string | undefined {
  return whyNotAtStep(state, 'awaiting-lead');
}

export function leadEnquiry(state: EnquiryProcessState, enquirerId: string): EnquiryProcessState {
  orConflict(whyCannotLeadEnquiry(state));
  return changed(state, { step: 'in-progress', ledBy: 'local-authority', enquirerId });
}

export function whyCannotDelegateEnquiry(state: EnquiryProcessState): string | undefined {
  return whyNotAtStep(state, 'awaiting-lead');
}

export function delegateEnquiry(
  state: EnquiryProcessState,
  request: Omit<Delegation, 'status'>,
): EnquiryProcessState {
  orConflict(whyCannotDelegateEnquiry(state));
  return changed(state, {
    step: 'awaiting-acceptance',
    delegation: { ...request, status: 'requested' },
    enquirerId: undefined,
  });
}

export interface DelegationResponse {
  readonly accepted: boolean;
  /** The agency's enquirer, named when it accepts. */
  readonly enquirerId?: string;
}

export function whyCannotRespondToDelegation(
  state: EnquiryProcessState,
  response: DelegationResponse,
): string | undefined {
  const why = whyNotAtStep(state, 'awaiting-acceptance');
  if (why) return why;
  return response.accepted && !response.enquirerId
    ? 'an agency accepting a delegated enquiry must name its enquirer'
    : undefined;
}

/** Declining hands the enquiry back to the local authority to lead or delegate elsewhere. */
export function respondToDelegation(
  state: EnquiryProcessState,
  response: DelegationResponse,
): EnquiryProcessState {
  orConflict(whyCannotRespondToDelegation(state, response));
  const delegation = state.delegation as Delegation;
  if (!response.accepted) {
    return changed(state, {
      step: 'awaiting-lead',
      delegation: { ...delegation, status: 'declined' },
    });
  }
  return changed(state, {
    step: 'in-progress',
    ledBy: 'delegated',
    enquirerId: response.enquirerId,
    delegation: { ...delegation, status: 'accepted' },
  });
}

export function whyCannotSubmitReport(state: EnquiryProcessState): string | undefined {
  return whyNotAtStep(state, 'in-progress');
}

export function submitReport(state: EnquiryProcessState, reportId: string): EnquiryProcessState {
  orConflict(whyCannotSubmitReport(state));
  return changed(state, {
    step: 'report-in-review',
    reportId,
    reportRound: Math.max(state.reportRound, 1),
  });
}

export function whyCannotReviewReport(state: EnquiryProcessState): string | undefined {
  return whyNotAtStep(state, 'report-in-review');
}

/** Accepting concludes the enquiry; returning it with questions starts another round. */
export function reviewReport(state: EnquiryProcessState, accepted: boolean): EnquiryProcessState {
  orConflict(whyCannotReviewReport(state));
  if (accepted) return changed(state, { stage: 'outcome', step: undefined });
  return changed(state, {
    step: 'in-progress',
    reportId: undefined,
    reportRound: state.reportRound + 1,
  });
}

// 5. Outcome and Making Safeguarding Personal, then monitoring until closure.

export interface OutcomeRecord {
  readonly outcomeId: string;
  /** Risk removed, reduced or remained has been recorded. */
  readonly riskOutcomeRecorded: boolean;
  /** Every Making Safeguarding Personal answer has been recorded. */
  readonly mspRecorded: boolean;
}

export function whyCannotRecordOutcome(state: EnquiryProcessState): string | undefined {
  if (state.stage === 'monitoring') return undefined;
  return whyNotAt(state, 'outcome');
}

/** Answers can come in parts; once both are complete the outcome stage is over. */
export function recordOutcome(
  state: EnquiryProcessState,
  outcome: OutcomeRecord,
): EnquiryProcessState {
  orConflict(whyCannotRecordOutcome(state));
  const complete = outcome.riskOutcomeRecorded && outcome.mspRecorded;
  return changed(state, {
    outcomeId: outcome.outcomeId,
    riskOutcomeRecorded: outcome.riskOutcomeRecorded,
    mspRecorded: outcome.mspRecorded,
    stage: complete ? 'monitoring' : state.stage,
  });
}

// 6. Safeguarding plan: agreed once the duty is decided, reviewed on its own clock.

const PLAN_STAGES: ReadonlySet<EnquiryStage> = new Set([
  'strategy-discussion',
  'enquiry',
  'outcome',
  'monitoring',
]);

export function whyCannotAgreePlan(state: EnquiryProcessState): string | undefined {
  if (PLAN_STAGES.has(state.stage)) return undefined;
  return `${STAGE_WORDS[state.stage]}: a safeguarding plan belongs to an enquiry that is open`;
}

/** Agreeing a plan again replaces the one before (a new lead, a new review timetable). */
export function agreePlan(
  state: EnquiryProcessState,
  plan: { planId: string; leadId: string },
): EnquiryProcessState {
  orConflict(whyCannotAgreePlan(state));
  return changed(state, { plan });
}

export function whyCannotReviewPlan(state: EnquiryProcessState): string | undefined {
  if (isEnquiryClosed(state)) return STAGE_WORDS.closed;
  return state.plan ? undefined : 'no safeguarding plan has been agreed';
}

export function recordPlanReview(state: EnquiryProcessState): EnquiryProcessState {
  orConflict(whyCannotReviewPlan(state));
  return changed(state, {});
}

// Pause and resume: the enquiry's clocks stop (a police investigation takes precedence).

export function whyCannotPause(state: EnquiryProcessState): string | undefined {
  if (state.pause) return whyPaused(state)?.replace(': resume it first', '');
  if (PAUSABLE_STAGES.has(state.stage)) return undefined;
  return `${STAGE_WORDS[state.stage]}, so there are no enquiry clocks to pause`;
}

export function pauseEnquiry(state: EnquiryProcessState, pause: EnquiryPause): EnquiryProcessState {
  orConflict(whyCannotPause(state));
  return changed(state, { pause });
}

export function whyCannotResume(state: EnquiryProcessState): string | undefined {
  return state.pause ? undefined : 'the enquiry is not paused';
}

export function resumeEnquiry(state: EnquiryProcessState): EnquiryProcessState {
  orConflict(whyCannotResume(state));
  return changed(state, { pause: undefined });
}

// 7. Closure: only once the outcome and the Making Safeguarding Personal answers are in.

export function whyCannotClose(state: EnquiryProcessState): string | undefined {
  if (state.stage !== 'outcome' && state.stage !== 'monitoring') {
    return `${STAGE_WORDS[state.stage]}, so it cannot be closed`;
  }
  const paused = whyPaused(state);
  if (paused) return paused;
  const missing = [
    ...(state.riskOutcomeRecorded ? [] : ['the outcome (risk removed, reduced or remained)']),
    ...(state.mspRecorded ? [] : ['the Making Safeguarding Personal answers']),
  ];
  return missing.length > 0 ? `it cannot be closed without ${missing.join(' and ')}` : undefined;
}

export function closeEnquiry(state: EnquiryProcessState): EnquiryProcessState {
  orConflict(whyCannotClose(state));
  return changed(state, { stage: 'closed', closure: 'concluded', step: undefined });
}

/** A date a command sets must be readable and still to come. */
export function whyNotFuture(date: string, now: number, what: string): string | undefined {
  const ms = Date.parse(date);
  if (Number.isNaN(ms)) return `the ${what} is not a date`;
  return ms <= now ? `the ${what} must be in the future` : undefined;
}
