/**
 * The life of one chased item from a multi-agency meeting (an agreed action, the action log, the
 * minutes or the review), as its chaser workflow sees it. Pure state rules: the workflow owns the
 * state; these functions say which moves are allowed and why not, in words the API returns as 409.
 */
export const ACTION_STATUSES = ['open', 'due', 'overdue', 'completed', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ExtensionRequest {
  /** ISO 8601 instant the owner asked for. */
  readonly proposedDueAt: string;
  readonly requestedById: string;
}

export interface ActionProcessState {
  readonly status: ActionStatus;
  /** Increases with every change so the read model can ignore stale, out-of-order writes. */
  readonly version: number;
  readonly remindersSent: number;
  /** ISO 8601; moves only when an extension is approved. Absent on runs started before it. */
  readonly dueAt?: string;
  readonly ownerId?: string;
  /** The owner has seen it: reminders before the due day stop, overdue chases do not. */
  readonly acknowledged?: boolean;
  readonly extensionRequest?: ExtensionRequest;
}

export function initialActionState(dueAt?: string, ownerId?: string): ActionProcessState {
  return { status: 'open', version: 1, remindersSent: 0, dueAt, ownerId };
}

/** Raised when a command does not fit the action's current stage; the API answers 409 with it. */
export class ActionStageConflict extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ActionStageConflict';
  }
}

export function isClosed(state: ActionProcessState): boolean {
  return state.status === 'completed' || state.status === 'cancelled';
}

function whyClosed(state: ActionProcessState): string | undefined {
  return isClosed(state) ? `the action is already ${state.status}` : undefined;
}

function changed(state: ActionProcessState, change: Partial<ActionProcessState>) {
  return { ...state, ...change, version: state.version + 1 };
}

function orConflict(reason: string | undefined): void {
  if (reason) throw new ActionStageConflict(reason);
}

export function whyCannotComplete(state: ActionProcessState): string | undefined {
  return whyClosed(state);
}

export function completeAction(state: ActionProcessState): ActionProcessState {
  orConflict(whyCannotComplete(state));
  return changed(state, { status: 'completed', extensionRequest: undefined });
}

export function whyCannotAcknowledge(state: ActionProcessState): string | undefined {
  return (
    whyClosed(state) ??
    (state.acknowledged ? 'the action has already been acknowledged' : undefined)
  );
}

export function acknowledgeAction(state: ActionProcessState): ActionProcessState {
  orConflict(whyCannotAcknowledge(state));
  return changed(state, { acknowledged: true });
}

export function whyCannotRequestExtension(
  state: ActionProcessState,
  proposedDueAt: string,
): string | undefined {
  if (isClosed(state)) return whyClosed(state);
  if (state.extensionRequest) return 'an extension request is already waiting for a decision';
  return whyNotLater(proposedDueAt, state.dueAt, 'proposed');
}

/** An unreadable date would stop the chaser laying its timetable, so it is refused up front. */
function whyNotLater(
  date: string,
  currentDueAt: string | undefined,
  which: 'proposed' | 'new',
): string | undefined {
  if (Number.isNaN(Date.parse(date))) return `the ${which} due date is not a date`;
  if (currentDueAt && Date.parse(date) <= Date.parse(currentDueAt)) {
    return `the ${which} due date must be later than the current one`;
  }
  return undefined;
}

export function requestExtension(
  state: ActionProcessState,
  request: ExtensionRequest,
): ActionProcessState {
  orConflict(whyCannotRequestExtension(state, request.proposedDueAt));
  return changed(state, { extensionRequest: request });
}

export interface ExtensionDecision {
  readonly approved: boolean;
  /** ISO 8601; when approving, the date agreed (the proposed one if absent). */
  readonly newDueAt?: string;
}

export function whyCannotDecideExtension(
  state: ActionProcessState,
  decision: ExtensionDecision,
  now: number,
): string | undefined {
  if (isClosed(state)) return whyClosed(state);
  if (!state.extensionRequest) return 'there is no extension request waiting for a decision';
  if (decision.approved) {
    const agreed = decision.newDueAt ?? state.extensionRequest.proposedDueAt;
    const why = whyNotLater(agreed, state.dueAt, 'new');
    if (why) return why;
    if (Date.parse(agreed) <= now) return 'the new due date must be in the future';
  }
  return undefined;
}

/** Approval moves the due date, and the item is open again against it; refusal keeps it. */
export function decideExtension(
  state: ActionProcessState,
  decision: ExtensionDecision,
  now: number,
): ActionProcessState {
  orConflict(whyCannotDecideExtension(state, decision, now));
  if (!decision.approved) return changed(state, { extensionRequest: undefined });
  return changed(state, {
    status: 'open',
    dueAt: decision.newDueAt ?? state.extensionRequest?.proposedDueAt,
    extensionRequest: undefined,
  });
}

export function whyCannotReassign(
  state: ActionProcessState,
  newOwnerId: string,
): string | undefined {
  if (isClosed(state)) return whyClosed(state);
  return state.ownerId === newOwnerId ? 'the action is already owned by this person' : undefined;
}

/** The new owner has not seen it yet, so reminders before the due day start again for them. */
export function reassignAction(state: ActionProcessState, newOwnerId: string): ActionProcessState {
  orConflict(whyCannotReassign(state, newOwnerId));
  return changed(state, { ownerId: newOwnerId, acknowledged: false, extensionRequest: undefined });
}

export function whyCannotCancel(state: ActionProcessState): string | undefined {
  return whyClosed(state);
}

export function cancelAction(state: ActionProcessState): ActionProcessState {
  orConflict(whyCannotCancel(state));
  return changed(state, { status: 'cancelled', extensionRequest: undefined });
}

/**
 * The process the item belongs to moved its date (its clocks were paused and have run again).
 * Not a command anyone gives, so no rule refuses it; the item is open again if the date is ahead.
 */
export function moveDueDate(
  state: ActionProcessState,
  dueAt: string,
  now: number,
): ActionProcessState {
  if (isClosed(state)) return state;
  return changed(state, { dueAt, status: Date.parse(dueAt) > now ? 'open' : state.status });
}

/** A reminder or chase went out: the status follows the clock, never reopening a closed item. */
export function recordOwnerMessage(
  state: ActionProcessState,
  stage: 'open' | 'due' | 'overdue',
  delivered: boolean,
): ActionProcessState {
  return changed(state, {
    status: isClosed(state) ? state.status : stage,
    remindersSent: state.remindersSent + (delivered ? 1 : 0),
  });
}
