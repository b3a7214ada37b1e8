import type { ActionStatus } from '@safeguard/domain';

/**
 * What the action chaser asks the outside world to do. Implemented by the worker
 * (apps/worker); declared here so the workflow stays free of I/O.
 * Payloads carry ids and process data only: never names, emails or free text.
 */
export interface ActionActivities {
  sendActionReminder(command: SendActionReminder): Promise<ReminderOutcome>;
  recordActionState(snapshot: ActionStateSnapshot): Promise<void>;
}

export type ActionReminderEvent = 'due';

/** Who a reminder is for, resolved through the directory when it is sent. */
export type ReminderRecipient = 'owner' | 'owner-line-manager';

/**
 * 'no-recipient': there was nobody to send it to (e.g. an owner without a line manager).
 * 'held-for-digest': the recipient takes a morning digest, which will list it.
 */
export type ReminderOutcome = 'sent' | 'no-recipient' | 'held-for-digest';

/**
 * Failure type of a reminder the mail server refused for good (SMTP 5xx). The activity has
 * already recorded it as failed; the workflow carries on instead of retrying for ever.
 */
export const DELIVERY_REFUSED = 'DeliveryRefused';

export interface SendActionReminder {
  actionId: string;
  event: ActionReminderEvent;
  /** Absent on reminders scheduled before recipients were named: those went to the owner. */
  recipient?: ReminderRecipient;
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
