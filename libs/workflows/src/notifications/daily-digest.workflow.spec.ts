import {
  startWorkflowTestRig,
  storeHistoryFixture,
  type WorkflowTestRig,
} from '@safeguard/dev-stack';
import { formatLocalDate, ukLocalDate } from '@safeguard/domain';
import { dailyDigestWorkflow } from './daily-digest.workflow';
import type { DigestActivities, SendDailyDigests } from './digest-activities';

describe('daily digest workflow (time-skipping server)', () => {
  let rig: WorkflowTestRig;
  const commands: SendDailyDigests[] = [];
  const taskQueue = 'daily-digest-test';

  beforeAll(async () => {
    rig = await startWorkflowTestRig(taskQueue, (): DigestActivities => ({
      sendDailyDigests: async (command) => {
        commands.push(command);
        return { date: command.date, sent: 3 };
      },
    }));
  });

  afterAll(() => rig?.stop());
  beforeEach(() => {
    commands.length = 0;
  });

  it('sends the digests for the UK date on which it runs', async () => {
    const handle = await rig.env.client.workflow.start(dailyDigestWorkflow, {
      taskQueue,
      workflowId: `daily-digest-${Date.now()}`,
    });
    const run = await handle.result();

    const today = formatLocalDate(ukLocalDate((await handle.describe()).startTime));
    expect(commands).toEqual([{ date: today }]);
    expect(run).toEqual({ date: today, sent: 3 });
    storeHistoryFixture('daily-digest', await handle.fetchHistory());
  });

  it('passes a given date through as it is, bank holiday or not: the activity decides per nation', async () => {
    // Christmas Day 2026, a bank holiday in every UK nation; whether anything is listed depends on
    // each item's partnership, which only the activity knows.
    const run = await rig.env.client.workflow.execute(dailyDigestWorkflow, {
      taskQueue,
      workflowId: `daily-digest-dated-${Date.now()}`,
      args: [{ date: '2026-12-25' }],
    });

    expect(commands).toEqual([{ date: '2026-12-25' }]);
    expect(run).toEqual({ date: '2026-12-25', sent: 3 });
  });
});
