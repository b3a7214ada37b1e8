import type { ActionStatus, EscalationTarget } from '@safeguard/domain';

/**
 * What the action chaser asks the outside world to do. Implemented by the worker
 * (apps/worker); declared here so the workflow stays free of I/O.
 * Payloads carry ids and process data only: never names, emails or free text.
 */
export interface ActionActivities {
  sendActionReminder(command: SendActionReminder): Promise<ReminderOutcome>;
  recordActionState(snapshot: ActionStateSnapshot): Promise<void>;
}

/**
 * What a message is about. Reminders, chases and escalations come from the timetable; the rest
 * tell people about a command someone gave (a reassignment, an extension, a cancellation).
 */
export type ActionReminderEvent =
  | 'reminder'
  | 'due'
  | 'overdue'
  | 'escalated'
  | 'assigned'
  | 'extension-requested'
  | 'extension-approved'
  | 'extension-refused'
  | 'cancelled';

/**
 * Who a message is for, resolved through the directory when it is sent: a tier of the escalation
 * ladder, or whoever decides extensions (the meeting's chair, else the local authority lead).
 */
export type ReminderRecipient = EscalationTarget | 'decision-maker';

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
  /** ISO 8601 instants and ids for the read model; absent on snapshots from older runs. */
  dueAt?: string;
  ownerId?: string;
  acknowledged?: boolean;
  /** The date an owner asked for, while the request waits for a decision. */
  proposedDueAt?: string;
  /** When the next reminder, chase or escalation is planned; absent when none is left. */
  nextReminderAt?: string;
  /** Ids and process facts for the chronology entry (a note's id, a tier), never free text. */
  detail?: Record<string, string | number | boolean>;
}
