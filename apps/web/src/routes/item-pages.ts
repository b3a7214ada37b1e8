import express, { type Request, type Router } from 'express';
import type { ApiClient } from '../api/api-client';
import { redirectWithMessage } from './flash';
import { field, formRoute, idParams, page, submitted } from './handlers';
import { type Item, ITEM_STATES, kindLabel, stateOf, stepLabels } from './items';

/** What happened to an item, as the audit trail records it (ChronologyEntryView). */
interface HistoryEntry {
  event: string;
  occurredAt: string;
  summary: Record<string, unknown>;
}

/** How each recorded event reads on the item's timeline. */
const EVENT_LABELS: Record<string, string> = {
  'action.created': 'Recorded',
  'action.assigned': 'Given to its owner',
  'action.acknowledged': 'Acknowledged',
  'action.completed': 'Completed',
  'action.cancelled': 'Cancelled',
  'action.reassigned': 'Passed to someone else',
  'action.extension-requested': 'More time asked for',
  'action.extension-approved': 'More time agreed',
  'action.extension-refused': 'More time refused',
  'action.due': 'Fell due',
  'action.overdue': 'Became overdue',
  'action.reminder-sent': 'Reminder sent',
  'action.reminder-refused': 'Reminder refused by the mail server',
  'action.reminder-skipped': 'Reminder not needed',
  'action.chased': 'Chased',
  'action.escalated': 'Escalated',
  'action.held': 'Held for the morning digest',
  'action.released': 'Sent in the morning digest',
  'action.owner-unreachable': 'Owner unreachable: sent to a stand-in',
  'notification.sent': 'Email sent',
  'notification.failed': 'Email could not be delivered',
};

