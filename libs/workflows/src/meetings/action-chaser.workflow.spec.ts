import { Client, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  startWorkflowTestRig,
  storeHistoryFixture,
  type WorkflowTestRig,
  sleepUntilLondon,
  refusalOf,
  londonIso,
  londonReading,
} from '@safeguard/dev-stack';
import { defaultPolicy, type ChaseTimetable, type DeliveryWindow } from '@safeguard/domain';
import { randomUUID } from 'node:crypto';
import { STAGE_CONFLICT } from '../common/commands';
import {
  DELIVERY_REFUSED,
  type ActionActivities,
  type ActionReminderEvent,
  type ActionStateSnapshot,
  type ReminderRecipient,
  type SendActionReminder,
} from './action-activities';
import {
  acknowledgeActionUpdate,
  actionChaserWorkflow,
  actionStateQuery,
  actionWorkflowId,
  cancelActionUpdate,
  completeActionUpdate,
  decideExtensionUpdate,
  reassignActionUpdate,
  requestExtensionUpdate,
  type ActionChaserInput,
} from './action-chaser.workflow';

/**
 * Whole timelines of one action on the time-skipping server. Each test works in its own stretch
 * of the calendar (the server's clock only moves forward), with every expected instant written
 * as a Europe/London wall-clock reading and converted with Intl, not with the clock under test.
 * Activities are recorded, not run: their real behaviour is covered end to end in test/e2e.
 */
jest.setTimeout(120_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const meetingAction = defaultPolicy.stages['meeting.action'];
/** The default policy's meeting.action timetable, as the API pins it into the input. */
const MEETING_ACTION: ChaseTimetable = {
  remindersBeforeDue: meetingAction.remindersBeforeDue,
  overdueChases: meetingAction.overdueChases,
  escalation: meetingAction.escalation,
};
const ENGLAND: DeliveryWindow = {
  nation: 'england-and-wales',
  sendWindow: defaultPolicy.sendWindow,
  urgent: false,
};
const OWNER = 'owner-1';
const NEW_OWNER = 'owner-2';
const CHAIR = 'chair-1';

/** An expected message: [London reading, event, recipient]. */
type Message = [string, ActionReminderEvent, ReminderRecipient | undefined];
const message = (
  reading: string,
  event: ActionReminderEvent,
  recipient: ReminderRecipient = 'owner',
): Message => [`${reading}:00`, event, recipient];

/**
 * Every promise made here is settled after each test, so a failing test never leaves an activity
 * held and the worker unable to shut down.
 */
const unsettled: Array<() => void> = [];
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  unsettled.push(resolve);
  return { promise, resolve };
}

