import { formatUkDateTime } from '@safeguard/domain';
import type { ActionReminderEvent } from '@safeguard/workflows';

export interface ActionReminderFacts {
  event: ActionReminderEvent;
  reference: string;
  dueAt: Date;
  link: string;
}

const TITLES: Record<ActionReminderEvent, string> = {
  due: 'Action due',
};

/**
 * A reminder carries a reference, a neutral title, the due date and a link: nothing about the
 * adult and no text a user typed (practice primer §4), so it is safe in any mailbox.
 */
export function renderActionReminder(facts: ActionReminderFacts) {
  const title = TITLES[facts.event];
  const due = formatUkDateTime(facts.dueAt);
  return {
    subject: `${title}: ${facts.reference}`,
    text: [
      `${title}`,
      '',
      `Reference: ${facts.reference}`,
      `Due: ${due}`,
      '',
      `Open it in the safeguarding service: ${facts.link}`,
    ].join('\n'),
    html: [
      '<!doctype html><html lang="en"><body>',
      `<h1>${title}</h1>`,
      `<p>Reference: <strong>${facts.reference}</strong><br>Due: ${due}</p>`,
      `<p><a href="${facts.link}">Open ${facts.reference} in the safeguarding service</a></p>`,
      '</body></html>',
    ].join(''),
  };
}
