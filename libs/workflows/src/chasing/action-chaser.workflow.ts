/**
 * Chasing one agreed action from a multi-agency meeting (practice primer §2). The action log, the
 * full minutes and the agreed review are chased the same way, each against its own stage policy.
 *
 *   1. Remind the owner before the due day and on it, at the pinned policy's offsets.
 *   2. Once it is overdue, chase the owner, then climb the escalation ladder tier by tier
 *      (line manager → agency designated lead → local authority lead), each tier told once.
 *   3. Everything waits for the partnership's send window, unless the action is urgent (immediate
 *      risk) and the policy exempts it.
 *   4. Until it is closed, the owner may acknowledge it (reminders before the due day stop), ask
 *      for more time (the chair or a lead approves with a new date, and the timetable moves, or
 *      refuses), or complete it with a note; the chair or a lead may reassign or cancel it.
 *
 * Every command is a Temporal Update: its validator refuses one that does not fit the stage (the
 * API answers 409 with the reason), and the read model is written before it returns.
 *
 * An item that is a deadline of a larger process (a Section 42 enquiry) is also steered by that
 * process's workflow, by signal: settled when the process moves on, held while its clocks are
 * paused, and released with the working time the pause took added back.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
  ActivityFailure,
  ApplicationFailure,
} from '@temporalio/workflow';
import {
  acknowledgeAction,
  cancelAction,
  chasePlan,
  completeAction,
  decideExtension,
  dueAfterPause,
  initialActionState,
  isClosed,
  moveDueDate,
  nextSendingAt,
  reassignAction,
  recordOwnerMessage,
  requestExtension,
  sendingTime,
  sendingTimeFrom,
  silencedByAcknowledgement,
  touchesStillToCome,
  whyCannotAcknowledge,
  whyCannotCancel,
  whyCannotComplete,
  whyCannotDecideExtension,
  whyCannotReassign,
  whyCannotRequestExtension,
  type ActionProcessState,
  type ChaseTimetable,
  type SendWindow,
  type Touch,
} from '@safeguard/domain';
import {
  DELIVERY_REFUSED,
  type ActionActivities,
  type ActionReminderEvent,
  type ActionStateSnapshot,
  type ReminderRecipient,
} from './action-activities';
import { eachCommandAsItComes, oneCommandAtATime } from '../common/commands';
import {
  DEFAULT_ACTIVITY_OPTIONS,
  historyIsLong as historyTooLong,
  waitUntil,
} from '../common/plumbing';
import {
  actionStateQuery,
  acknowledgeActionUpdate,
  cancelActionUpdate,
  completeActionUpdate,
  decideExtensionUpdate,
  holdChaseSignal,
  reassignActionUpdate,
  releaseChaseSignal,
  requestExtensionUpdate,
  settleChaseSignal,
  ONE_COMMAND_AT_A_TIME,
  type ActionChaserInput,
  type ActorCommand,
  type NotedCommand,
} from './action-chaser.contract';

/** Patch marker: runs started before it never sent the fallback reminder (replay safety). */
const LINE_MANAGER_WHEN_OWNER_UNREACHABLE = 'line-manager-when-owner-unreachable';

/** What runs started before timetables were pinned did: one reminder, at the due instant. */
const ONE_REMINDER_AT_DUE: ChaseTimetable = {
  remindersBeforeDue: [{ duration: 'PT0S' }],
  overdueChases: [],
  escalation: [],
};

const { sendActionReminder, recordActionState } =
  proxyActivities<ActionActivities>(DEFAULT_ACTIVITY_OPTIONS);