describe('action chaser workflow (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let rig: WorkflowTestRig;
  /**
   * Results are read without time skipping: the time-skipping client unlocks the clock while it
   * waits, and the test server then jumps to a closed run's stale 10-year run timeout.
   */
  let plain: Client;
  const taskQueue = 'action-chaser-test';
  const sent: Array<{ at: number; command: SendActionReminder }> = [];
  const refused: Array<{ at: number; command: SendActionReminder }> = [];
  const snapshots: ActionStateSnapshot[] = [];
  /** Which messages the owner's mail server refuses for good (SMTP 5xx). */
  let refuse: (command: SendActionReminder) => boolean = () => false;
  /** Holds a message in flight until the promise it returns settles. */
  let hold: (command: SendActionReminder) => Promise<void> | undefined = () => undefined;

  beforeAll(async () => {
    rig = await startWorkflowTestRig(taskQueue, (testEnv): ActionActivities => ({
      sendActionReminder: async (command) => {
        // Whole seconds: the server's clock creeps on by milliseconds while the worker runs.
        const at = Math.floor((await testEnv.currentTimeMs()) / 1000) * 1000;
        await hold(command);
        if (refuse(command)) {
          refused.push({ at, command });
          throw ApplicationFailure.nonRetryable('refused (SMTP 550)', DELIVERY_REFUSED);
        }
        sent.push({ at, command });
        return 'sent';
      },
      recordActionState: async (snapshot) => void snapshots.push(snapshot),
    }));
    env = rig.env;
    plain = new Client({ connection: env.connection, namespace: env.namespace });
  });

  afterAll(() => rig?.stop());

  beforeEach(() => {
    refuse = () => false;
    hold = () => undefined;
  });

  afterEach(() => {
    for (const resolve of unsettled.splice(0)) resolve();
  });

  const messagesTo = (actionId: string): Message[] =>
    sent
      .filter(({ command }) => command.actionId === actionId)
      .map(({ at, command }) => [londonReading(at), command.event, command.recipient]);
  const keysOf = (actionId: string) =>
    sent
      .filter(({ command }) => command.actionId === actionId)
      .map((s) => s.command.idempotencyKey);
  const snapshotsOf = (actionId: string) => snapshots.filter((s) => s.actionId === actionId);

  const sleepUntil = (reading: string) => sleepUntilLondon(env, reading);

  async function startChaser(
    input: Partial<ActionChaserInput> & { dueAt: string },
    options: { legacy?: boolean } = {},
  ) {
    const actionId = randomUUID();
    const args: ActionChaserInput = options.legacy
      ? { actionId, ...input }
      : { actionId, ownerId: OWNER, timetable: MEETING_ACTION, delivery: ENGLAND, ...input };
    const handle = await env.client.workflow.start(actionChaserWorkflow, {
      taskQueue,
      workflowId: actionWorkflowId(actionId),
      args: [args],
    });
    return { actionId, handle, key: (occasion: string) => `action-${actionId}:${occasion}` };
  }

  /** The reason of a command the workflow refused (its update validator's STAGE_CONFLICT). */
  const refusal = (update: Promise<unknown>) => refusalOf(update, STAGE_CONFLICT);

  const finished = (handle: WorkflowHandle) =>
    plain.workflow.getHandle<typeof actionChaserWorkflow>(handle.workflowId).result();

  const complete = (handle: WorkflowHandle) =>
    handle.executeUpdate(completeActionUpdate, { args: [{ actorId: OWNER }] });

  it('follows the whole timetable: reminders, chases and each tier of the ladder once', async () => {
    // Due Tuesday 1 June 2027 (BST), the day after the spring bank holiday.
    const dueAt = londonIso('2027-06-01 17:30');
    const { actionId, handle, key } = await startChaser({ dueAt });

    await sleepUntil('2027-05-26 08:29');
    expect(messagesTo(actionId)).toEqual([]);
    await sleepUntil('2027-05-26 08:31');
    // −3 WD: Fri 28, Thu 27, Wed 26 May (Monday 31 is the bank holiday).
    expect(messagesTo(actionId)).toEqual([message('2027-05-26 08:30', 'reminder')]);
    expect(await handle.query(actionStateQuery)).toMatchObject({
      status: 'open',
      remindersSent: 1,
      dueAt,
    });

    await sleepUntil('2027-06-01 09:00');
    expect((await handle.query(actionStateQuery)).status).toBe('due');
    await sleepUntil('2027-06-02 09:00');
    expect((await handle.query(actionStateQuery)).status).toBe('overdue');

    await sleepUntil('2027-06-30 12:00');
    expect(messagesTo(actionId)).toEqual([
      message('2027-05-26 08:30', 'reminder'),
      message('2027-06-01 08:30', 'due'),
      message('2027-06-02 08:30', 'overdue'),
      // +5 WD: Wed 2, Thu 3, Fri 4, Mon 7, Tue 8 June; the chase and the first tier together.
      message('2027-06-08 08:30', 'overdue'),
      message('2027-06-08 08:30', 'escalated', 'owner-line-manager'),
      // +10 WD: Tuesday 15 June, both leads, in policy order; then nothing more for two weeks.
      message('2027-06-15 08:30', 'escalated', 'agency-designated-lead'),
      message('2027-06-15 08:30', 'escalated', 'local-authority-lead'),
    ]);
    expect(keysOf(actionId)).toEqual([
      key(`${dueAt}:reminder-0:owner`),
      key(`${dueAt}:reminder-1:owner`),
      key(`${dueAt}:chase-0:owner`),
      key(`${dueAt}:chase-1:owner`),
      key(`${dueAt}:escalation-owner-line-manager:owner-line-manager`),
      key(`${dueAt}:escalation-agency-designated-lead:agency-designated-lead`),
      key(`${dueAt}:escalation-local-authority-lead:local-authority-lead`),
    ]);

    await complete(handle);
    expect(await finished(handle)).toMatchObject({ status: 'completed', remindersSent: 4 });
    expect(
      snapshotsOf(actionId).map((s) => [s.event, s.status, s.version, s.nextReminderAt, s.detail]),
    ).toEqual([
      ['action.reminder-sent', 'open', 2, londonIso('2027-06-01 08:30'), undefined],
      ['action.reminder-sent', 'due', 3, londonIso('2027-06-02 08:30'), undefined],
      ['action.chased', 'overdue', 4, londonIso('2027-06-08 08:30'), undefined],
      ['action.chased', 'overdue', 5, londonIso('2027-06-08 08:30'), undefined],
      [
        'action.escalated',
        'overdue',
        6,
        londonIso('2027-06-15 08:30'),
        { tier: 'owner-line-manager' },
      ],
      [
        'action.escalated',
        'overdue',
        7,
        londonIso('2027-06-15 08:30'),
        { tier: 'agency-designated-lead' },
      ],
      ['action.escalated', 'overdue', 8, undefined, { tier: 'local-authority-lead' }],
      ['action.completed', 'completed', 9, undefined, undefined],
    ]);
    expect(snapshotsOf(actionId).every((s) => s.dueAt === dueAt && s.ownerId === OWNER)).toBe(true);
    storeHistoryFixture('action-chaser-full-timeline-escalated', await handle.fetchHistory());
  });

  it('stops reminders before the due day once acknowledged, but still chases', async () => {
    // Due Thursday 15 July 2027.
    const dueAt = londonIso('2027-07-15 17:30');
    const { actionId, handle } = await startChaser({ dueAt });

    await sleepUntil('2027-07-01 10:00');
    const acknowledged = await handle.executeUpdate(acknowledgeActionUpdate, {
      args: [{ actorId: OWNER }],
    });
    expect(acknowledged).toMatchObject({ acknowledged: true, status: 'open', version: 2 });
    // Read-your-writes: the read model was written before the update answered.
    expect(snapshotsOf(actionId).at(-1)).toMatchObject({
      event: 'action.acknowledged',
      actorId: OWNER,
      acknowledged: true,
      version: 2,
      dueAt,
      // Reminders on Mon 12 and Thu 15 are skipped: next is the first chase.
      nextReminderAt: londonIso('2027-07-16 08:30'),
    });
    expect(
      await refusal(handle.executeUpdate(acknowledgeActionUpdate, { args: [{ actorId: OWNER }] })),
    ).toBe('the action has already been acknowledged');

    await sleepUntil('2027-07-15 12:00');
    expect(messagesTo(actionId)).toEqual([]);
    // The status still follows the clock on the due day, though no message goes.
    expect((await handle.query(actionStateQuery)).status).toBe('due');
    expect(snapshotsOf(actionId).at(-1)).toMatchObject({
      event: 'action.reminder-skipped',
      status: 'due',
      version: 3,
      nextReminderAt: londonIso('2027-07-16 08:30'),
      detail: { reason: 'acknowledged' },
    });

    await sleepUntil('2027-07-22 12:00');
    expect(messagesTo(actionId)).toEqual([
      message('2027-07-16 08:30', 'overdue'),
      message('2027-07-22 08:30', 'overdue'),
      message('2027-07-22 08:30', 'escalated', 'owner-line-manager'),
    ]);
    await complete(handle);
    expect(await finished(handle)).toMatchObject({ status: 'completed', remindersSent: 2 });
  });

  it('moves every later touch when an extension is approved, and keeps reminding whoever owns it', async () => {
    // Due Wednesday 15 September 2027; the owner asks for Wednesday 29 September.
    const dueAt = londonIso('2027-09-15 17:30');
    const newDueAt = londonIso('2027-09-29 17:30');
    const { actionId, handle, key } = await startChaser({ dueAt });

    await sleepUntil('2027-09-13 10:00');
    const requested = await handle.executeUpdate(requestExtensionUpdate, {
      args: [{ actorId: OWNER, proposedDueAt: newDueAt, noteId: 'note-1' }],
    });
    expect(requested.extensionRequest).toEqual({ proposedDueAt: newDueAt, requestedById: OWNER });
    expect(snapshotsOf(actionId).at(-1)).toMatchObject({
      event: 'action.extension-requested',
      dueAt,
      proposedDueAt: newDueAt,
      nextReminderAt: londonIso('2027-09-15 08:30'),
      detail: { proposedDueAt: newDueAt, noteId: 'note-1' },
    });
    expect(
      await refusal(
        handle.executeUpdate(requestExtensionUpdate, {
          args: [{ actorId: OWNER, proposedDueAt: londonIso('2027-10-29 17:30') }],
        }),
      ),
    ).toBe('an extension request is already waiting for a decision');

    await sleepUntil('2027-09-14 10:00');
    const approved = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actorId: CHAIR, approved: true }],
    });
    expect(approved).toMatchObject({ status: 'open', dueAt: newDueAt });
    expect(approved.extensionRequest).toBeUndefined();
    expect(snapshotsOf(actionId).at(-1)).toMatchObject({
      event: 'action.extension-approved',
      actorId: CHAIR,
      dueAt: newDueAt,
      // −3 WD from Wednesday 29 September: Tue 28, Mon 27, Fri 24.
      nextReminderAt: londonIso('2027-09-24 08:30'),
    });
    expect(snapshotsOf(actionId).at(-1)).not.toHaveProperty('proposedDueAt');

    await sleepUntil('2027-09-20 10:00');
    await handle.executeUpdate(reassignActionUpdate, {
      args: [{ actorId: CHAIR, newOwnerId: NEW_OWNER }],
    });
    expect(snapshotsOf(actionId).at(-1)).toMatchObject({
      event: 'action.reassigned',
      ownerId: NEW_OWNER,
      acknowledged: false,
      detail: { newOwnerId: NEW_OWNER, previousOwnerId: OWNER },
    });
    expect(
      await refusal(
        handle.executeUpdate(reassignActionUpdate, {
          args: [{ actorId: CHAIR, newOwnerId: NEW_OWNER }],
        }),
      ),
    ).toBe('the action is already owned by this person');

    await sleepUntil('2027-10-01 10:00');
    expect(messagesTo(actionId)).toEqual([
      message('2027-09-10 08:30', 'reminder'),
      message('2027-09-13 10:00', 'extension-requested', 'decision-maker'),
      message('2027-09-14 10:00', 'extension-approved'),
      // Nothing on the old due day (15th) or after it: the timetable moved.
      message('2027-09-20 10:00', 'assigned'),
      // The activity resolves 'owner' to whoever owns the action now.
      message('2027-09-24 08:30', 'reminder'),
      message('2027-09-29 08:30', 'due'),
      message('2027-09-30 08:30', 'overdue'),
    ]);
    const keys = keysOf(actionId);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain(key(`${newDueAt}:reminder-0:owner`));
    expect(keys).not.toContain(key(`${dueAt}:reminder-1:owner`));

    const completed = await handle.executeUpdate(completeActionUpdate, {
      args: [{ actorId: NEW_OWNER, noteId: 'note-2' }],
    });
    expect(completed).toMatchObject({ status: 'completed', ownerId: NEW_OWNER, dueAt: newDueAt });
    expect(snapshotsOf(actionId).at(-1)).toMatchObject({
      event: 'action.completed',
      actorId: NEW_OWNER,
      detail: { noteId: 'note-2' },
    });
    expect(snapshotsOf(actionId).at(-1)).not.toHaveProperty('nextReminderAt');
    await finished(handle);
    storeHistoryFixture('action-chaser-extended-and-reassigned', await handle.fetchHistory());
  });

  it('keeps the timetable when an extension is refused', async () => {
    // Due Thursday 11 November 2027 (GMT).
    const dueAt = londonIso('2027-11-11 17:30');
    const { actionId, handle } = await startChaser({ dueAt });

    await sleepUntil('2027-11-01 09:00');
    expect(
      await refusal(
        handle.executeUpdate(decideExtensionUpdate, { args: [{ actorId: CHAIR, approved: true }] }),
      ),
    ).toBe('there is no extension request waiting for a decision');
    expect(
      await refusal(
        handle.executeUpdate(requestExtensionUpdate, {
          args: [{ actorId: OWNER, proposedDueAt: londonIso('2027-11-10 17:30') }],
        }),
      ),
    ).toBe('the proposed due date must be later than the current one');

    await sleepUntil('2027-11-01 10:00');
    await handle.executeUpdate(requestExtensionUpdate, {
      args: [{ actorId: OWNER, proposedDueAt: londonIso('2027-11-25 17:30') }],
    });
    await sleepUntil('2027-11-02 10:00');
    const decided = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actorId: CHAIR, approved: false, noteId: 'note-3' }],
    });
    expect(decided).toMatchObject({ status: 'open', dueAt });
    expect(decided.extensionRequest).toBeUndefined();
    expect(snapshotsOf(actionId).at(-1)).toMatchObject({
      event: 'action.extension-refused',
      dueAt,
      nextReminderAt: londonIso('2027-11-08 08:30'),
      detail: { dueAt, noteId: 'note-3' },
    });

    await sleepUntil('2027-11-11 12:00');
    expect(messagesTo(actionId)).toEqual([
      message('2027-11-01 10:00', 'extension-requested', 'decision-maker'),
      message('2027-11-02 10:00', 'extension-refused'),
      message('2027-11-08 08:30', 'reminder'),
      message('2027-11-11 08:30', 'due'),
    ]);
    await complete(handle);
    await finished(handle);
  });

  it('stops everything when cancelled, tells the owner, and refuses commands after it', async () => {
    // Due Wednesday 8 December 2027.
    const dueAt = londonIso('2027-12-08 17:30');
    const { actionId, handle, key } = await startChaser({ dueAt });
    await sleepUntil('2027-12-06 10:00');

    // Hold the owner's "cancelled" email, so the run is still open when the next commands come.
    const release = deferred();
    hold = (command) =>
      command.actionId === actionId && command.event === 'cancelled' ? release.promise : undefined;
    const cancelled = await handle.executeUpdate(cancelActionUpdate, {
      args: [{ actorId: CHAIR, noteId: 'note-4' }],
    });
    expect(cancelled.status).toBe('cancelled');
    expect(snapshotsOf(actionId).at(-1)).toMatchObject({
      event: 'action.cancelled',
      status: 'cancelled',
    });
    expect(snapshotsOf(actionId).at(-1)).not.toHaveProperty('nextReminderAt');
    expect(await refusal(complete(handle))).toBe('the action is already cancelled');
    expect(
      await refusal(handle.executeUpdate(cancelActionUpdate, { args: [{ actorId: CHAIR }] })),
    ).toBe('the action is already cancelled');
    expect(
      await refusal(handle.executeUpdate(acknowledgeActionUpdate, { args: [{ actorId: OWNER }] })),
    ).toBe('the action is already cancelled');
    release.resolve();

    expect(await finished(handle)).toMatchObject({ status: 'cancelled' });
    await env.sleep(30 * 24 * HOUR);
    expect(messagesTo(actionId)).toEqual([
      message('2027-12-03 08:30', 'reminder'),
      message('2027-12-06 10:00', 'cancelled'),
    ]);
    expect(keysOf(actionId)[1]).toBe(key(`cancelled:${cancelled.version}:owner`));
    expect(snapshotsOf(actionId).filter((s) => s.event === 'action.cancelled')).toHaveLength(1);
  });

  it('holds a touch outside the send window until it opens, unless urgent and exempt', async () => {
    // Due Friday 14 January 2028 at 17:30; the chase 12 hours later falls at 05:30 on Saturday.
    const dueAt = londonIso('2028-01-14 17:30');
    const timetable: ChaseTimetable = {
      remindersBeforeDue: [{ duration: 'PT0S' }],
      overdueChases: [{ duration: 'PT12H' }],
      escalation: [],
    };
    const urgent = { ...ENGLAND, urgent: true };
    const notExempt = {
      ...urgent,
      sendWindow: { ...ENGLAND.sendWindow, urgentExempt: false },
    };
    const routine = await startChaser({ dueAt, timetable });
    const immediate = await startChaser({ dueAt, timetable, delivery: urgent });
    const heldUrgent = await startChaser({ dueAt, timetable, delivery: notExempt });

    await sleepUntil('2028-01-14 17:31');
    for (const run of [routine, immediate, heldUrgent]) {
      // 17:30 is the last minute of the window, and still inside it.
      expect(messagesTo(run.actionId)).toEqual([message('2028-01-14 17:30', 'due')]);
    }
    expect(snapshotsOf(routine.actionId).at(-1)?.nextReminderAt).toBe(
      londonIso('2028-01-17 08:30'),
    );
    expect(snapshotsOf(immediate.actionId).at(-1)?.nextReminderAt).toBe(
      londonIso('2028-01-15 05:30'),
    );

    await sleepUntil('2028-01-17 12:00');
    expect(messagesTo(immediate.actionId)).toEqual([
      message('2028-01-14 17:30', 'due'),
      message('2028-01-15 05:30', 'overdue'),
    ]);
    for (const run of [routine, heldUrgent]) {
      expect(messagesTo(run.actionId)).toEqual([
        message('2028-01-14 17:30', 'due'),
        message('2028-01-17 08:30', 'overdue'),
      ]);
    }
    for (const run of [routine, immediate, heldUrgent]) {
      await complete(run.handle);
      await finished(run.handle);
    }
  });

  it('still sends one reminder at the due instant for input without a timetable (legacy runs)', async () => {
    const dueAt = '2028-02-10T14:17:00.000Z';
    const { actionId, handle, key } = await startChaser({ dueAt }, { legacy: true });
    // Held for the send window like the runs started before timetables, at the weekend.
    const held = await startChaser(
      { dueAt: londonIso('2028-02-12 12:00'), delivery: ENGLAND },
      { legacy: true },
    );

    await sleepUntil('2028-03-10 12:00');
    expect(messagesTo(actionId)).toEqual([message('2028-02-10 14:17', 'due')]);
    expect(keysOf(actionId)).toEqual([key('due:owner')]);
    expect(messagesTo(held.actionId)).toEqual([message('2028-02-14 08:30', 'due')]);
    expect(snapshotsOf(actionId)).toEqual([
      expect.objectContaining({
        event: 'action.reminder-sent',
        status: 'due',
        version: 2,
        dueAt,
      }),
    ]);
    expect(snapshotsOf(actionId)[0]).not.toHaveProperty('nextReminderAt');
    for (const run of [{ handle }, held]) {
      await complete(run.handle);
      expect(await finished(run.handle)).toMatchObject({ status: 'completed', remindersSent: 1 });
    }
  });

  it('tells the owner where it stands at once, and climbs every passed tier, when created late', async () => {
    await sleepUntil('2028-03-15 10:00');
    // Due Tuesday 7 March 2028, recorded on Wednesday 15th: +5 WD (Tuesday 14th) has passed.
    const { actionId, handle } = await startChaser({ dueAt: londonIso('2028-03-07 17:30') });

    await env.sleep(MINUTE);
    expect(messagesTo(actionId)).toEqual([
      message('2028-03-15 10:00', 'overdue'),
      message('2028-03-15 10:00', 'escalated', 'owner-line-manager'),
    ]);
    expect(await handle.query(actionStateQuery)).toMatchObject({
      status: 'overdue',
      remindersSent: 1,
    });

    await sleepUntil('2028-03-21 12:00');
    expect(messagesTo(actionId).slice(2)).toEqual([
      message('2028-03-21 08:30', 'escalated', 'agency-designated-lead'),
      message('2028-03-21 08:30', 'escalated', 'local-authority-lead'),
    ]);
    await complete(handle);
    await finished(handle);
  });

  it('continues as new past its history limit, carrying state through extension cycles', async () => {
    // Due Wednesday 10 May 2028; extended three times, to the 16th, 24th and 7 June.
    const dueAt = londonIso('2028-05-10 17:30');
    const extensions: Array<[string, string, string]> = [
      // [requested at, decided at, new due date]
      ['2028-05-08 10:00', '2028-05-12 10:00', '2028-05-16 17:30'],
      ['2028-05-16 10:00', '2028-05-19 10:00', '2028-05-24 17:30'],
      ['2028-05-24 10:00', '2028-05-24 11:00', '2028-06-07 17:30'],
    ];
    const { actionId, handle } = await startChaser({ dueAt, historyLimit: 20 });
    const firstRunId = handle.firstExecutionRunId;

    for (const [requestAt, decideAt, until] of extensions) {
      await sleepUntil(requestAt);
      await handle.executeUpdate(requestExtensionUpdate, {
        args: [{ actorId: OWNER, proposedDueAt: londonIso(until) }],
      });
      await sleepUntil(decideAt);
      await handle.executeUpdate(decideExtensionUpdate, {
        args: [{ actorId: CHAIR, approved: true }],
      });
    }
    await sleepUntil('2028-06-02 10:00');

    expect(messagesTo(actionId)).toEqual([
      message('2028-05-05 08:30', 'reminder'),
      message('2028-05-08 10:00', 'extension-requested', 'decision-maker'),
      message('2028-05-10 08:30', 'due'),
      message('2028-05-11 08:30', 'overdue'),
      // The reminder for the 16th (Thursday 11th) had passed when it was approved: not sent late.
      message('2028-05-12 10:00', 'extension-approved'),
      message('2028-05-16 08:30', 'due'),
      message('2028-05-16 10:00', 'extension-requested', 'decision-maker'),
      message('2028-05-17 08:30', 'overdue'),
      message('2028-05-19 10:00', 'extension-approved'),
      message('2028-05-24 08:30', 'due'),
      message('2028-05-24 10:00', 'extension-requested', 'decision-maker'),
      message('2028-05-24 11:00', 'extension-approved'),
      // −3 WD from Wednesday 7 June: Tue 6, Mon 5, Fri 2.
      message('2028-06-02 08:30', 'reminder'),
    ]);
    const keys = keysOf(actionId);
    expect(new Set(keys).size).toBe(keys.length);

    const state = await handle.query(actionStateQuery);
    expect(state).toMatchObject({
      status: 'open',
      dueAt: londonIso('2028-06-07 17:30'),
      ownerId: OWNER,
      remindersSent: 7,
    });
    // Every command and message bumped the version once, across all the runs.
    expect(state.version).toBe(1 + 7 + 2 * extensions.length);

    const runs = await runChain(actionWorkflowId(actionId), firstRunId);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    await complete(handle);
    expect(await finished(handle)).toMatchObject({ status: 'completed', remindersSent: 7 });
    storeHistoryFixture(
      'action-chaser-continued-as-new-first-run',
      await env.client.workflow.getHandle(actionWorkflowId(actionId), firstRunId).fetchHistory(),
    );
    storeHistoryFixture('action-chaser-continued-as-new-last-run', await handle.fetchHistory());
  });

  it('moves the timetable cleanly when an extension is approved while a chase is in flight', async () => {
    // Due Wednesday 13 September 2028; the first chase (Thursday 14th) is slow to send, and the
    // extension to Wednesday 27th is asked for and approved while it is still in flight.
    const dueAt = londonIso('2028-09-13 17:30');
    const newDueAt = londonIso('2028-09-27 17:30');
    const { actionId, handle } = await startChaser({ dueAt, historyLimit: 20 });
    const inFlight = deferred();
    const release = deferred();
    hold = (command) => {
      if (command.actionId !== actionId || command.event !== 'overdue') return undefined;
      inFlight.resolve();
      return release.promise;
    };

    await sleepUntil('2028-09-14 08:29');
    const skipping = env.sleep(2 * MINUTE);
    await inFlight.promise;
    hold = () => undefined;
    await handle.executeUpdate(requestExtensionUpdate, {
      args: [{ actorId: OWNER, proposedDueAt: newDueAt }],
    });
    await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actorId: CHAIR, approved: true }],
    });
    release.resolve();
    await skipping;

    // The chase about the old date went, but the action is open again against the new one.
    expect(await handle.query(actionStateQuery)).toMatchObject({ status: 'open', dueAt: newDueAt });
    await sleepUntil('2028-09-28 12:00');
    const afterwards = messagesTo(actionId).filter(([at]) => at > '2028-09-15');
    expect(afterwards).toEqual([
      message('2028-09-22 08:30', 'reminder'),
      message('2028-09-27 08:30', 'due'),
      message('2028-09-28 08:30', 'overdue'),
    ]);
    expect(snapshotsOf(actionId).at(-1)).toMatchObject({ status: 'overdue', dueAt: newDueAt });
    await complete(handle);
    await finished(handle);
  });

  it('tells the owner’s line manager when the owner’s mail server refuses a message', async () => {
    // Due Wednesday 15 November 2028; only the due-day reminder to the owner is refused.
    const dueAt = londonIso('2028-11-15 17:30');
    const { actionId, handle, key } = await startChaser({ dueAt });
    refuse = (command) =>
      command.actionId === actionId && command.event === 'due' && command.recipient === 'owner';

    await sleepUntil('2028-11-16 12:00');
    expect(messagesTo(actionId)).toEqual([
      message('2028-11-10 08:30', 'reminder'),
      message('2028-11-15 08:30', 'due', 'owner-line-manager'),
      message('2028-11-16 08:30', 'overdue'),
    ]);
    expect(keysOf(actionId)[1]).toBe(key(`${dueAt}:reminder-1:owner-line-manager`));
    expect(refused.map((r) => r.command.idempotencyKey)).toContain(
      key(`${dueAt}:reminder-1:owner`),
    );
    expect(snapshotsOf(actionId).map((s) => [s.event, s.status, s.version])).toEqual([
      ['action.reminder-sent', 'open', 2],
      ['action.reminder-refused', 'due', 3],
      ['action.chased', 'overdue', 4],
    ]);
    await complete(handle);
    // The refused reminder is not counted as sent.
    expect(await finished(handle)).toMatchObject({ status: 'completed', remindersSent: 2 });
  });

  /** The run ids of a continue-as-new chain, first to last. */
  async function runChain(workflowId: string, firstRunId: string | undefined): Promise<string[]> {
    const runs: string[] = [];
    let runId = firstRunId;
    while (runId) {
      runs.push(runId);
      const { events } = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
      runId =
        events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ??
        undefined;
    }
    return runs;
  }
});
