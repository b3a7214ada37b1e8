import { defaultPolicy } from '../policy/default-policy';
import { pauseClock, resumeClock, startPausableClock } from '../calendar/pausable-clock';
import { dueAfter, dueAfterPause } from './due-date';

const england = { nation: 'england-and-wales' as const, workingDay: defaultPolicy.workingDay };
const scotland = { nation: 'scotland' as const, workingDay: defaultPolicy.workingDay };
const due = (...args: Parameters<typeof dueAfter>) => dueAfter(...args).toISOString();

describe('due date of a stage', () => {
  describe('working days', () => {
    const tenDays = defaultPolicy.stages['meeting.action'].timescale;

    it('is the end of the 10th working day after a meeting, skipping the spring bank holiday', () => {
      expect(tenDays).toEqual({ workingDays: 10 });
      // Meeting Thursday 14 May 2026 at 11:00; Monday 25 May is a bank holiday.
      expect(due(tenDays, new Date('2026-05-14T10:00:00Z'), england)).toBe(
        '2026-05-29T16:30:00.000Z',
      );
    });

    it('counts a meeting after the end of the working day from the next working day', () => {
      expect(due(tenDays, new Date('2026-05-14T17:00:00Z'), england)).toBe(
        '2026-06-01T16:30:00.000Z',
      );
      // 17:30 itself is still inside the working day.
      expect(due(tenDays, new Date('2026-05-14T16:30:00Z'), england)).toBe(
        '2026-05-29T16:30:00.000Z',
      );
    });

    it('counts a meeting at the weekend from Monday', () => {
      expect(due(tenDays, new Date('2026-05-16T10:00:00Z'), england)).toBe(
        '2026-06-02T16:30:00.000Z',
      );
    });

    it('makes the action log (1 WD) from a Friday due after the weekend and the bank holiday', () => {
      const actionLog = defaultPolicy.stages['meeting.action-log'].timescale;
      expect(due(actionLog, new Date('2026-05-22T14:00:00Z'), england)).toBe(
        '2026-05-26T16:30:00.000Z',
      );
    });

    it('means the same working day for 0, in GMT', () => {
      expect(due({ workingDays: 0 }, new Date('2026-01-14T09:00:00Z'), england)).toBe(
        '2026-01-14T17:30:00.000Z',
      );
    });

    it('falls at the stage’s own time of day when it names one', () => {
      expect(due({ workingDays: 2, at: '12:00' }, new Date('2026-05-14T10:00:00Z'), england)).toBe(
        '2026-05-18T11:00:00.000Z',
      );
    });

    it('skips Christmas and the substitute Boxing Day', () => {
      expect(due({ workingDays: 5 }, new Date('2026-12-21T10:00:00Z'), england)).toBe(
        '2026-12-30T17:30:00.000Z',
      );
    });
  });

  describe('calendar days', () => {
    const sixWeeks = defaultPolicy.stages['s42.plan-review'].timescale;

    it('brings a date at the weekend forward, so "within 6 weeks" still holds', () => {
      expect(sixWeeks).toEqual({ calendarDays: 42 });
      // Saturday 10 January 2026 + 42 = Saturday 21 February → Friday 20 February.
      expect(due(sixWeeks, new Date('2026-01-10T10:00:00Z'), england)).toBe(
        '2026-02-20T17:30:00.000Z',
      );
    });

    it('brings a bank holiday forward over the weekend before it', () => {
      // Monday 13 April 2026 + 42 = Monday 25 May (spring bank holiday) → Friday 22 May.
      expect(due(sixWeeks, new Date('2026-04-13T09:00:00Z'), england)).toBe(
        '2026-05-22T16:30:00.000Z',
      );
      expect(
        due({ calendarDays: 42, at: '09:00' }, new Date('2026-04-13T09:00:00Z'), england),
      ).toBe('2026-05-22T08:00:00.000Z');
    });

    it('follows the nation’s bank holidays: Easter Monday is worked in Scotland', () => {
      // Monday 23 February 2026 + 42 = Easter Monday 6 April; Good Friday is 3 April.
      const start = new Date('2026-02-23T10:00:00Z');
      expect(due(sixWeeks, start, england)).toBe('2026-04-02T16:30:00.000Z');
      expect(due(sixWeeks, start, scotland)).toBe('2026-04-06T16:30:00.000Z');
    });
  });

  describe('durations', () => {
    it('runs in exact elapsed time, across the clocks going forward', () => {
      expect(due({ duration: 'PT4H' }, new Date('2026-03-28T23:00:00Z'), england)).toBe(
        '2026-03-29T03:00:00.000Z',
      );
      expect(due({ duration: 'P2D' }, new Date('2026-05-22T20:00:00Z'), england)).toBe(
        '2026-05-24T20:00:00.000Z',
      );
    });

    it('refuses an unreadable duration', () => {
      expect(() => dueAfter({ duration: 'a while' }, new Date(), england)).toThrow(RangeError);
    });
  });
});

describe('due date after a pause', () => {
  const at = (iso: string) => new Date(iso);
  const moved = (due: string, paused: string, resumed: string) =>
    dueAfterPause(at(due), at(paused), at(resumed), england).toISOString();

  it('moves the deadline by the working time the pause took', () => {
    // Due Friday 29 May 2026 16:30 UTC; paused Tuesday 19 May 09:00 to Wednesday 20 May 09:00
    // (BST, so 08:00Z): one whole working day, so due one working day later.
    expect(
      moved('2026-05-29T16:30:00.000Z', '2026-05-19T08:00:00.000Z', '2026-05-20T08:00:00.000Z'),
    ).toBe('2026-06-01T16:30:00.000Z');
  });

  it('leaves the deadline alone for a pause over a weekend or a bank holiday', () => {
    // Saturday 23 May to Tuesday 26 May 08:00 BST: the weekend and the spring bank holiday.
    expect(
      moved('2026-05-29T16:30:00.000Z', '2026-05-22T17:00:00.000Z', '2026-05-26T07:00:00.000Z'),
    ).toBe('2026-05-29T16:30:00.000Z');
  });

  it('is exactly what a pausable clock paused and resumed at the same instants says', () => {
    const due = at('2026-04-10T16:30:00.000Z');
    const paused = at('2026-03-31T13:17:42.123Z');
    const resumed = at('2026-04-08T10:05:01.456Z');
    const clock = resumeClock(
      pauseClock(startPausableClock(due, england), paused, 'held'),
      resumed,
    );
    expect(dueAfterPause(due, paused, resumed, england)).toEqual(clock.due);
  });
});
