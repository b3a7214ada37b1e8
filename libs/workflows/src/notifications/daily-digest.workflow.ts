/**
 * The morning digest (practice primer §4: fewer, safer emails). Started each working morning by
 * a Temporal schedule; sends each person who chose a digest one email listing everything of
 * theirs that is due today or overdue, instead of one email per reminder.
 */
import { proxyActivities } from '@temporalio/workflow';
import { formatLocalDate, ukLocalDate } from '@safeguard/domain';
import type { DigestActivities, DigestRun } from './digest-activities';

export const DAILY_DIGEST_SCHEDULE_ID = 'daily-digest';

const { sendDailyDigests } = proxyActivities<DigestActivities>({
  // Long enough for a large partnership; each email is idempotent, so a retry resumes safely.
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function dailyDigestWorkflow(): Promise<DigestRun> {
  return sendDailyDigests({ date: formatLocalDate(ukLocalDate(new Date())) });
}
