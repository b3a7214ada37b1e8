/**
 * Resolving a professional disagreement (practice primer §3): a staged ladder, each stage with a
 * short timescale, immediate risk always first, everything in writing. Pure state rules: the
 * workflow owns the state; each `whyCannot…` says in words why a command does not fit (the API
 * answers 409 with it).
 *
 *   stage 1 the two practitioners → stage 2 their line managers → stage 3 the agencies'
 *   designated leads → stage 4 the board: its business manager informs the independent chair,
 *   then the board decides.
 *
 * Which stages there are, and their timescales, come from the partnership's policy: each stage
 * names the one it hands over to (`autoEscalateTo`), and the ladder is that chain.
 */
import type { StageKey } from '../policy/stage-keys';

export const DISAGREEMENT_STAGE_KEYS = [
  'disagreement.stage-1',
  'disagreement.stage-2',
  'disagreement.stage-3',
  'disagreement.stage-4-inform',
  'disagreement.stage-4-decide',
] as const satisfies readonly StageKey[];
export type DisagreementStageKey = (typeof DISAGREEMENT_STAGE_KEYS)[number];

/** Immediate risk of harm starts here, the same working day (policy variant `urgent`). */
export const IMMEDIATE_RISK_STAGE: DisagreementStageKey = 'disagreement.stage-3';
const FIRST_STAGE: DisagreementStageKey = 'disagreement.stage-1';
const BOARD_DECISION: DisagreementStageKey = 'disagreement.stage-4-decide';

/** Who takes part at each stage, resolved through the directory when the stage begins. */
export const PARTICIPANT_GROUPS = [
  'practitioners',
  'line-managers',
  'designated-leads',
  'board',
] as const;
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];

export const PARTICIPANTS_OF: Readonly<Record<DisagreementStageKey, ParticipantGroup>> = {
  'disagreement.stage-1': 'practitioners',
  'disagreement.stage-2': 'line-managers',
  'disagreement.stage-3': 'designated-leads',
  'disagreement.stage-4-inform': 'board',
  'disagreement.stage-4-decide': 'board',
};

export function stageNumber(key: DisagreementStageKey): 1 | 2 | 3 | 4 {
  return key.startsWith('disagreement.stage-4') ? 4 : (Number(key.slice(-1)) as 1 | 2 | 3);
}

export function isBoardStage(key: DisagreementStageKey): boolean {
  return stageNumber(key) === 4;
}

/** What boards report on; chosen when a disagreement is raised (a theme, never the case). */
export const DISAGREEMENT_THEMES = [
  'threshold-for-intervention',
  'risk-assessment',
  'information-sharing',
  'service-provision',
  'discharge-or-case-closure',
  'roles-and-responsibilities',
  'other',
] as const;
export type DisagreementTheme = (typeof DISAGREEMENT_THEMES)[number];

/**
 * The stage a disagreement goes to next: the one the policy names, or from stage 4's
 * informing step to its decision. Undefined at the board's decision, the last word.
 */
export function nextStage(
  key: DisagreementStageKey,
  stages: Readonly<Record<DisagreementStageKey, { autoEscalateTo?: StageKey }>>,
): DisagreementStageKey | undefined {
  if (key === 'disagreement.stage-4-inform') return BOARD_DECISION;
  const next = stages[key].autoEscalateTo;
  return next && isDisagreementStage(next) ? next : undefined;
}

function isDisagreementStage(key: StageKey): key is DisagreementStageKey {
  return (DISAGREEMENT_STAGE_KEYS as readonly string[]).includes(key);
}

export type DisagreementStatus = 'open' | 'resolved' | 'withdrawn';

/** How a stage was left: agreed, escalated by a participant, or by its timescale passing. */
export type StageExit = 'escalated' | 'escalated-automatically';

export interface DisagreementProcessState {
  readonly status: DisagreementStatus;
  /** Increases with every change so the read model can ignore stale, out-of-order writes. */
  readonly version: number;
  readonly stageKey: DisagreementStageKey;
  /** ISO 8601: when the current stage began, and when its timescale runs out. */
  readonly stageStartedAt: string;
  readonly stageDueAt: string;
  /** People ids taking part at the current stage. */
  readonly participants: readonly string[];
  readonly acknowledgedBy: readonly string[];
  readonly highestStage: 1 | 2 | 3 | 4;
  readonly immediateRisk: boolean;
  /** The record of the outcome (or the board's decision), or of the withdrawal. */
  readonly outcomeId?: string;
  readonly withdrawalId?: string;
}

export function firstStage(immediateRisk: boolean): DisagreementStageKey {
  return immediateRisk ? IMMEDIATE_RISK_STAGE : FIRST_STAGE;
}

export interface StageEntry {
  readonly stageKey: DisagreementStageKey;
  readonly startedAt: string;
  readonly dueAt: string;
  readonly participants: readonly string[];
}

