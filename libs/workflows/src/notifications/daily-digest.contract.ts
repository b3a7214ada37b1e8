/**
 * The contract of the morning digest (daily-digest.workflow.ts): what its schedule starts it
 * with, and the schedule's id. The procedure lives beside it.
 */

export const DAILY_DIGEST_SCHEDULE_ID = 'daily-digest';

/** How the digest is started: the schedule gives nothing, which means today's UK date. */
export interface DailyDigestInput {
  /** The UK date to send the digest for, as YYYY-MM-DD (a missed morning, or a test). */
  date?: string;
}