/** An event the list above does not name yet still reads as words, never as a code. */
function eventLabel(event: string): string {
  const words = (event.split('.').pop() ?? event).replace(/-/g, ' ');
  return EVENT_LABELS[event] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * An item (a meeting action or an enquiry deadline) and what its owner does with it: read it,
 * acknowledge it, complete it with a note, ask for more time. Each command is a form posted to
 * the API as the signed-in person; a refusal comes back as the form with an error summary and
 * what was typed still in it.
 */
export function itemRoutes(apiUrl: string): Router {
  const router = express.Router();
  idParams(router, 'id');

  router.get(
    '/actions/:id',
    page(apiUrl, async (req, res, api) => {
      res.render('pages/item', await itemPage(api, String(req.params.id)));
    }),
  );

  router.post(
    '/actions/:id/acknowledge',
    page(apiUrl, async (req, res, api) => {
      const id = String(req.params.id);
      const form = {
        view: 'pages/item',
        context: () => itemPage(api, id),
        firstField: 'acknowledge',
      };
      if (!(await submitted(res, form, () => api.post(`/actions/${id}/acknowledge`)))) return;
      await redirectWithMessage(
        req,
        res,
        'You have acknowledged it. Reminders before the due date stop.',
        `/actions/${id}`,
      );
    }),
  );

  const itemForm = async (api: ApiClient, req: Request) => ({ item: await itemOf(api, idOf(req)) });

  formRoute(router, apiUrl, '/actions/:id/complete', {
    view: 'pages/complete-item',
    context: itemForm,
    values: (req) => ({ note: field(req.body, 'note') }),
    firstField: 'note',
    send: (api, req, { note }) => api.post(`/actions/${idOf(req)}/complete`, note ? { note } : {}),
    done: () => ({ message: 'Marked as complete.', to: '/' }),
  });

  formRoute(router, apiUrl, '/actions/:id/more-time', {
    view: 'pages/more-time',
    context: itemForm,
    values: (req) => ({
      reason: field(req.body, 'reason'),
      day: field(req.body, 'proposedDueAt-day'),
      month: field(req.body, 'proposedDueAt-month'),
      year: field(req.body, 'proposedDueAt-year'),
    }),
    firstField: 'reason',
    send: (api, req, values) =>
      api.post(`/actions/${idOf(req)}/extension-request`, {
        reason: values.reason,
        proposedDueAt: typedDay(values.day, values.month, values.year),
      }),
    done: (req) => ({
      message: 'You have asked for more time. The decision-maker has been told.',
      to: `/actions/${idOf(req)}`,
    }),
  });

  formRoute(router, apiUrl, '/actions/:id/decide-extension', {
    view: 'pages/decide-extension',
    context: itemForm,
    values: (req) => ({
      decision: field(req.body, 'decision'),
      note: field(req.body, 'note'),
      day: field(req.body, 'newDueAt-day'),
      month: field(req.body, 'newDueAt-month'),
      year: field(req.body, 'newDueAt-year'),
    }),
    firstField: 'decision',
    send: (api, req, values) => {
      const typedDate = values.day || values.month || values.year;
      return api.post(`/actions/${idOf(req)}/extension-decision`, {
        decision: values.decision,
        ...(values.decision === 'approve' && typedDate
          ? { newDueAt: typedDay(values.day, values.month, values.year) }
          : {}),
        ...(values.note ? { note: values.note } : {}),
      });
    },
    done: (req, values) => ({
      message: values.decision === 'approve' ? 'More time agreed.' : 'More time refused.',
      to: `/actions/${idOf(req)}`,
    }),
  });

  formRoute<{ newOwnerId: string }>(router, apiUrl, '/actions/:id/reassign', {
    view: 'pages/reassign-item',
    context: (api, req, values) => reassignForm(api, idOf(req), values?.newOwnerId ?? ''),
    values: (req) => ({ newOwnerId: field(req.body, 'newOwnerId') }),
    firstField: 'newOwnerId',
    send: (api, req, values) => api.post(`/actions/${idOf(req)}/reassign`, values),
    done: (req) => ({
      message: 'Passed on. The new owner has been told.',
      to: `/actions/${idOf(req)}`,
    }),
  });

  formRoute<{ recipientIds: string[] }>(router, apiUrl, '/actions/:id/record-circulation', {
    view: 'pages/record-circulation',
    context: (api, req, values) => circulationForm(api, idOf(req), values?.recipientIds ?? []),
    values: (req) => ({ recipientIds: chosen(req.body.recipientIds) }),
    firstField: 'recipientIds',
    send: async (api, req, values) => {
      const item = await itemOf(api, idOf(req));
      return api.post(`/meetings/${item.meetingId}/${item.kind}/circulated`, values);
    },
    done: (req) => ({
      message: 'Recorded who received them. The item is closed.',
      to: `/actions/${idOf(req)}`,
    }),
  });

  formRoute(router, apiUrl, '/actions/:id/cancel', {
    view: 'pages/cancel-item',
    context: itemForm,
    values: (req) => ({ reason: field(req.body, 'reason') }),
    firstField: 'reason',
    send: (api, req, values) => api.post(`/actions/${idOf(req)}/cancel`, values),
    done: (req) => ({
      message: 'Cancelled. Its owner has been told.',
      to: `/actions/${idOf(req)}`,
    }),
  });
  return router;
}

const idOf = (req: Request) => String(req.params.id);

async function itemOf(api: ApiClient, id: string): Promise<Item & { kindLabel: string }> {
  const item = await api.get<Item>(`/actions/${id}`);
  return { ...item, kindLabel: kindLabel(item.kind) };
}

/** Who the item can pass to: the active people of its partnership, by name. */
async function reassignForm(api: ApiClient, id: string, chosen: string) {
  const item = await itemOf(api, id);
  const people = await api.get<Array<{ id: string; displayName: string }>>('/people?active=true');
  return {
    item,
    people: [
      { value: '', text: 'Choose who takes it on' },
      ...people
        .filter((person) => person.id !== item.ownerId)
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .map((person) => ({
          value: person.id,
          text: person.displayName,
          selected: person.id === chosen,
        })),
    ],
  };
}

/** The values of a group of checkboxes: none, one (a string) or many. */
function chosen(value: unknown): string[] {
  return (Array.isArray(value) ? value : value ? [value] : []).map(String);
}

interface MeetingAttendee {
  personId: string;
  displayName: string;
  agencyName: string;
}

/** Who the action log or the minutes went to: the meeting's attendees, by agency. */
async function circulationForm(api: ApiClient, id: string, ticked: string[]) {
  const item = await itemOf(api, id);
  const meeting = await api.get<{ reference: string; attendees: MeetingAttendee[] }>(
    `/meetings/${item.meetingId}`,
  );
  return {
    item,
    meetingReference: meeting.reference,
    what: item.kind === 'minutes' ? 'the full minutes' : 'the action log',
    attendees: meeting.attendees.map((attendee) => ({
      value: attendee.personId,
      text: attendee.displayName,
      hint: { text: attendee.agencyName },
      checked: ticked.includes(attendee.personId),
    })),
  };
}

async function itemPage(api: ApiClient, id: string) {
  const [item, history] = await Promise.all([
    itemOf(api, id),
    api.get<HistoryEntry[]>(`/actions/${id}/chronology`),
  ]);
  const state = stateOf(item);
  const closed = item.status === 'completed' || item.status === 'cancelled';
  return {
    item,
    closed,
    may: Object.fromEntries(item.yourCommands.map((command) => [command, true])),
    ladder: item.chasePlan.map((step) => ({ ...step, ...stepLabels(step) })),
    state: closed
      ? {
          label: item.status === 'completed' ? 'Completed' : 'Cancelled',
          tagClass: 'govuk-tag--green',
        }
      : ITEM_STATES[state],
    timeline: history
      .slice()
      .reverse()
      .map((entry) => ({
        label: { text: eventLabel(entry.event) },
        datetime: { timestamp: entry.occurredAt, type: 'datetime' },
      })),
  };
}

/**
 * The date a person typed in a GOV.UK date input, as the API reads a due day ("YYYY-MM-DD"): the
 * API decides whether it is a real date and when that day's work is due under the partnership's
 * working hours. Whatever was typed goes as it is, for the API to refuse by name.
 */
function typedDay(day: string, month: string, year: string): string {
  const twoDigits = (part: string) => (/^\d$/.test(part) ? `0${part}` : part);
  return `${year.trim()}-${twoDigits(month.trim())}-${twoDigits(day.trim())}`;
}