export function openDisagreement(
  immediateRisk: boolean,
  entry: StageEntry,
): DisagreementProcessState {
  return {
    status: 'open',
    version: 1,
    stageKey: entry.stageKey,
    stageStartedAt: entry.startedAt,
    stageDueAt: entry.dueAt,
    participants: entry.participants,
    acknowledgedBy: [],
    highestStage: stageNumber(entry.stageKey),
    immediateRisk,
  };
}

/** Raised when a command does not fit; the API answers 409 with it. */
export class DisagreementStageConflict extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DisagreementStageConflict';
  }
}

function changed(
  state: DisagreementProcessState,
  change: Partial<DisagreementProcessState>,
): DisagreementProcessState {
  return { ...state, ...change, version: state.version + 1 };
}

function orConflict(reason: string | undefined): void {
  if (reason) throw new DisagreementStageConflict(reason);
}

/** Why nothing more can be done: resolved or withdrawn (also read from the read model's status). */
export function whyDisagreementClosed(status: DisagreementStatus): string | undefined {
  return status === 'open' ? undefined : `the disagreement has been ${status}`;
}

function whyClosed(state: DisagreementProcessState): string | undefined {
  return whyDisagreementClosed(state.status);
}

function whyNotParticipant(state: DisagreementProcessState, personId: string): string | undefined {
  return state.participants.includes(personId)
    ? undefined
    : `only the people taking part at stage ${stageNumber(state.stageKey)} can do this`;
}

export function whyCannotAcknowledgeStage(
  state: DisagreementProcessState,
  personId: string,
): string | undefined {
  return (
    whyClosed(state) ??
    whyNotParticipant(state, personId) ??
    (state.acknowledgedBy.includes(personId)
      ? `you have already acknowledged stage ${stageNumber(state.stageKey)}`
      : undefined)
  );
}

export function acknowledgeStage(
  state: DisagreementProcessState,
  personId: string,
): DisagreementProcessState {
  orConflict(whyCannotAcknowledgeStage(state, personId));
  return changed(state, { acknowledgedBy: [...state.acknowledgedBy, personId] });
}

export function whyCannotContribute(state: DisagreementProcessState): string | undefined {
  return whyClosed(state);
}

/** A written contribution changes no stage, but it is part of the record, so it is counted. */
export function recordContribution(state: DisagreementProcessState): DisagreementProcessState {
  orConflict(whyCannotContribute(state));
  return changed(state, {});
}

export function whyCannotResolve(
  state: DisagreementProcessState,
  personId: string,
): string | undefined {
  const why = whyClosed(state) ?? whyNotParticipant(state, personId);
  if (why) return why;
  return state.stageKey === 'disagreement.stage-4-inform'
    ? 'the independent chair must be informed before the board decides'
    : undefined;
}

/** Agreed at stages 1 to 3; at stage 4 this is the board's decision. */
export function resolveDisagreement(
  state: DisagreementProcessState,
  personId: string,
  outcomeId: string,
): DisagreementProcessState {
  orConflict(whyCannotResolve(state, personId));
  return changed(state, { status: 'resolved', outcomeId });
}

export function whyCannotEscalate(
  state: DisagreementProcessState,
  personId: string,
  next: DisagreementStageKey | undefined,
): string | undefined {
  const why = whyClosed(state) ?? whyNotParticipant(state, personId);
  if (why) return why;
  if (isBoardStage(state.stageKey)) return 'stage 4 is the last stage: the board decides';
  return next ? undefined : `the policy has no stage after stage ${stageNumber(state.stageKey)}`;
}

/** Into the next stage, with its own participants and timescale (by a person, or by the clock). */
export function enterStage(
  state: DisagreementProcessState,
  entry: StageEntry,
): DisagreementProcessState {
  orConflict(whyClosed(state));
  const reached = stageNumber(entry.stageKey);
  return changed(state, {
    stageKey: entry.stageKey,
    stageStartedAt: entry.startedAt,
    stageDueAt: entry.dueAt,
    participants: entry.participants,
    acknowledgedBy: [],
    highestStage: reached > state.highestStage ? reached : state.highestStage,
  });
}

/**
 * Immediate risk found after it was raised: it goes to the designated leads at once, to be
 * settled the same day (practice primer §3, "immediate risk always first"). Not once the board
 * has it, and not twice.
 */
export function whyCannotMarkImmediateRisk(state: DisagreementProcessState): string | undefined {
  const why = whyClosed(state);
  if (why) return why;
  if (state.immediateRisk) return 'it is already treated as an immediate risk';
  if (isBoardStage(state.stageKey)) return 'the board already has it at stage 4';
  return undefined;
}

export function markImmediateRisk(state: DisagreementProcessState): DisagreementProcessState {
  orConflict(whyCannotMarkImmediateRisk(state));
  return changed(state, { immediateRisk: true });
}

export function whyCannotWithdraw(state: DisagreementProcessState): string | undefined {
  return whyClosed(state);
}

export function withdrawDisagreement(
  state: DisagreementProcessState,
  withdrawalId: string,
): DisagreementProcessState {
  orConflict(whyCannotWithdraw(state));
  return changed(state, { status: 'withdrawn', withdrawalId });
}
