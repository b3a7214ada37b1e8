/**
 * The life of one agreed action from a multi-agency meeting, as the chaser workflow sees it.
 * Pure state rules: the workflow owns the state, these functions say which moves are allowed.
 */
export type ActionStatus = 'open' | 'due' | 'completed';

export interface ActionProcessState {
  readonly status: ActionStatus;
  /** Increases with every change so the read model can ignore stale, out-of-order writes. */
  readonly version: number;
  readonly remindersSent: number;
}

export const initialActionState: ActionProcessState = {
  status: 'open',
  version: 1,
  remindersSent: 0,
};

/** Raised when a command does not fit the action's current stage; the API answers 409 with it. */
export class ActionStageConflict extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ActionStageConflict';
  }
}

export function isClosed(state: ActionProcessState): boolean {
  return state.status === 'completed';
}

export function whyCannotComplete(state: ActionProcessState): string | undefined {
  return isClosed(state) ? `the action is already ${state.status}` : undefined;
}

export function recordDueReminderSent(state: ActionProcessState): ActionProcessState {
  return {
    status: isClosed(state) ? state.status : 'due',
    version: state.version + 1,
    remindersSent: state.remindersSent + 1,
  };
}

/** The mail server refused the reminder for good: the action is due all the same. */
export function recordDueReminderRefused(state: ActionProcessState): ActionProcessState {
  return { ...state, status: isClosed(state) ? state.status : 'due', version: state.version + 1 };
}

export function completeAction(state: ActionProcessState): ActionProcessState {
  const reason = whyCannotComplete(state);
  if (reason) throw new ActionStageConflict(reason);
  return { ...state, status: 'completed', version: state.version + 1 };
}
