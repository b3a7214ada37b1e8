import { WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  startWorkflowTestRig,
  storeHistoryFixture,
  type WorkflowTestRig,
} from '@safeguard/dev-stack';
import { nextInSendWindow } from '@safeguard/domain';
import { randomUUID } from 'node:crypto';
import {
  DELIVERY_REFUSED,
  type ActionActivities,
  type ActionStateSnapshot,
  type SendActionReminder,
} from './action-activities';
import {
  actionChaserWorkflow,
  actionStateQuery,
  actionWorkflowId,
  completeActionUpdate,
  type DeliveryWindow,
} from './action-chaser.workflow';

const DAY = 24 * 60 * 60 * 1000;

describe('action chaser workflow (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let rig: WorkflowTestRig;
  const reminders: SendActionReminder[] = [];
  const remindedAt: number[] = [];
  const snapshots: ActionStateSnapshot[] = [];
  const taskQueue = 'action-chaser-test';
  let refuseDelivery = false;

  beforeAll(async () => {
    // Activities are recorded, not run: their real behaviour is covered end to end in test/e2e.
    rig = await startWorkflowTestRig(taskQueue, (testEnv): ActionActivities => ({
      sendActionReminder: async (command) => {
        if (refuseDelivery && command.recipient === 'owner') {
          throw ApplicationFailure.nonRetryable('refused (SMTP 550)', DELIVERY_REFUSED);
        }
        reminders.push(command);
        remindedAt.push(await testEnv.currentTimeMs());
        return 'sent';
      },
      recordActionState: async (snapshot) => void snapshots.push(snapshot),
    }));
    env = rig.env;
  });

  afterAll(() => rig?.stop());

  beforeEach(() => {
    reminders.length = 0;
    remindedAt.length = 0;
    snapshots.length = 0;
    refuseDelivery = false;
  });

  async function startChaser(dueInMs: number, delivery?: DeliveryWindow) {
    const actionId = randomUUID();
    const dueAt = new Date((await env.currentTimeMs()) + dueInMs).toISOString();
    const handle = await env.client.workflow.start(actionChaserWorkflow, {
      taskQueue,
      workflowId: actionWorkflowId(actionId),
      args: [{ actionId, dueAt, delivery }],
    });
    return { actionId, handle };
  }

  /** Milliseconds from the test server's now to the next Saturday noon (UTC), a day or more away. */
  async function untilSaturdayNoon(): Promise<number> {
    const now = await env.currentTimeMs();
    const saturday = new Date(now + DAY);
    while (saturday.getUTCDay() !== 6) saturday.setUTCDate(saturday.getUTCDate() + 1);
    saturday.setUTCHours(12, 0, 0, 0);
    return saturday.getTime() - now;
  }

  const officeHours = {
    days: 'working-days',
    start: '08:30',
    end: '17:30',
    urgentExempt: true,
  } as const;

  it('holds a reminder that falls due in quiet hours until the send window opens', async () => {
    const dueIn = await untilSaturdayNoon();
    const delivery: DeliveryWindow = {
      nation: 'england-and-wales',
      sendWindow: officeHours,
      urgent: false,
    };
    const { handle } = await startChaser(dueIn, delivery);
    const dueAt = (await env.currentTimeMs()) + dueIn;

    await env.sleep(dueIn + 60 * 60_000);
    expect(reminders).toEqual([]);
    expect((await handle.query(actionStateQuery)).status).toBe('open');

    const opens = nextInSendWindow(new Date(dueAt), 'england-and-wales', officeHours).getTime();
    await env.sleep(opens - (await env.currentTimeMs()) + 60_000);
    expect(reminders).toHaveLength(1);
    expect(remindedAt[0]).toBeGreaterThanOrEqual(opens);
    expect(new Date(opens).getUTCDay()).not.toBe(0);

    await handle.executeUpdate(completeActionUpdate, { args: [{}] });
    await handle.result();
    storeHistoryFixture('action-chaser-held-for-send-window', await handle.fetchHistory());
  });

  it('sends an urgent reminder at once, even in quiet hours', async () => {
    const dueIn = await untilSaturdayNoon();
    const delivery: DeliveryWindow = { nation: 'scotland', sendWindow: officeHours, urgent: true };
    const { handle } = await startChaser(dueIn, delivery);

    await env.sleep(dueIn + 60_000);
    expect(reminders).toHaveLength(1);
    await handle.executeUpdate(completeActionUpdate, { args: [{}] });
    await handle.result();
  });

  it('stays quiet before the due instant, reminds the owner once at it, then waits for completion', async () => {
    const { actionId, handle } = await startChaser(3 * DAY);

    await env.sleep(3 * DAY - 60_000);
    expect(reminders).toEqual([]);
    expect((await handle.query(actionStateQuery)).status).toBe('open');

    await env.sleep(2 * 60_000);
    expect(reminders).toEqual([
      {
        actionId,
        event: 'due',
        recipient: 'owner',
        idempotencyKey: `action-${actionId}:due:owner`,
      },
    ]);
    expect(await handle.query(actionStateQuery)).toMatchObject({ status: 'due', remindersSent: 1 });

    const completed = await handle.executeUpdate(completeActionUpdate, { args: [{}] });
    expect(completed.status).toBe('completed');
    expect(await handle.result()).toMatchObject({ status: 'completed', remindersSent: 1 });
    expect(snapshots.map((s) => [s.event, s.status, s.version])).toEqual([
      ['action.reminder-sent', 'due', 2],
      ['action.completed', 'completed', 3],
    ]);
    storeHistoryFixture('action-chaser-reminded-then-completed', await handle.fetchHistory());
  });

  it('sends no reminder when the action is completed before it falls due', async () => {
    const { handle } = await startChaser(10 * DAY);
    await env.sleep(DAY);

    await handle.executeUpdate(completeActionUpdate, { args: [{ completedById: randomUUID() }] });
    await env.sleep(20 * DAY);

    expect(await handle.result()).toMatchObject({ status: 'completed', remindersSent: 0 });
    expect(reminders).toEqual([]);
    storeHistoryFixture('action-chaser-completed-before-due', await handle.fetchHistory());
  });

  it('reminds at once when created already past its due instant', async () => {
    const { actionId, handle } = await startChaser(-DAY);
    await env.sleep(1_000);
    expect(reminders.map((r) => r.actionId)).toEqual([actionId]);
    await handle.executeUpdate(completeActionUpdate, { args: [{}] });
    await handle.result();
  });

  it('tells the owner’s line manager, and stays due, when the owner’s mail server refuses', async () => {
    refuseDelivery = true;
    const { actionId, handle } = await startChaser(DAY);
    await env.sleep(DAY + 60_000);

    expect(await handle.query(actionStateQuery)).toMatchObject({ status: 'due', remindersSent: 0 });
    expect(snapshots.map((s) => s.event)).toEqual(['action.reminder-refused']);
    expect(reminders).toEqual([
      {
        actionId,
        event: 'due',
        recipient: 'owner-line-manager',
        idempotencyKey: `action-${actionId}:due:owner-line-manager`,
      },
    ]);
    await handle.executeUpdate(completeActionUpdate, { args: [{}] });
    expect(await handle.result()).toMatchObject({ status: 'completed' });
    storeHistoryFixture('action-chaser-refused-then-line-manager', await handle.fetchHistory());
  });

  it('refuses to complete an action twice', async () => {
    const { handle } = await startChaser(5 * DAY);
    await handle.executeUpdate(completeActionUpdate, { args: [{}] });
    await handle.result();

    await expect(handle.executeUpdate(completeActionUpdate, { args: [{}] })).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );
    expect(snapshots.filter((s) => s.event === 'action.completed')).toHaveLength(1);
  });
});
