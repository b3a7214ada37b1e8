import type { ActionEntity } from '@safeguard/persistence';
import { CalendarEvent, serializeCalendar } from './icalendar';

export type Deadline = Pick<ActionEntity, 'id' | 'reference' | 'dueAt'>;

const EVENT_MINUTES = 30;

/**
 * A person's deadlines as an iCalendar document. Calendars sync to phones and shared mailboxes,
 * so an event carries the reference and a link only (practice primer §4, as for emails): it is
 * built from the id, reference and due time, never the title or anyone's name.
 */
export function deadlineCalendar(deadlines: Deadline[], baseUrl: string, now: Date): string {
  return serializeCalendar({
    productId: '-//Safeguarding orchestration//Deadlines//EN',
    name: 'Safeguarding deadlines',
    stamp: now,
    events: deadlines.map((deadline) => deadlineEvent(deadline, baseUrl)),
  });
}

/** An event ending at the due instant, so it sits just before the deadline in the day view. */
function deadlineEvent({ id, reference, dueAt }: Deadline, baseUrl: string): CalendarEvent {
  return {
    uid: `${id}@safeguarding`,
    start: new Date(dueAt.getTime() - EVENT_MINUTES * 60_000),
    end: dueAt,
    summary: `Action due: ${reference}`,
    description: 'Open the safeguarding service to see this item.',
    url: `${baseUrl}/actions/${id}`,
  };
}