export async function actionChaserWorkflow(input: ActionChaserInput): Promise<ActionProcessState> {
  const timetable = input.timetable ?? ONE_REMINDER_AT_DUE;
  let state = input.resume?.state ?? initialActionState(input.dueAt, input.ownerId);
  const dueAt = () => state.dueAt ?? input.dueAt;

  // The touches still to come for the current due date; laid again when an extension moves it.
  let plan: Touch[];
  let done: string[] = input.resume?.done ?? [];
  let planGeneration = 0;
  let heldSince = input.resume?.heldSince;
  const fullPlan = () =>
    chasePlan(timetable, new Date(dueAt()), {
      nation: input.delivery?.nation ?? 'england-and-wales',
      sendWindow: input.delivery?.sendWindow ?? ALWAYS_OPEN,
      // An immediate-risk item climbs its stage's urgent ladder; inputs started before policies
      // had urgent ladders carry none, so their plans are what they always were.
      urgent: input.delivery?.urgent,
    });
  if (input.resume) plan = fullPlan().filter((touch) => !done.includes(touch.key));
  else plan = touchesStillToCome(fullPlan(), Date.now());
  // Touches of the new date already past are not sent late; they count as done, so a run that
  // continues as new does not find them still to do.
  const moveTimetable = () => {
    const moved = fullPlan();
    plan = moved.filter((touch) => touch.at > Date.now());
    done = moved.filter((touch) => touch.at <= Date.now()).map((touch) => touch.key);
    planGeneration += 1;
  };

  // Messages about a command go out in the background so the command answers at once.
  const outbox: Promise<unknown>[] = [];
  const tell = (event: ActionReminderEvent, recipient: ReminderRecipient) =>
    outbox.push(remind(input.actionId, event, recipient, `${event}:${state.version}`));

  const recordState = (event: string, actorId?: string, detail?: ActionStateSnapshot['detail']) =>
    recordActionState({
      actionId: input.actionId,
      status: state.status,
      version: state.version,
      changedAt: new Date().toISOString(),
      event,
      actorId,
      dueAt: dueAt(),
      ownerId: state.ownerId,
      acknowledged: state.acknowledged ?? false,
      proposedDueAt: state.extensionRequest?.proposedDueAt,
      nextReminderAt:
        isClosed(state) || heldSince
          ? undefined
          : nextSendingAt(plan.filter(willSend), input.delivery, Date.now()),
      detail,
    });

  setHandler(actionStateQuery, () => state);
  // Commands come from the owner, the chair or a lead, each refused when it does not fit the
  // stage. One at a time, each checked again when its turn comes, as every process does; runs
  // started before the input said so take them as they come (replay safety). The input decides,
  // not patched(): the SDK writes a patch marker's payload outside the payload codec, which
  // would leave a readable payload in every action's history (see ActionChaserInput.commands).
  const on =
    input.commands === ONE_COMMAND_AT_A_TIME
      ? oneCommandAtATime(Promise.resolve())
      : eachCommandAsItComes();

  on(
    completeActionUpdate,
    () => whyCannotComplete(state),
    async ({ actorId, noteId }: NotedCommand) => {
      state = completeAction(state);
      await recordState('action.completed', actorId, noteId ? { noteId } : undefined);
      return state;
    },
  );
  on(
    acknowledgeActionUpdate,
    () => whyCannotAcknowledge(state),
    async ({ actorId }: ActorCommand) => {
      state = acknowledgeAction(state);
      await recordState('action.acknowledged', actorId);
      return state;
    },
  );
  on(
    requestExtensionUpdate,
    ({ proposedDueAt }) => whyCannotRequestExtension(state, proposedDueAt),
    async ({ actorId, proposedDueAt, noteId }) => {
      state = requestExtension(state, { proposedDueAt, requestedById: actorId });
      await recordState('action.extension-requested', actorId, {
        proposedDueAt,
        ...(noteId ? { noteId } : {}),
      });
      tell('extension-requested', 'decision-maker');
      return state;
    },
  );
  on(
    decideExtensionUpdate,
    (decision) => whyCannotDecideExtension(state, decision, Date.now()),
    async ({ actorId, approved, newDueAt, noteId }) => {
      state = decideExtension(state, { approved, newDueAt }, Date.now());
      if (approved) moveTimetable();
      await recordState(
        approved ? 'action.extension-approved' : 'action.extension-refused',
        actorId,
        { dueAt: dueAt(), ...(noteId ? { noteId } : {}) },
      );
      tell(approved ? 'extension-approved' : 'extension-refused', 'owner');
      return state;
    },
  );
  on(
    reassignActionUpdate,
    ({ newOwnerId }) => whyCannotReassign(state, newOwnerId),
    async ({ actorId, newOwnerId }) => {
      const previousOwnerId = state.ownerId;
      state = reassignAction(state, newOwnerId);
      await recordState('action.reassigned', actorId, {
        newOwnerId,
        ...(previousOwnerId ? { previousOwnerId } : {}),
      });
      tell('assigned', 'owner');
      return state;
    },
  );
  on(
    cancelActionUpdate,
    () => whyCannotCancel(state),
    async ({ actorId, noteId }: NotedCommand) => {
      state = cancelAction(state);
      await recordState('action.cancelled', actorId, noteId ? { noteId } : undefined);
      tell('cancelled', 'owner');
      return state;
    },
  );

  // Signals from the process the item belongs to (a Section 42 enquiry).
  setHandler(settleChaseSignal, async ({ actorId, settlement }) => {
    if (isClosed(state)) return;
    state = settlement === 'completed' ? completeAction(state) : cancelAction(state);
    await recordState(`action.${settlement}`, actorId, { settledBy: 'process' });
  });
  setHandler(holdChaseSignal, async ({ at }) => {
    if (isClosed(state) || heldSince) return;
    heldSince = at;
    planGeneration += 1;
    await recordState('action.held');
  });
  setHandler(releaseChaseSignal, async ({ at, calendar }) => {
    if (isClosed(state) || !heldSince) return;
    // The working time left when the hold began is the working time left now.
    const releasedDueAt = dueAfterPause(
      new Date(dueAt()),
      new Date(heldSince),
      new Date(at),
      calendar,
    ).toISOString();
    heldSince = undefined;
    state = moveDueDate(state, releasedDueAt, Date.now());
    // Touches already sent are not sent again; the rest follow the moved date.
    plan = fullPlan().filter((touch) => !done.includes(touch.key));
    planGeneration += 1;
    await recordState('action.released', undefined, { dueAt: releasedDueAt });
  });

  function willSend(touch: Touch): boolean {
    return !silencedByAcknowledgement(touch, state.acknowledged ?? false);
  }

  /** One reminder, chase or escalation, and what it did to the state. */
  async function deliver(touch: Touch): Promise<void> {
    if (!willSend(touch)) {
      // Acknowledged: no message goes, but the status still follows the clock.
      if (state.status === STAGE_AFTER[touch.kind]) return;
      state = recordOwnerMessage(state, STAGE_AFTER[touch.kind], false);
      await recordState('action.reminder-skipped', undefined, { reason: 'acknowledged' });
      return;
    }
    const toOwner = touch.notify === 'owner';
    const event = EVENT_OF[touch.kind];
    const key = input.timetable ? `${dueAt()}:${touch.key}` : 'due';
    const generation = planGeneration;
    const delivered = await remind(input.actionId, event, touch.notify, key);
    // An extension approved while it was in flight has opened the action again on a new date.
    const stage = planGeneration === generation ? STAGE_AFTER[touch.kind] : 'open';
    state = recordOwnerMessage(state, stage, delivered && toOwner);
    await recordState(
      delivered ? CHRONOLOGY_EVENT[touch.kind] : 'action.reminder-refused',
      undefined,
      touch.kind === 'escalation' ? { tier: touch.notify } : undefined,
    );
    // Nothing is silently lost: a message the owner's mail server refused goes to their manager.
    if (!delivered && toOwner && patched(LINE_MANAGER_WHEN_OWNER_UNREACHABLE)) {
      await remind(input.actionId, event, 'owner-line-manager', key);
    }
  }

  const historyIsLong = historyTooLong(input.historyLimit);

  while (!isClosed(state)) {
    if (historyIsLong()) {
      await condition(allHandlersFinished);
      await Promise.all(outbox);
      if (isClosed(state)) break;
      await continueAsNew<typeof actionChaserWorkflow>({
        ...input,
        resume: { state, done, ...(heldSince ? { heldSince } : {}) },
      });
    }
    if (heldSince) {
      await condition(() => !heldSince || isClosed(state) || historyIsLong());
      continue;
    }
    const generation = planGeneration;
    const interrupted = () => isClosed(state) || planGeneration !== generation;
    const touch = plan[0];
    if (!touch) {
      await condition(() => interrupted() || historyIsLong());
      continue;
    }
    await waitUntil(touch.at, interrupted);
    // Quiet hours: a message due outside the send window waits for it to open; one that is
    // late goes when the window is open now (older runs judged only the planned instant).
    if (input.delivery) {
      const sendAt = input.timetable
        ? sendingTimeFrom(touch.at, Date.now(), input.delivery)
        : sendingTime(touch.at, input.delivery);
      await waitUntil(sendAt, interrupted);
    }
    if (interrupted()) continue;
    plan = plan.slice(1);
    await deliver(touch);
    // Not if an extension moved the timetable meanwhile: `done` now lists the new date's touches.
    if (!interrupted()) done = [...done, touch.key];
  }

  // Let the closing update write the read model and reply, and its messages go, before closing.
  await condition(allHandlersFinished);
  await Promise.all(outbox);
  return state;
}

