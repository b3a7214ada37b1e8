/**
 * The action chaser's contract: what starts a chaser, the commands (Updates) and signals it takes,
 * its query and its workflow id. The API, the worker and the processes that open chased items
 * import this; the procedure itself is in action-chaser.workflow.ts.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  ActionProcessState,
  ChaseTimetable,
  DeliveryWindow,
  WorkingCalendar,
} from '@safeguard/domain';

/** What every new chaser's input says of its commands (see ActionChaserInput.commands). */
export const ONE_COMMAND_AT_A_TIME = 'one-at-a-time';

export interface ActionChaserInput {
  actionId: string;
  /** ISO 8601 instant at which the action falls due. */
  dueAt: string;
  /**
   * The immutable policy version this action is chased under (absent for actions started
   * before policies existed). Publishing a new version never changes a running action's.
   */
  policy?: PolicyPin;
  /** When reminders may go out, from the pinned policy (absent for actions started earlier). */
  delivery?: DeliveryWindow;
  /**
   * The stage's reminders, chases and escalation ladder from the pinned policy. Runs started
   * before it existed sent one reminder, at the due instant, which is what its absence means.
   */
  timetable?: ChaseTimetable;
  ownerId?: string;
  /**
   * How the chaser takes commands: every run started now says ONE_COMMAND_AT_A_TIME (handled
   * in turn, each checked again when its turn comes). Runs started before it existed took them
   * as they came, checked only at the door, which is what its absence means.
   */
  commands?: typeof ONE_COMMAND_AT_A_TIME;
  /** Continue-as-new once the history passes this many events (default 1,000). */
  historyLimit?: number;
  /** Carried over by continue-as-new. */
  resume?: ChaserProgress;
}

export interface PolicyPin {
  partnershipId: string;
  version: number;
}

export interface ChaserProgress {
  state: ActionProcessState;
  /** Keys of the touches already dealt with for the current due date. */
  done: string[];
  /** ISO 8601 instant the item was held, while it is. */
  heldSince?: string;
}

/** Who gave a command; set by the API from the caller's identity, never by the caller. */
export interface ActorCommand {
  actorId?: string;
}

/** Free text stays in Postgres: the note is stored first and only its id travels. */
export interface NotedCommand extends ActorCommand {
  noteId?: string;
}

export interface RequestExtensionCommand extends NotedCommand {
  actorId: string;
  proposedDueAt: string;
}

export interface DecideExtensionCommand extends NotedCommand {
  approved: boolean;
  newDueAt?: string;
}

export interface ReassignActionCommand extends ActorCommand {
  newOwnerId: string;
}

export const actionStateQuery = defineQuery<ActionProcessState>('actionState');
export const completeActionUpdate = defineUpdate<ActionProcessState, [NotedCommand]>(
  'completeAction',
);
export const acknowledgeActionUpdate = defineUpdate<ActionProcessState, [ActorCommand]>(
  'acknowledgeAction',
);
export const requestExtensionUpdate = defineUpdate<ActionProcessState, [RequestExtensionCommand]>(
  'requestExtension',
);
export const decideExtensionUpdate = defineUpdate<ActionProcessState, [DecideExtensionCommand]>(
  'decideExtension',
);
export const reassignActionUpdate = defineUpdate<ActionProcessState, [ReassignActionCommand]>(
  'reassignAction',
);
export const cancelActionUpdate = defineUpdate<ActionProcessState, [NotedCommand]>('cancelAction');

/** The process the item belongs to has no more need of it: its work was done, or overtaken. */
export interface SettleChaseCommand extends ActorCommand {
  settlement: 'completed' | 'cancelled';
}

/**
 * The process's clocks stopped (hold) or run again (release) at `at`, an ISO 8601 instant of the
 * process's own, so the item and the process agree on the moved date to the millisecond.
 */
export interface HoldChaseCommand {
  at: string;
}

export interface ReleaseChaseCommand extends HoldChaseCommand {
  /** What counts as working time when giving the clock back what it had left. */
  calendar: WorkingCalendar;
}

export const settleChaseSignal = defineSignal<[SettleChaseCommand]>('settleChase');
export const holdChaseSignal = defineSignal<[HoldChaseCommand]>('holdChase');
export const releaseChaseSignal = defineSignal<[ReleaseChaseCommand]>('releaseChase');

export function actionWorkflowId(actionId: string): string {
  return `action-${actionId}`;
}
