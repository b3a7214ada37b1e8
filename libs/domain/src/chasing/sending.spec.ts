import { defaultPolicy } from '../policy/default-policy';
import type { Touch } from './chase-plan';
import { firstSendingAt, nextSendingAt, sendingTime, type DeliveryWindow } from './sending';

const england: DeliveryWindow = {
  nation: 'england-and-wales',
  sendWindow: defaultPolicy.sendWindow,
  urgent: false,
};
const at = (iso: string) => Date.parse(iso);
const sent = (iso: string, delivery: DeliveryWindow = england) =>
  new Date(sendingTime(at(iso), delivery)).toISOString();

describe('sending time (quiet hours)', () => {
  it('sends at once inside the window, both ends included', () => {
    // Tuesday 26 May 2026, BST: the window is 07:30–16:30 UTC.
    expect(sent('2026-05-26T12:00:00.000Z')).toBe('2026-05-26T12:00:00.000Z');
    expect(sent('2026-05-26T07:30:00.000Z')).toBe('2026-05-26T07:30:00.000Z');
    expect(sent('2026-05-26T16:30:00.000Z')).toBe('2026-05-26T16:30:00.000Z');
  });

  it('holds an early message until the window opens that day', () => {
    expect(sent('2026-05-26T05:00:00.000Z')).toBe('2026-05-26T07:30:00.000Z');
    // GMT in January: 08:30 local is 08:30 UTC.
    expect(sent('2026-01-14T06:00:00.000Z')).toBe('2026-01-14T08:30:00.000Z');
  });

  it('holds a late message, or one at the weekend or on a bank holiday, until the next working day', () => {
    expect(sent('2026-05-26T16:31:00.000Z')).toBe('2026-05-27T07:30:00.000Z');
    // Friday evening before the spring bank holiday → Tuesday.
    expect(sent('2026-05-22T18:00:00.000Z')).toBe('2026-05-26T07:30:00.000Z');
    expect(sent('2026-05-23T11:00:00.000Z')).toBe('2026-05-26T07:30:00.000Z');
  });

  it('follows the nation: Easter Monday is a working day in Scotland', () => {
    const easterSunday = '2026-04-05T11:00:00.000Z';
    expect(sent(easterSunday)).toBe('2026-04-07T07:30:00.000Z');
    expect(sent(easterSunday, { ...england, nation: 'scotland' })).toBe('2026-04-06T07:30:00.000Z');
  });

  it('sends urgent items at once only when the policy exempts them', () => {
    const saturday = '2026-05-23T04:30:00.000Z';
    expect(sent(saturday, { ...england, urgent: true })).toBe(saturday);
    const notExempt: DeliveryWindow = {
      ...england,
      urgent: true,
      sendWindow: { ...england.sendWindow, urgentExempt: false },
    };
    expect(sent(saturday, notExempt)).toBe('2026-05-26T07:30:00.000Z');
  });
});

describe('next sending instant of a plan', () => {
  const touch = (iso: string, key: string): Touch => ({
    key,
    kind: 'chase',
    at: at(iso),
    notify: 'owner',
  });
  const plan = [
    touch('2026-05-23T11:00:00.000Z', 'chase-0'),
    touch('2026-05-27T07:30:00.000Z', 'chase-1'),
  ];

  const before = at('2026-05-22T09:00:00.000Z');

  it('is the first touch, held for quiet hours when there is a window', () => {
    expect(nextSendingAt(plan, england, before)).toBe('2026-05-26T07:30:00.000Z');
    expect(nextSendingAt(plan, { ...england, urgent: true }, before)).toBe(
      '2026-05-23T11:00:00.000Z',
    );
  });

  it('is the first touch as planned for runs without a window, and nothing when none is left', () => {
    expect(nextSendingAt(plan, undefined, before)).toBe('2026-05-23T11:00:00.000Z');
    expect(nextSendingAt([], england, before)).toBeUndefined();
  });

  it('sends a touch as planned when it is only moments late, even past the window’s end', () => {
    // Planned for 17:30 (the last minute of the window), picked up a second later.
    const closing = [touch('2026-05-22T16:30:00.000Z', 'reminder-1')];
    expect(nextSendingAt(closing, england, at('2026-05-22T16:30:01.000Z'))).toBe(
      '2026-05-22T16:30:00.000Z',
    );
  });

  it('judges quiet hours when a touch already due is sent, not when it was planned', () => {
    // Planned for Friday 08:30, inside the window; it is now Saturday night: Tuesday 08:30
    // (Monday 25 May 2026 is a bank holiday).
    const friday = [touch('2026-05-22T07:30:00.000Z', 'chase-0')];
    expect(nextSendingAt(friday, england, at('2026-05-23T21:00:00.000Z'))).toBe(
      '2026-05-26T07:30:00.000Z',
    );
  });
});

describe('first sending instant of a new item', () => {
  // Reminder on the due day, a chase a working day later, then the ladder.
  const decision = defaultPolicy.stages['s42.decision'];
  const dueTuesday = new Date('2026-05-26T16:30:00.000Z');

  it('is the first reminder when the item is recorded in good time', () => {
    expect(firstSendingAt(decision, dueTuesday, england, at('2026-05-22T09:00:00.000Z'))).toBe(
      '2026-05-26T07:30:00.000Z',
    );
  });

  it('is the latest message already due, at the next window, when recorded late', () => {
    const wednesdayNight = at('2026-05-27T20:00:00.000Z');
    expect(firstSendingAt(decision, dueTuesday, england, wednesdayNight)).toBe(
      '2026-05-28T07:30:00.000Z',
    );
    expect(firstSendingAt(decision, dueTuesday, { ...england, urgent: true }, wednesdayNight)).toBe(
      '2026-05-27T20:00:00.000Z',
    );
  });

  it('is nothing when the timetable sends nothing', () => {
    const silent = { remindersBeforeDue: [], overdueChases: [], escalation: [] };
    const before = at('2026-05-22T09:00:00.000Z');
    expect(firstSendingAt(silent, dueTuesday, england, before)).toBeUndefined();
  });
});
