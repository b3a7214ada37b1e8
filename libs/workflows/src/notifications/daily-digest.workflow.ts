/**
 * The morning digest (practice primer §4: fewer, safer emails). Started each weekday morning by
 * a Temporal schedule; sends each person who chose a digest one email listing everything of
 * theirs that is due today or overdue, instead of one email per reminder.
 *
 * Bank holidays differ by nation, and one run covers every partnership, so whether the day is a
 * working day is decided by the activity, item by item, on the nation of the item's partnership:
 * nothing is listed on a day that is not a working day there, and the next working day's digest
 * lists it (as due or overdue) instead.
 */
import { proxyActivities } from '@temporalio/workflow';
import { formatLocalDate, ukLocalDate } from '@safeguard/domain';
import type { DailyDigestInput } from './daily-digest.contract';
import type { DigestActivities, DigestRun } from './digest-activities';

const { sendDailyDigests } = proxyActivities<DigestActivities>({
  // Long enough for a large partnership; each email is idempotent, so a retry resumes safely.
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function dailyDigestWorkflow(input: DailyDigestInput = {}): Promise<DigestRun> {
  return sendDailyDigests({ date: input.date ?? formatLocalDate(ukLocalDate(new Date())) });
}
