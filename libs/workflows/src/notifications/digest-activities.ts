/** What the daily digest asks the worker to do (implemented in apps/worker). */
export interface DigestActivities {
  sendDailyDigests(command: SendDailyDigests): Promise<DigestRun>;
}

export interface SendDailyDigests {
  /** The UK date the digest is for, as YYYY-MM-DD. */
  date: string;
}

export interface DigestRun {
  date: string;
  /** People who were sent a digest (people with nothing due get none). */
  sent: number;
}
