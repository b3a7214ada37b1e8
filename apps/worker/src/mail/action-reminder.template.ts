import type { ActionReminderEvent } from '@safeguard/workflows';
import { renderMessage } from './catalogue';
import type { ActionDueFacts, ActionMessageKind } from './facts';
import type { RenderedEmail } from './renderer';

export interface ActionReminderFacts extends ActionDueFacts {
  event: ActionReminderEvent;
}

const KIND_FOR_EVENT = {
  due: 'action.due',
} as const satisfies Record<ActionReminderEvent, ActionMessageKind>;

/**
 * A reminder carries a reference, a neutral title, the due date and links: nothing about the
 * adult and no text a user typed (practice primer §4), so it is safe in any mailbox. Kept for the
 * action chaser's call site; new senders use `renderMessage` from the catalogue directly.
 */
export function renderActionReminder({ event, ...facts }: ActionReminderFacts): RenderedEmail {
  return renderMessage(KIND_FOR_EVENT[event], facts);
}
