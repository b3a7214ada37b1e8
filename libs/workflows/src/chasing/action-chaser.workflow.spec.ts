import { Client, WorkflowUpdateStage, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  startWorkflowTestRig,
  storeHistoryFixture,
  eventually,
  type WorkflowTestRig,
  sleepUntilLondon,
  refusalOf,
  londonIso,
  londonReading,
  serverToday,
  nextLoneBankHoliday,
  plainWeeks,
  LondonDay,
  MONDAY,
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
  actionStateQuery,
  actionWorkflowId,
  cancelActionUpdate,
  completeActionUpdate,
  decideExtensionUpdate,
  ONE_COMMAND_AT_A_TIME,
  reassignActionUpdate,
  requestExtensionUpdate,
  type ActionChaserInput,
} from './action-chaser.contract';
import { actionChaserWorkflow } from './action-chaser.workflow';

/**
 * Whole timelines of one action on the time-skipping server. The server's clock starts at today's
 * date and only moves forward, so each test finds its own stretch of the calendar from wherever
 * the clock stands when it begins (a run of plain weeks, or the week of a bank holiday) and
 * writes every expected instant as that anchor plus calendar days, at a Europe/London wall-clock
 * reading converted with Intl, never with the working-day clock under test. No test depends on
 * the date it runs, nor on the tests before it. Activities are recorded, not run: their real
 * behaviour is covered end to end in test/e2e.
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
 * A spring bank holiday that gives the whole-timeline test its shape: a Monday, and the only
 * England-and-Wales holiday from a week before it (the first reminder is five days before) to the
 * last tier (two weeks after the Tuesday after it), with no clock change between.
 */
