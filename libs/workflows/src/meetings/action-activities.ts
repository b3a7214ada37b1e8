import type { ActionStatus } from '@safeguard/domain';

/**
 * What the action chaser asks the outside world to do. Implemented by the worker
 * (apps/worker); declared here so the workflow stays free of I/O.
 * Payloads carry ids and process data only: never names, emails or free text.
 */
export interface ActionActivities {
  sendActionReminder(command: SendActionReminder): Promise<void>;
  recordActionState(snapshot: ActionStateSnapshot): Promise<void>;
}

export type ActionReminderEvent = 'due';

/**
 * Failure type of a reminder the mail server refused for good (SMTP 5xx). The activity has
 * already recorded it as failed; the workflow carries on instead of retrying for ever.
 */
export const DELIVERY_REFUSED = 'DeliveryRefused';

export interface SendActionReminder {
  actionId: string;
  event: ActionReminderEvent;
  /** Deterministic key so a retried activity never sends the same reminder twice. */
  idempotencyKey: string;
}

export interface ActionStateSnapshot {
  actionId: string;
  status: ActionStatus;
  version: number;
  changedAt: string;
  /** The chronology entry this change appends, e.g. "action.reminder-sent". */
  event: string;
  actorId?: string;
}