const ALWAYS_OPEN: SendWindow = {
  days: 'working-days',
  start: '00:00',
  end: '23:59',
  urgentExempt: true,
};

const EVENT_OF: Record<Touch['kind'], ActionReminderEvent> = {
  reminder: 'reminder',
  due: 'due',
  chase: 'overdue',
  escalation: 'escalated',
};

const STAGE_AFTER: Record<Touch['kind'], 'open' | 'due' | 'overdue'> = {
  reminder: 'open',
  due: 'due',
  chase: 'overdue',
  escalation: 'overdue',
};

const CHRONOLOGY_EVENT: Record<Touch['kind'], string> = {
  reminder: 'action.reminder-sent',
  due: 'action.reminder-sent',
  chase: 'action.chased',
  escalation: 'action.escalated',
};

/** True once the message is dealt with; false if the mail server refused it for good. */
async function remind(
  actionId: string,
  event: ActionReminderEvent,
  recipient: ReminderRecipient,
  occasion: string,
): Promise<boolean> {
  try {
    await sendActionReminder({
      actionId,
      event,
      recipient,
      idempotencyKey: `${workflowInfo().workflowId}:${occasion}:${recipient}`,
    });
    return true;
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) {
      if (error.cause.type === DELIVERY_REFUSED) return false;
    }
    throw error;
  }
}
