/**
 * The professional disagreement's contract: its input and the policy it carries, the commands
 * (Updates) it takes, its query and its workflow id. The API imports this; the procedure itself
 * is in professional-disagreement.workflow.ts.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  ChaseTimetable,
  DisagreementProcessState,
  DisagreementStageKey,
  Nation,
  SendWindow,
  StagePolicy,
  WorkingHours,
} from '@safeguard/domain';
import type { PolicyPin } from '../chasing/action-chaser.contract';

/** A stage's timescale, reminders and hand-over, copied from the pinned policy version. */
export type DisagreementStageRules = Pick<
  StagePolicy,
  | 'timescale'
  | 'variants'
  | 'remindersBeforeDue'
  | 'overdueChases'
  | 'escalation'
  | 'urgentEscalation'
  | 'autoEscalateTo'
>;

export interface DisagreementPolicy {
  pin: PolicyPin;
  nation: Nation;
  workingDay: WorkingHours;
  sendWindow: SendWindow;
  stages: Record<DisagreementStageKey, DisagreementStageRules>;
  /** How the actions agreed at resolution are chased (the policy's meeting.action stage). */
  actionTimetable: ChaseTimetable;
}

export interface ProfessionalDisagreementInput {
  disagreementId: string;
  immediateRisk: boolean;
  policy: DisagreementPolicy;
  /** Continue-as-new once the history passes this many events (default 1,000). */
  historyLimit?: number;
  /** Carried over by continue-as-new. */
  resume?: DisagreementProgress;
}

export interface DisagreementProgress {
  state: DisagreementProcessState;
  /** Keys of the current stage's reminders already dealt with. */
  done: string[];
}

/** Who gave a command; set by the API from the caller's identity, never by the caller. */
export interface DisagreementCommand {
  actorId: string;
}

export interface ContributeCommand extends DisagreementCommand {
  contributionId: string;
}

export interface ResolveCommand extends DisagreementCommand {
  outcomeId: string;
  /** How many actions the outcome record agrees; each becomes a chased action. */
  agreedActions: number;
}

export interface EscalateCommand extends DisagreementCommand {
  reasonId: string;
}

export interface MarkImmediateRiskCommand extends DisagreementCommand {
  /** The record of why it is an immediate risk, stored by the API before the command. */
  reasonId: string;
}

export interface WithdrawCommand extends DisagreementCommand {
  withdrawalId: string;
}

export const disagreementStateQuery = defineQuery<DisagreementProcessState>('disagreementState');
/** Returns once the first stage's participants are known, so the API answers the raise then. */
export const disagreementStartedUpdate =
  defineUpdate<DisagreementProcessState>('disagreementStarted');
export const acknowledgeStageUpdate = defineUpdate<DisagreementProcessState, [DisagreementCommand]>(
  'acknowledgeStage',
);
export const contributeUpdate = defineUpdate<DisagreementProcessState, [ContributeCommand]>(
  'contribute',
);
export const resolveDisagreementUpdate = defineUpdate<DisagreementProcessState, [ResolveCommand]>(
  'resolveDisagreement',
);
export const escalateDisagreementUpdate = defineUpdate<DisagreementProcessState, [EscalateCommand]>(
  'escalateDisagreement',
);
/** Immediate risk found later: straight to the designated leads, on the same-day timescale. */
export const markImmediateRiskUpdate = defineUpdate<
  DisagreementProcessState,
  [MarkImmediateRiskCommand]
>('markImmediateRisk');
export const withdrawDisagreementUpdate = defineUpdate<DisagreementProcessState, [WithdrawCommand]>(
  'withdrawDisagreement',
);

export function disagreementWorkflowId(disagreementId: string): string {
  return `disagreement-${disagreementId}`;
}