const springBankHolidayAlone = (today: LondonDay) =>
  nextLoneBankHoliday(today, 'Spring bank holiday', {
    before: 7,
    after: 15,
    weekday: MONDAY,
    steadyClocks: true,
  });

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
  /** Holds a read-model write until the promise it returns settles. */
  let holdState: (snapshot: ActionStateSnapshot) => Promise<void> | undefined = () => undefined;

  beforeAll(async () => {
    rig = await startWorkflowTestRig(taskQueue, (testEnv): ActionActivities => ({
      sendActionReminder: async (command) => {
        // Whole minutes: the server's clock runs on in real time while the worker works, and a
        // timer starts only when the worker answers the task that set it, so a touch lands
        // seconds after its planned minute on a busy machine (the first task also builds the
        // workflow sandbox). A touch sent early still reads as the minute before.
        const at = Math.floor((await testEnv.currentTimeMs()) / MINUTE) * MINUTE;
        await hold(command);
        if (refuse(command)) {
          refused.push({ at, command });
          throw ApplicationFailure.nonRetryable('refused (SMTP 550)', DELIVERY_REFUSED);
        }
        sent.push({ at, command });
        return 'sent';
      },
      recordActionState: async (snapshot) => {
        await holdState(snapshot);
        snapshots.push(snapshot);
      },
    }));
    env = rig.env;
    plain = new Client({ connection: env.connection, namespace: env.namespace });
  });

  afterAll(() => rig?.stop());

  beforeEach(() => {
    refuse = () => false;
    hold = () => undefined;
    holdState = () => undefined;
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
      : {
          actionId,
          ownerId: OWNER,
          timetable: MEETING_ACTION,
          delivery: ENGLAND,
          commands: ONE_COMMAND_AT_A_TIME,
          ...input,
        };
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
    // Due on the Tuesday after the spring bank holiday (BST), the only holiday in its fortnight.
    const bankHoliday = springBankHolidayAlone(await serverToday(env));
    const due = bankHoliday.plus(1);
    const dueAt = londonIso(due.at('17:30'));
    const { actionId, handle, key } = await startChaser({ dueAt });

    await sleepUntil(due.plus(-6).at('08:29'));
    expect(messagesTo(actionId)).toEqual([]);
    await sleepUntil(due.plus(-6).at('08:31'));
    // −3 WD: the Friday, Thursday and Wednesday before (the Monday is the bank holiday).
    expect(messagesTo(actionId)).toEqual([message(due.plus(-6).at('08:30'), 'reminder')]);
    expect(await handle.query(actionStateQuery)).toMatchObject({
      status: 'open',
      remindersSent: 1,
      dueAt,
    });

    await sleepUntil(due.at('09:00'));
    expect((await handle.query(actionStateQuery)).status).toBe('due');
    await sleepUntil(due.plus(1).at('09:00'));
    expect((await handle.query(actionStateQuery)).status).toBe('overdue');

    await sleepUntil(due.plus(29).at('12:00'));
    expect(messagesTo(actionId)).toEqual([
      message(due.plus(-6).at('08:30'), 'reminder'),
      message(due.at('08:30'), 'due'),
      message(due.plus(1).at('08:30'), 'overdue'),
      // +5 WD: Wed, Thu, Fri, Mon, Tue; the chase and the first tier together.
      message(due.plus(7).at('08:30'), 'overdue'),
      message(due.plus(7).at('08:30'), 'escalated', 'owner-line-manager'),
      // +10 WD: the Tuesday a week later, both leads, in policy order; then nothing more for two
      // weeks.
      message(due.plus(14).at('08:30'), 'escalated', 'agency-designated-lead'),
      message(due.plus(14).at('08:30'), 'escalated', 'local-authority-lead'),
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
      ['action.reminder-sent', 'open', 2, londonIso(due.at('08:30')), undefined],
      ['action.reminder-sent', 'due', 3, londonIso(due.plus(1).at('08:30')), undefined],
      ['action.chased', 'overdue', 4, londonIso(due.plus(7).at('08:30')), undefined],
      ['action.chased', 'overdue', 5, londonIso(due.plus(7).at('08:30')), undefined],
      [
        'action.escalated',
        'overdue',
        6,
        londonIso(due.plus(14).at('08:30')),
        { tier: 'owner-line-manager' },
      ],
      [
        'action.escalated',
        'overdue',
        7,
        londonIso(due.plus(14).at('08:30')),
        { tier: 'agency-designated-lead' },
      ],
      ['action.escalated', 'overdue', 8, undefined, { tier: 'local-authority-lead' }],
      ['action.completed', 'completed', 9, undefined, undefined],
    ]);
    expect(snapshotsOf(actionId).every((s) => s.dueAt === dueAt && s.ownerId === OWNER)).toBe(true);
    storeHistoryFixture('action-chaser-full-timeline-escalated', await handle.fetchHistory());
  });

  it('stops reminders before the due day once acknowledged, but still chases', async () => {
    // Due on the Thursday of the third plain week; acknowledged a fortnight before.
    const monday = plainWeeks(await serverToday(env), 4);
    const due = monday.plus(17);
    const dueAt = londonIso(due.at('17:30'));
    const { actionId, handle } = await startChaser({ dueAt });

    await sleepUntil(due.plus(-14).at('10:00'));
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
      // Reminders on the Monday before (−3 WD) and on the due Thursday are skipped: next is the
      // first chase, on the Friday.
      nextReminderAt: londonIso(due.plus(1).at('08:30')),
    });
    expect(
      await refusal(handle.executeUpdate(acknowledgeActionUpdate, { args: [{ actorId: OWNER }] })),
    ).toBe('the action has already been acknowledged');

    await sleepUntil(due.at('12:00'));
    expect(messagesTo(actionId)).toEqual([]);
    // The status still follows the clock on the due day, though no message goes.
    expect((await handle.query(actionStateQuery)).status).toBe('due');
    expect(snapshotsOf(actionId).at(-1)).toMatchObject({
      event: 'action.reminder-skipped',
      status: 'due',
      version: 3,
      nextReminderAt: londonIso(due.plus(1).at('08:30')),
      detail: { reason: 'acknowledged' },
    });

    await sleepUntil(due.plus(7).at('12:00'));
    expect(messagesTo(actionId)).toEqual([
      message(due.plus(1).at('08:30'), 'overdue'),
      // +5 WD: Fri, Mon, Tue, Wed, Thu.
      message(due.plus(7).at('08:30'), 'overdue'),
      message(due.plus(7).at('08:30'), 'escalated', 'owner-line-manager'),
    ]);
    await complete(handle);
    expect(await finished(handle)).toMatchObject({ status: 'completed', remindersSent: 2 });
  });

  it('moves every later touch when an extension is approved, and keeps reminding whoever owns it', async () => {
    // Due on the Wednesday of the second plain week; the owner asks for the Wednesday a
    // fortnight later.
    const monday = plainWeeks(await serverToday(env), 4);
    const due = monday.plus(9);
    const newDue = due.plus(14);
    const dueAt = londonIso(due.at('17:30'));
    const newDueAt = londonIso(newDue.at('17:30'));
    const { actionId, handle, key } = await startChaser({ dueAt });

    await sleepUntil(due.plus(-2).at('10:00'));
    const requested = await handle.executeUpdate(requestExtensionUpdate, {
      args: [{ actorId: OWNER, proposedDueAt: newDueAt, noteId: 'note-1' }],
    });
    expect(requested.extensionRequest).toEqual({ proposedDueAt: newDueAt, requestedById: OWNER });
    expect(snapshotsOf(actionId).at(-1)).toMatchObject({
      event: 'action.extension-requested',
      dueAt,
      proposedDueAt: newDueAt,
      nextReminderAt: londonIso(due.at('08:30')),
      detail: { proposedDueAt: newDueAt, noteId: 'note-1' },
    });
    expect(
      await refusal(
        handle.executeUpdate(requestExtensionUpdate, {
          args: [{ actorId: OWNER, proposedDueAt: londonIso(newDue.plus(30).at('17:30')) }],
        }),
      ),
    ).toBe('an extension request is already waiting for a decision');

    await sleepUntil(due.plus(-1).at('10:00'));
    const approved = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actorId: CHAIR, approved: true }],
    });
    expect(approved).toMatchObject({ status: 'open', dueAt: newDueAt });
    expect(approved.extensionRequest).toBeUndefined();
    expect(snapshotsOf(actionId).at(-1)).toMatchObject({
      event: 'action.extension-approved',
      actorId: CHAIR,
      dueAt: newDueAt,
      // −3 WD from the new Wednesday: Tue, Mon, Fri.
      nextReminderAt: londonIso(newDue.plus(-5).at('08:30')),
    });
    expect(snapshotsOf(actionId).at(-1)).not.toHaveProperty('proposedDueAt');

    await sleepUntil(due.plus(5).at('10:00'));
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

    await sleepUntil(newDue.plus(2).at('10:00'));
    expect(messagesTo(actionId)).toEqual([
      // −3 WD from the first due Wednesday: Tue, Mon, Fri.
      message(due.plus(-5).at('08:30'), 'reminder'),
      message(due.plus(-2).at('10:00'), 'extension-requested', 'decision-maker'),
      message(due.plus(-1).at('10:00'), 'extension-approved'),
      // Nothing on the old due day or after it: the timetable moved.
      message(due.plus(5).at('10:00'), 'assigned'),
      // The activity resolves 'owner' to whoever owns the action now.
      message(newDue.plus(-5).at('08:30'), 'reminder'),
      message(newDue.at('08:30'), 'due'),
      message(newDue.plus(1).at('08:30'), 'overdue'),
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
    // Due on the Thursday of the second plain week; the extension is asked for on the first
    // Monday.
    const monday = plainWeeks(await serverToday(env), 2);
    const due = monday.plus(10);
    const dueAt = londonIso(due.at('17:30'));
    const { actionId, handle } = await startChaser({ dueAt });

    await sleepUntil(monday.at('09:00'));
    expect(
      await refusal(
        handle.executeUpdate(decideExtensionUpdate, { args: [{ actorId: CHAIR, approved: true }] }),
      ),
    ).toBe('there is no extension request waiting for a decision');
    expect(
      await refusal(
        handle.executeUpdate(requestExtensionUpdate, {
          args: [{ actorId: OWNER, proposedDueAt: londonIso(due.plus(-1).at('17:30')) }],
        }),
      ),
    ).toBe('the proposed due date must be later than the current one');

    await sleepUntil(monday.at('10:00'));
    await handle.executeUpdate(requestExtensionUpdate, {
      args: [{ actorId: OWNER, proposedDueAt: londonIso(due.plus(14).at('17:30')) }],
    });
    await sleepUntil(monday.plus(1).at('10:00'));
    const decided = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actorId: CHAIR, approved: false, noteId: 'note-3' }],
    });
    expect(decided).toMatchObject({ status: 'open', dueAt });
    expect(decided.extensionRequest).toBeUndefined();
    expect(snapshotsOf(actionId).at(-1)).toMatchObject({
      event: 'action.extension-refused',
      dueAt,
      // −3 WD from the due Thursday: Wed, Tue, Mon.
      nextReminderAt: londonIso(due.plus(-3).at('08:30')),
      detail: { dueAt, noteId: 'note-3' },
    });

    await sleepUntil(due.at('12:00'));
    expect(messagesTo(actionId)).toEqual([
      message(monday.at('10:00'), 'extension-requested', 'decision-maker'),
      message(monday.plus(1).at('10:00'), 'extension-refused'),
      message(due.plus(-3).at('08:30'), 'reminder'),
      message(due.at('08:30'), 'due'),
    ]);
    await complete(handle);
    await finished(handle);
  });

  it('stops everything when cancelled, tells the owner, and refuses commands after it', async () => {
    // Due on the Wednesday of the second of five plain weeks, so every touch the timetable
    // planned (the last tier is +10 WD, two weeks after the due day) falls on plain days.
    const monday = plainWeeks(await serverToday(env), 5);
    const due = monday.plus(9);
    const dueAt = londonIso(due.at('17:30'));
    const { actionId, handle, key } = await startChaser({ dueAt });
    await sleepUntil(due.plus(-2).at('10:00'));

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
    // Thirty days on is well past the last tier (two weeks after the due day): nothing more went.
    await env.sleep(30 * 24 * HOUR);
    expect(messagesTo(actionId)).toEqual([
      message(due.plus(-5).at('08:30'), 'reminder'),
      message(due.plus(-2).at('10:00'), 'cancelled'),
    ]);
    expect(keysOf(actionId)[1]).toBe(key(`cancelled:${cancelled.version}:owner`));
    expect(snapshotsOf(actionId).filter((s) => s.event === 'action.cancelled')).toHaveLength(1);
  });

  it.each([
    {
      when: 'before the due day',
      completedOn: -2,
      sentBefore: [[-5, 'reminder']] as const,
      recorded: ['action.reminder-sent'],
    },
    {
      when: 'after the first chase',
      completedOn: 1,
      sentBefore: [
        [-5, 'reminder'],
        [0, 'due'],
        [1, 'overdue'],
      ] as const,
      recorded: ['action.reminder-sent', 'action.reminder-sent', 'action.chased'],
    },
  ])(
    'sends nothing more to anyone once completed $when',
    async ({ completedOn, sentBefore, recorded }) => {
      // Due on the Wednesday of the second of five plain weeks: every touch the timetable
      // planned, up to the last tier (+10 WD, two weeks after the due day), falls on plain days.
      const monday = plainWeeks(await serverToday(env), 5);
      const due = monday.plus(9);
      const { actionId, handle } = await startChaser({ dueAt: londonIso(due.at('17:30')) });

      // Completed at 10:00 on that day, after its 08:30 touch.
      await sleepUntil(due.plus(completedOn).at('10:00'));
      const before = sentBefore.map(([day, event]) => message(due.plus(day).at('08:30'), event));
      expect(messagesTo(actionId)).toEqual(before);
      expect(await complete(handle)).toMatchObject({ status: 'completed' });

      // A week past the last tier: none of the later reminders, chases or tiers went.
      await sleepUntil(due.plus(14 + 7).at('12:00'));
      expect(messagesTo(actionId)).toEqual(before);
      expect(refused.filter(({ command }) => command.actionId === actionId)).toEqual([]);
      expect(snapshotsOf(actionId).map((s) => s.event)).toEqual([...recorded, 'action.completed']);
      expect(await finished(handle)).toMatchObject({
        status: 'completed',
        remindersSent: sentBefore.length,
      });
    },
  );

  it('holds a touch outside the send window until it opens, unless urgent and exempt', async () => {
    // Due on a plain Friday at 17:30; the chase 12 hours later falls at 05:30 on Saturday.
    const friday = plainWeeks(await serverToday(env), 2).plus(4);
    const dueAt = londonIso(friday.at('17:30'));
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

    await sleepUntil(friday.at('17:31'));
    for (const run of [routine, immediate, heldUrgent]) {
      // 17:30 is the last minute of the window, and still inside it.
      expect(messagesTo(run.actionId)).toEqual([message(friday.at('17:30'), 'due')]);
    }
    const monday = friday.plus(3);
    expect(snapshotsOf(routine.actionId).at(-1)?.nextReminderAt).toBe(
      londonIso(monday.at('08:30')),
    );
    expect(snapshotsOf(immediate.actionId).at(-1)?.nextReminderAt).toBe(
      londonIso(friday.plus(1).at('05:30')),
    );

    await sleepUntil(monday.at('12:00'));
    expect(messagesTo(immediate.actionId)).toEqual([
      message(friday.at('17:30'), 'due'),
      message(friday.plus(1).at('05:30'), 'overdue'),
    ]);
    for (const run of [routine, heldUrgent]) {
      expect(messagesTo(run.actionId)).toEqual([
        message(friday.at('17:30'), 'due'),
        message(monday.at('08:30'), 'overdue'),
      ]);
    }
    for (const run of [routine, immediate, heldUrgent]) {
      await complete(run.handle);
      await finished(run.handle);
    }
  });

  it('climbs the urgent ladder in hours for an immediate risk, and the ladder of days otherwise', async () => {
    // Due on a plain Tuesday at 10:00, with the stage's urgent ladder in the timetable.
    const tuesday = plainWeeks(await serverToday(env), 3).plus(8);
    const dueAt = londonIso(tuesday.at('10:00'));
    const timetable: ChaseTimetable = {
      ...MEETING_ACTION,
      urgentEscalation: meetingAction.urgentEscalation,
    };
    const immediate = await startChaser({
      dueAt,
      timetable,
      delivery: { ...ENGLAND, urgent: true },
    });
    const routine = await startChaser({ dueAt, timetable });
    const escalations = (actionId: string) =>
      messagesTo(actionId).filter(([, event]) => event === 'escalated');

    await sleepUntil(tuesday.at('14:01'));
    expect(escalations(immediate.actionId)).toEqual([
      message(tuesday.at('12:00'), 'escalated', 'agency-designated-lead'),
      message(tuesday.at('14:00'), 'escalated', 'local-authority-lead'),
    ]);
    expect(escalations(routine.actionId)).toEqual([]);
    // The routine item climbs its ladder of days: the line manager at +5 WD (the next Tuesday).
    await sleepUntil(tuesday.plus(7).at('09:00'));
    expect(escalations(routine.actionId)).toEqual([
      message(tuesday.plus(7).at('08:30'), 'escalated', 'owner-line-manager'),
    ]);
    expect(escalations(immediate.actionId)).toHaveLength(2);
    for (const run of [immediate, routine]) {
      await complete(run.handle);
      await finished(run.handle);
    }
    storeHistoryFixture('action-chaser-urgent-ladder', await immediate.handle.fetchHistory());
  });

  it('still sends one reminder at the due instant for input without a timetable (legacy runs)', async () => {
    // Due on a plain Thursday at an odd minute inside working hours; the held one is due on the
    // Saturday after it.
    const thursday = plainWeeks(await serverToday(env), 2).plus(3);
    const dueAt = londonIso(thursday.at('14:17'));
    const { actionId, handle, key } = await startChaser({ dueAt }, { legacy: true });
    // Held for the send window like the runs started before timetables, at the weekend.
    const held = await startChaser(
      { dueAt: londonIso(thursday.plus(2).at('12:00')), delivery: ENGLAND },
      { legacy: true },
    );

    await sleepUntil(thursday.plus(28).at('12:00'));
    expect(messagesTo(actionId)).toEqual([message(thursday.at('14:17'), 'due')]);
    expect(keysOf(actionId)).toEqual([key('due:owner')]);
    // The Monday after the Saturday it was due.
    expect(messagesTo(held.actionId)).toEqual([message(thursday.plus(4).at('08:30'), 'due')]);
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
    // Due on the Tuesday of the first plain week, recorded on the Wednesday after: +5 WD (the
    // Tuesday before that Wednesday) has passed.
    const due = plainWeeks(await serverToday(env), 3).plus(1);
    const recorded = due.plus(8);
    await sleepUntil(recorded.at('10:00'));
    const { actionId, handle } = await startChaser({ dueAt: londonIso(due.at('17:30')) });

    await env.sleep(MINUTE);
    expect(messagesTo(actionId)).toEqual([
      message(recorded.at('10:00'), 'overdue'),
      message(recorded.at('10:00'), 'escalated', 'owner-line-manager'),
    ]);
    expect(await handle.query(actionStateQuery)).toMatchObject({
      status: 'overdue',
      remindersSent: 1,
    });

    // +10 WD: the Tuesday two weeks after the due day.
    await sleepUntil(due.plus(14).at('12:00'));
    expect(messagesTo(actionId).slice(2)).toEqual([
      message(due.plus(14).at('08:30'), 'escalated', 'agency-designated-lead'),
      message(due.plus(14).at('08:30'), 'escalated', 'local-authority-lead'),
    ]);
    await complete(handle);
    await finished(handle);
  });

  it('continues as new past its history limit, carrying state through extension cycles', async () => {
    // Due on the Wednesday of the second of six plain weeks; extended three times, to the
    // Tuesday after, the Wednesday after that, and the Wednesday two weeks on.
    const monday = plainWeeks(await serverToday(env), 6);
    const due = monday.plus(9);
    const dueAt = londonIso(due.at('17:30'));
    const extensions: Array<[string, string, LondonDay]> = [
      // [requested at, decided at, new due day]
      [monday.plus(7).at('10:00'), monday.plus(11).at('10:00'), monday.plus(15)],
      [monday.plus(15).at('10:00'), monday.plus(18).at('10:00'), monday.plus(23)],
      [monday.plus(23).at('10:00'), monday.plus(23).at('11:00'), monday.plus(37)],
    ];
    const lastDue = monday.plus(37);
    const { actionId, handle } = await startChaser({ dueAt, historyLimit: 20 });
    const firstRunId = handle.firstExecutionRunId;

    for (const [requestAt, decideAt, until] of extensions) {
      await sleepUntil(requestAt);
      await handle.executeUpdate(requestExtensionUpdate, {
        args: [{ actorId: OWNER, proposedDueAt: londonIso(until.at('17:30')) }],
      });
      await sleepUntil(decideAt);
      await handle.executeUpdate(decideExtensionUpdate, {
        args: [{ actorId: CHAIR, approved: true }],
      });
    }
    await sleepUntil(lastDue.plus(-5).at('10:00'));

    expect(messagesTo(actionId)).toEqual([
      message(monday.plus(4).at('08:30'), 'reminder'),
      message(monday.plus(7).at('10:00'), 'extension-requested', 'decision-maker'),
      message(monday.plus(9).at('08:30'), 'due'),
      message(monday.plus(10).at('08:30'), 'overdue'),
      // The reminder for the new Tuesday (−3 WD: the Thursday before) had passed when it was
      // approved: not sent late.
      message(monday.plus(11).at('10:00'), 'extension-approved'),
      message(monday.plus(15).at('08:30'), 'due'),
      message(monday.plus(15).at('10:00'), 'extension-requested', 'decision-maker'),
      message(monday.plus(16).at('08:30'), 'overdue'),
      // Likewise the reminder for the next Wednesday, at 08:30 on the Friday it was approved.
      message(monday.plus(18).at('10:00'), 'extension-approved'),
      message(monday.plus(23).at('08:30'), 'due'),
      message(monday.plus(23).at('10:00'), 'extension-requested', 'decision-maker'),
      message(monday.plus(23).at('11:00'), 'extension-approved'),
      // −3 WD from the last due Wednesday: Tue, Mon, Fri.
      message(lastDue.plus(-5).at('08:30'), 'reminder'),
    ]);
    const keys = keysOf(actionId);
    expect(new Set(keys).size).toBe(keys.length);

    const state = await handle.query(actionStateQuery);
    expect(state).toMatchObject({
      status: 'open',
      dueAt: londonIso(lastDue.at('17:30')),
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
    // Due on the Wednesday of the second plain week; the first chase (the Thursday) is slow to
    // send, and the extension to the Wednesday a fortnight later is asked for and approved while
    // it is still in flight.
    const due = plainWeeks(await serverToday(env), 4).plus(9);
    const newDue = due.plus(14);
    const dueAt = londonIso(due.at('17:30'));
    const newDueAt = londonIso(newDue.at('17:30'));
    const { actionId, handle } = await startChaser({ dueAt, historyLimit: 20 });
    const inFlight = deferred();
    const release = deferred();
    hold = (command) => {
      if (command.actionId !== actionId || command.event !== 'overdue') return undefined;
      inFlight.resolve();
      return release.promise;
    };

    await sleepUntil(due.plus(1).at('08:29'));
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
    await sleepUntil(newDue.plus(1).at('12:00'));
    const afterwards = messagesTo(actionId).filter(([at]) => at > due.plus(2).iso);
    expect(afterwards).toEqual([
      // −3 WD from the new Wednesday: Tue, Mon, Fri.
      message(newDue.plus(-5).at('08:30'), 'reminder'),
      message(newDue.at('08:30'), 'due'),
      message(newDue.plus(1).at('08:30'), 'overdue'),
    ]);
    expect(snapshotsOf(actionId).at(-1)).toMatchObject({ status: 'overdue', dueAt: newDueAt });
    await complete(handle);
    await finished(handle);
  });

  it('tells the owner’s line manager when the owner’s mail server refuses a message', async () => {
    // Due on the Wednesday of the second plain week; only the due-day reminder to the owner is
    // refused.
    const due = plainWeeks(await serverToday(env), 2).plus(9);
    const dueAt = londonIso(due.at('17:30'));
    const { actionId, handle, key } = await startChaser({ dueAt });
    refuse = (command) =>
      command.actionId === actionId && command.event === 'due' && command.recipient === 'owner';

    await sleepUntil(due.plus(1).at('12:00'));
    expect(messagesTo(actionId)).toEqual([
      message(due.plus(-5).at('08:30'), 'reminder'),
      message(due.at('08:30'), 'due', 'owner-line-manager'),
      message(due.plus(1).at('08:30'), 'overdue'),
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

  /**
   * The owner acknowledges and their write to the read model is slow; a request for more time
   * follows while it is still being written; `whileWriting` looks on before that write lands.
   */
  async function acknowledgeThenAskForTime(
    input: Partial<ActionChaserInput>,
    whileWriting: (actionId: string) => Promise<void>,
  ) {
    // Due on the Wednesday of the second plain week; both commands come on the first Monday.
    const monday = plainWeeks(await serverToday(env), 2);
    const due = monday.plus(9);
    const proposedDueAt = londonIso(due.plus(7).at('17:30'));
    const { actionId, handle } = await startChaser({ dueAt: londonIso(due.at('17:30')), ...input });
    const writing = deferred();
    const release = deferred();
    holdState = (snapshot) => {
      if (snapshot.actionId !== actionId || snapshot.event !== 'action.acknowledged') return;
      writing.resolve();
      return release.promise;
    };
    await sleepUntil(monday.at('10:00'));
    const acknowledged = await handle.startUpdate(acknowledgeActionUpdate, {
      args: [{ actorId: OWNER }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    await writing.promise;
    const requested = await handle.startUpdate(requestExtensionUpdate, {
      args: [{ actorId: OWNER, proposedDueAt, noteId: 'note-1' }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    await whileWriting(actionId);
    release.resolve();
    expect(await acknowledged.result()).toMatchObject({ acknowledged: true });
    expect(await requested.result()).toMatchObject({
      acknowledged: true,
      extensionRequest: { proposedDueAt, requestedById: OWNER },
    });
    await handle.executeUpdate(cancelActionUpdate, { args: [{ actorId: CHAIR }] });
    await finished(handle);
    return { actionId, handle };
  }

  it('handles commands one at a time: a command waits until the one before has answered', async () => {
    const { actionId, handle } = await acknowledgeThenAskForTime({}, async (id) => {
      // Accepted at the door, but not handled while the acknowledgement is being written (the
      // clock is held while an activity runs, so this waits in real time).
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(snapshotsOf(id).map((s) => s.event)).toEqual([]);
    });
    expect(snapshotsOf(actionId).map((s) => [s.event, s.version])).toEqual([
      ['action.acknowledged', 2],
      ['action.extension-requested', 3],
      ['action.cancelled', 4],
    ]);
    storeHistoryFixture('action-chaser-commands-one-at-a-time', await handle.fetchHistory());
  });

  it('still takes commands as they come in runs started before they were handled in turn', async () => {
    await acknowledgeThenAskForTime({ commands: undefined }, (id) =>
      eventually(async () => {
        expect(snapshotsOf(id).map((s) => s.event)).toEqual(['action.extension-requested']);
      }),
    );
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
