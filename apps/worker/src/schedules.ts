import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { DAILY_DIGEST_SCHEDULE_ID, dailyDigestWorkflow } from '@safeguard/workflows';

/**
 * The morning digest runs from a Temporal schedule: durable, one per cluster however many
 * workers start, and visible in the Temporal UI. Every worker makes sure it exists.
 * It fires on weekdays; bank holidays, which depend on the nation of each item's partnership, are
 * skipped by the digest activity, and the next working day's digest lists what was held.
 */
export async function ensureDailyDigestSchedule(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: DAILY_DIGEST_SCHEDULE_ID,
      spec: {
        calendars: [{ hour: 7, minute: 30, dayOfWeek: [{ start: 'MONDAY', end: 'FRIDAY' }] }],
        timezone: 'Europe/London',
      },
      action: { type: 'startWorkflow', workflowType: dailyDigestWorkflow, taskQueue },
      // A missed morning (cluster down) is caught up within the hour, never twice.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}
