import {
  holidaysBetween,
  nextBankHoliday,
  serverToday,
  startWorkflowTestRig,
  storeHistoryFixture,
  type WorkflowTestRig,
} from '@safeguard/dev-stack';
import { formatLocalDate, NATIONS, ukLocalDate } from '@safeguard/domain';
import { dailyDigestWorkflow } from './daily-digest.workflow';
import type { DigestActivities, SendDailyDigests } from './digest-activities';

// Starting the rig bundles the workflows with webpack, which takes longer than jest's default
// 5 s on a busy machine.
jest.setTimeout(60_000);

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
    // The next Christmas Day bank holiday, one in every UK nation; whether anything is listed
    // depends on each item's partnership, which only the activity knows.
    const christmas = nextBankHoliday(await serverToday(rig.env), 'Christmas Day');
    expect(holidaysBetween(christmas, christmas, NATIONS)).toHaveLength(NATIONS.length);
    const run = await rig.env.client.workflow.execute(dailyDigestWorkflow, {
      taskQueue,
      workflowId: `daily-digest-dated-${Date.now()}`,
      args: [{ date: christmas.iso }],
    });

    expect(commands).toEqual([{ date: christmas.iso }]);
    expect(run).toEqual({ date: christmas.iso, sent: 3 });
  });
});
