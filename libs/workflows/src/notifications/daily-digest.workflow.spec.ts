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
});
