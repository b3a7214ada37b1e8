/** What the daily digest asks the worker to do (implemented in apps/worker). */
export interface DigestActivities {
  sendDailyDigests(command: SendDailyDigests): Promise<DigestRun>;
}

export interface SendDailyDigests {
  /**
   * The UK date the digest is for, as YYYY-MM-DD. An item is listed only if this is a working day
   * for the nation of its partnership (weekends and that nation's bank holidays are not).
   */
  date: string;
}

export interface DigestRun {
  date: string;
  /** People who were sent a digest (people with nothing due, or none on a working day, get none). */
  sent: number;
}
