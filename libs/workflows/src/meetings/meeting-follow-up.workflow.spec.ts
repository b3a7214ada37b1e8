import { Client, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  startWorkflowTestRig,
  storeHistoryFixture,
  type WorkflowTestRig,
  sleepUntilLondon,
  eventually,
  londonIso,
  londonReading,
  plainWeeks,
  serverToday,
} from '@safeguard/dev-stack';
import {
  defaultPolicy,
  type ChaseTimetable,
  type DeliveryWindow,
  type StageKey,
} from '@safeguard/domain';
import { randomUUID } from 'node:crypto';
import type { ActionActivities, SendActionReminder } from '../chasing/action-activities';
import {
  actionStateQuery,
  actionWorkflowId,
  cancelActionUpdate,
  completeActionUpdate,
  type ActionChaserInput,
} from '../chasing/action-chaser.contract';
import type { MeetingActivities, RecordMeetingClosed } from './meeting-activities';
import {
  itemsStartedUpdate,
  meetingProgressQuery,
  meetingWorkflowId,
  type MeetingFollowUpInput,
} from './meeting-follow-up.contract';
import { meetingFollowUpWorkflow } from './meeting-follow-up.workflow';

/** A meeting's items, each chased by its own child, on the time-skipping server. */
jest.setTimeout(120_000);

const ENGLAND: DeliveryWindow = {
  nation: 'england-and-wales',
  sendWindow: defaultPolicy.sendWindow,
  urgent: false,
};

function timetableOf(stage: StageKey): ChaseTimetable {
  const { remindersBeforeDue, overdueChases, escalation } = defaultPolicy.stages[stage];
  return { remindersBeforeDue, overdueChases, escalation };
}

/** 'YYYY-MM-DD HH:MM' in Europe/London. */
const londonMinute = (ms: number) => londonReading(ms).slice(0, 16);

