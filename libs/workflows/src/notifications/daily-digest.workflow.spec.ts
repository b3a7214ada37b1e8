import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  createTimeSkippingEnvironment,
  sourceBundlerOptions,
  storeHistoryFixture,
  workflowSourcesPath,
} from '@safeguard/dev-stack';
import { ukLocalDate } from '@safeguard/domain';
import { dailyDigestWorkflow } from './daily-digest.workflow';
import type { DigestActivities, SendDailyDigests } from './digest-activities';

describe('daily digest workflow (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const commands: SendDailyDigests[] = [];
  const taskQueue = 'daily-digest-test';

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    const activities: DigestActivities = {
      sendDailyDigests: async (command) => {
        commands.push(command);
        return { date: command.date, sent: 3 };
      },
    };
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: workflowSourcesPath,
      bundlerOptions: sourceBundlerOptions,
      activities,
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  it('sends the digests for the UK date on which it runs', async () => {
    const handle = await env.client.workflow.start(dailyDigestWorkflow, {
      taskQueue,
      workflowId: `daily-digest-${Date.now()}`,
    });
    const run = await handle.result();

    const { year, month, day } = ukLocalDate((await handle.describe()).startTime);
    const today = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    expect(commands).toEqual([{ date: today }]);
    expect(run).toEqual({ date: today, sent: 3 });
    storeHistoryFixture('daily-digest', await handle.fetchHistory());
  });
});
