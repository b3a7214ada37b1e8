import type { ActionReminderEvent } from '@safeguard/workflows';
import { renderMessage } from './catalogue';
import type { ActionMessageKind } from './facts';
import type { RenderedEmail } from './renderer';

export interface ActionReminderFacts {
  event: ActionReminderEvent;
  reference: string;
  dueAt: Date;
  link: string;
}

const KIND_FOR_EVENT: Record<ActionReminderEvent, ActionMessageKind> = {
  due: 'action.due',
};

/**
 * A reminder carries a reference, a neutral title, the due date and a link: nothing about the
 * adult and no text a user typed (practice primer §4), so it is safe in any mailbox. Kept for the
 * action chaser's call site; new senders use `renderMessage` from the catalogue directly.
 */
export function renderActionReminder({
  event,
  reference,
  dueAt,
  link,
}: ActionReminderFacts): RenderedEmail {
  return renderMessage(KIND_FOR_EVENT[event], { reference, dueAt, link });
}