describe('meeting follow-up workflow (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let rig: WorkflowTestRig;
  /** Reads results without unlocking time skipping (see the action chaser spec). */
  let plain: Client;
  const taskQueue = 'meeting-follow-up-test';
  const sent: Array<{ at: string; command: SendActionReminder }> = [];
  const meetingsClosed: RecordMeetingClosed[] = [];

  beforeAll(async () => {
    rig = await startWorkflowTestRig(
      taskQueue,
      (testEnv): ActionActivities & MeetingActivities => ({
        sendActionReminder: async (command) => {
          sent.push({ at: londonMinute(await testEnv.currentTimeMs()), command });
          return 'sent';
        },
        recordActionState: async () => undefined,
        recordMeetingClosed: async (command) => void meetingsClosed.push(command),
      }),
    );
    env = rig.env;
    plain = new Client({ connection: env.connection, namespace: env.namespace });
  });

  afterAll(() => rig?.stop());

  const sleepUntil = (reading: string) => sleepUntilLondon(env, reading);

  const item = (dueReading: string, stage: StageKey, legacy = false): ActionChaserInput => ({
    actionId: randomUUID(),
    dueAt: londonIso(dueReading),
    ...(legacy ? {} : { ownerId: randomUUID(), timetable: timetableOf(stage), delivery: ENGLAND }),
  });
  const messagesTo = (actionId: string) =>
    sent
      .filter(({ command }) => command.actionId === actionId)
      .map(({ at, command }) => [at, command.event, command.recipient]);
  const child = (actionId: string) => env.client.workflow.getHandle(actionWorkflowId(actionId));
  const progressOf = (meeting: WorkflowHandle) => meeting.query(meetingProgressQuery);
  const closedFor = (meetingId: string) => meetingsClosed.filter((m) => m.meetingId === meetingId);

  it('chases every item with its own child, and closes the meeting only when all are closed', async () => {
    // A strategy discussion on a Thursday (day 0) in seven weeks with no bank holiday and no
    // change of the clocks, so every weekday counted below is a working day.
    const thursday = plainWeeks(await serverToday(env), 7).plus(3);
    const day = (n: number) => thursday.plus(n);
    await sleepUntil(day(0).at('10:00'));
    const meetingId = randomUUID();
    const input: MeetingFollowUpInput = {
      meetingId,
      actionLog: item(day(1).at('17:30'), 'meeting.action-log'), // 1 WD: Friday
      // 10 WD (Thursday two weeks on); with a short history, so its chaser continues as new
      // under the meeting.
      fullMinutes: { ...item(day(14).at('17:30'), 'meeting.full-minutes'), historyLimit: 15 },
      actions: [
        item(day(8).at('17:30'), 'meeting.action'), // the Friday after next
        item(day(28).at('17:30'), 'meeting.action'), // Thursday four weeks on
      ],
      review: item(day(42).at('17:30'), 'meeting.action'), // Thursday six weeks on
    };
    const [first, second] = input.actions;
    const meeting = await env.client.workflow.start(meetingFollowUpWorkflow, {
      taskQueue,
      workflowId: meetingWorkflowId(meetingId),
      args: [input],
    });

    // The API waits on this before it answers: every item then already takes commands.
    expect(await meeting.executeUpdate(itemsStartedUpdate)).toEqual({ items: 5, closed: 0 });
    const items = [input.actionLog, input.fullMinutes, first, second, input.review!];
    for (const { actionId } of items) {
      const description = await child(actionId).describe();
      expect(description.type).toBe('actionChaserWorkflow');
      expect(description.status.name).toBe('RUNNING');
      expect(description.parentExecution?.workflowId).toBe(`meeting-${meetingId}`);
    }
    expect(await progressOf(meeting)).toEqual({ items: 5, closed: 0 });

    // The action log is chased on its own 1 WD timetable: the due-day reminder, then completed.
    await sleepUntil(day(1).at('12:00'));
    expect(messagesTo(input.actionLog.actionId)).toEqual([[day(1).at('08:30'), 'due', 'owner']]);
    await child(input.actionLog.actionId).executeUpdate(completeActionUpdate, { args: [{}] });
    await eventually(async () =>
      expect(await progressOf(meeting)).toEqual({ items: 5, closed: 1 }),
    );

    // A cancelled action is closed too.
    await sleepUntil(day(6).at('10:00')); // Wednesday
    await child(first.actionId).executeUpdate(cancelActionUpdate, { args: [{}] });
    await eventually(async () =>
      expect(await progressOf(meeting)).toEqual({ items: 5, closed: 2 }),
    );

    await sleepUntil(day(15).at('12:00'));
    // Full minutes (10 WD, due Thursday day 14): −3 WD on the Monday before (Wed, Tue, Mon), then
    // the due day, then +1 on the Friday.
    expect(messagesTo(input.fullMinutes.actionId)).toEqual([
      [day(11).at('08:30'), 'reminder', 'owner'],
      [day(14).at('08:30'), 'due', 'owner'],
      [day(15).at('08:30'), 'overdue', 'owner'],
    ]);
    // The first action (due Friday day 8): −3 WD on the Tuesday (Thu, Wed, Tue), then cancelled.
    expect(messagesTo(first.actionId)).toEqual([
      [day(5).at('08:30'), 'reminder', 'owner'],
      [day(6).at('10:00'), 'cancelled', 'owner'],
    ]);
    await child(input.fullMinutes.actionId).executeUpdate(completeActionUpdate, { args: [{}] });
    const { events } = await child(input.fullMinutes.actionId).fetchHistory();
    const started = events?.[0]?.workflowExecutionStartedEventAttributes;
    expect(started?.continuedExecutionRunId).toBeTruthy();
    expect(started?.parentWorkflowExecution?.workflowId).toBe(`meeting-${meetingId}`);
    await sleepUntil(day(18).at('10:00')); // Monday
    await child(second.actionId).executeUpdate(completeActionUpdate, { args: [{}] });
    await eventually(async () =>
      expect(await progressOf(meeting)).toEqual({ items: 5, closed: 4 }),
    );
    expect(closedFor(meetingId)).toEqual([]);

    // The review, chased on the action timetable, is the last item open.
    await sleepUntil(day(43).at('12:00'));
    // Due Thursday day 42: −3 WD on the Monday before, the due day, then +1 on the Friday.
    expect(messagesTo(input.review!.actionId)).toEqual([
      [day(39).at('08:30'), 'reminder', 'owner'],
      [day(42).at('08:30'), 'due', 'owner'],
      [day(43).at('08:30'), 'overdue', 'owner'],
    ]);
    expect(closedFor(meetingId)).toEqual([]);
    await child(input.review!.actionId).executeUpdate(completeActionUpdate, { args: [{}] });

    await plain.workflow.getHandle(meeting.workflowId).result();
    expect(closedFor(meetingId)).toHaveLength(1);
    expect(londonMinute(Date.parse(closedFor(meetingId)[0].closedAt))).toBe(day(43).at('12:00'));
    expect(await progressOf(meeting)).toEqual({ items: 5, closed: 5 });
    for (const { actionId } of items) {
      const state = await child(actionId).query(actionStateQuery);
      expect(['completed', 'cancelled']).toContain(state.status);
    }
    storeHistoryFixture('meeting-follow-up-all-items-closed', await meeting.fetchHistory());
  });

  it('counts four items without a review, and records the meeting closed once', async () => {
    // Every item falls due weeks after the server's clock, which this test never moves on.
    const monday = plainWeeks(await serverToday(env), 4);
    const meetingId = randomUUID();
    const input: MeetingFollowUpInput = {
      meetingId,
      actionLog: item(monday.plus(1).at('17:30'), 'meeting.action-log', true),
      fullMinutes: item(monday.plus(14).at('17:30'), 'meeting.full-minutes', true),
      actions: [
        item(monday.plus(9).at('17:30'), 'meeting.action', true),
        item(monday.plus(23).at('17:30'), 'meeting.action', true),
      ],
    };
    const meeting = await env.client.workflow.start(meetingFollowUpWorkflow, {
      taskQueue,
      workflowId: meetingWorkflowId(meetingId),
      args: [input],
    });
    const ids = [input.actionLog, input.fullMinutes, ...input.actions].map((i) => i.actionId);
    expect(await meeting.executeUpdate(itemsStartedUpdate)).toEqual({ items: 4, closed: 0 });

    for (const id of ids.slice(0, 2)) {
      await child(id).executeUpdate(completeActionUpdate, { args: [{}] });
    }
    await eventually(async () =>
      expect(await progressOf(meeting)).toEqual({ items: 4, closed: 2 }),
    );
    expect(closedFor(meetingId)).toEqual([]);

    await child(ids[2]).executeUpdate(cancelActionUpdate, { args: [{}] });
    await child(ids[3]).executeUpdate(completeActionUpdate, { args: [{}] });
    await plain.workflow.getHandle(meeting.workflowId).result();
    expect(closedFor(meetingId)).toEqual([{ meetingId, closedAt: expect.any(String) }]);
    // Nothing was due yet: the only message is the owner's about the cancellation.
    expect(ids.flatMap(messagesTo).map(([, event]) => event)).toEqual(['cancelled']);
  });
});
