/**
 * Chasing one agreed action from a multi-agency meeting (practice primer §2).
 *
 *   1. Wait until the action falls due, unless it is completed first.
 *   2. At the due instant, remind the owner; outside the partnership's send window, when it
 *      next opens, unless the action is urgent (immediate risk) and the policy exempts it.
 *   3. Stay open until the owner (or a lead) records it complete.
 *
 * Reminder offsets, overdue chases and the escalation ladder come from partnership policy
 * and arrive with the directory and policy work; this is the first stage of that process.
 */
import {
  allHandlersFinished,
  condition,
  defineQuery,
  patched,
  defineUpdate,
  proxyActivities,
  setHandler,
  workflowInfo,
  ActivityFailure,
  ApplicationFailure,
} from '@temporalio/workflow';
import {
  ActionProcessState,
  completeAction,
  initialActionState,
  Nation,
  nextInSendWindow,
  recordDueReminderRefused,
  recordDueReminderSent,
  SendWindow,
  whyCannotComplete,
} from '@safeguard/domain';
import {
  DELIVERY_REFUSED,
  type ActionActivities,
  type ActionReminderEvent,
  type ReminderRecipient,
} from './action-activities';

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
}

export interface PolicyPin {
  partnershipId: string;
  version: number;
}

export interface DeliveryWindow {
  nation: Nation;
  sendWindow: SendWindow;
  /** Immediate risk: sent at once, outside quiet hours, if the policy exempts urgent items. */
  urgent: boolean;
}

export interface CompleteActionCommand {
  /** Who recorded completion (set from the caller's identity once authentication lands). */
  completedById?: string;
}

export const actionStateQuery = defineQuery<ActionProcessState>('actionState');
export const completeActionUpdate = defineUpdate<ActionProcessState, [CompleteActionCommand]>(
  'completeAction',
);

/** Patch marker: runs started before it never sent the fallback reminder (replay safety). */
const LINE_MANAGER_WHEN_OWNER_UNREACHABLE = 'line-manager-when-owner-unreachable';

/** Failure type an update validator raises for a command that does not fit the stage (HTTP 409). */
export const STAGE_CONFLICT = 'StageConflict';

export function actionWorkflowId(actionId: string): string {
  return `action-${actionId}`;
}

const { sendActionReminder, recordActionState } = proxyActivities<ActionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export async function actionChaserWorkflow(input: ActionChaserInput): Promise<ActionProcessState> {
  let state = initialActionState;

  const recordState = (event: string, actorId?: string) =>
    recordActionState({
      actionId: input.actionId,
      status: state.status,
      version: state.version,
      changedAt: new Date().toISOString(),
      event,
      actorId,
    });

  setHandler(actionStateQuery, () => state);
  setHandler(
    completeActionUpdate,
    async ({ completedById }) => {
      state = completeAction(state);
      await recordState('action.completed', completedById);
      return state;
    },
    {
      validator: (_command: CompleteActionCommand) => {
        const reason = whyCannotComplete(state);
        if (reason) throw ApplicationFailure.nonRetryable(reason, STAGE_CONFLICT);
      },
    },
  );

  const completed = () => state.status === 'completed';
  await waitUntil(Date.parse(input.dueAt), completed);
  // Quiet hours: a non-urgent reminder due outside the send window waits for it to open.
  if (input.delivery) await waitUntil(sendingTime(input.delivery, input.dueAt), completed);

  if (state.status !== 'completed') {
    const delivered = await remind(input.actionId, 'due', 'owner');
    state = delivered ? recordDueReminderSent(state) : recordDueReminderRefused(state);
    await recordState(delivered ? 'action.reminder-sent' : 'action.reminder-refused');
    // Nothing is silently lost: a reminder the owner's mail server refused goes to their manager.
    if (!delivered && patched(LINE_MANAGER_WHEN_OWNER_UNREACHABLE)) {
      await remind(input.actionId, 'due', 'owner-line-manager');
    }
  }

  await condition(() => state.status === 'completed');
  // Let the completing update write the read model and reply before the workflow closes.
  await condition(allHandlersFinished);
  return state;
}

/** True once the reminder is dealt with; false if the mail server refused it for good. */
async function remind(
  actionId: string,
  event: ActionReminderEvent,
  recipient: ReminderRecipient,
): Promise<boolean> {
  try {
    await sendActionReminder({
      actionId,
      event,
      recipient,
      idempotencyKey: `${workflowInfo().workflowId}:${event}:${recipient}`,
    });
    return true;
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) {
      if (error.cause.type === DELIVERY_REFUSED) return false;
    }
    throw error;
  }
}

/** Waits for the instant (epoch ms) unless the condition comes true first. */
async function waitUntil(instant: number, done: () => boolean): Promise<void> {
  const remaining = instant - Date.now();
  if (remaining > 0) await condition(done, remaining);
}

function sendingTime({ nation, sendWindow, urgent }: DeliveryWindow, dueAt: string): number {
  if (urgent && sendWindow.urgentExempt) return Date.parse(dueAt);
  return nextInSendWindow(new Date(dueAt), nation, sendWindow).getTime();
}
