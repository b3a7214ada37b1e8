import fc from 'fast-check';
import { ukInstant } from './uk-time';
import {
  WorkingCalendar,
  addCalendarDays,
  addWorkingDays,
  endOfWorkingDayOn,
  isWorkingDay,
  nextInSendWindow,
  shiftWorkingDays,
  workingCalendar,
  workingDaysBetween,
} from './working-day-clock';

const englandAndWales = workingCalendar('england-and-wales');
const scotland = workingCalendar('scotland');
const utc = (iso: string) => new Date(iso);

/** A UK wall-clock reading written as 'YYYY-MM-DD HH:MM[:SS.mmm]'. */
function london(text: string): Date {
  const [date, time] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, seconds = '0'] = time.split(':');
  const [second, millisecond = 0] = seconds.split('.').map(Number);
  return ukInstant({
    year,
    month,
    day,
    hour: Number(hour),
    minute: Number(minute),
    second,
    millisecond,
  });
}

describe('isWorkingDay', () => {
  it('excludes weekends and the nation’s bank holidays', () => {
    expect(isWorkingDay({ year: 2026, month: 12, day: 24 }, 'england-and-wales')).toBe(true);
    expect(isWorkingDay({ year: 2026, month: 12, day: 26 }, 'england-and-wales')).toBe(false);
    expect(isWorkingDay({ year: 2026, month: 12, day: 27 }, 'england-and-wales')).toBe(false);
    expect(isWorkingDay({ year: 2026, month: 12, day: 28 }, 'england-and-wales')).toBe(false);
    expect(isWorkingDay({ year: 2026, month: 1, day: 2 }, 'england-and-wales')).toBe(true);
    expect(isWorkingDay({ year: 2026, month: 1, day: 2 }, 'scotland')).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('crosses the spring clock change: Fri 27 Mar 2026 + 1 WD is Mon 30 Mar 17:30 BST', () => {
    expect(addWorkingDays(utc('2026-03-27T10:00:00Z'), 1, englandAndWales)).toEqual(
      utc('2026-03-30T16:30:00Z'),
    );
  });

  it('crosses the autumn clock change: Fri 23 Oct 2026 + 1 WD is Mon 26 Oct 17:30 GMT', () => {
    expect(addWorkingDays(london('2026-10-23 10:00'), 1, englandAndWales)).toEqual(
      utc('2026-10-26T17:30:00Z'),
    );
  });

  describe('same working day (0)', () => {
    it('is the end of today during or before working hours', () => {
      expect(addWorkingDays(london('2026-11-02 07:00'), 0, englandAndWales)).toEqual(
        london('2026-11-02 17:30'),
      );
      expect(addWorkingDays(london('2026-11-02 10:00'), 0, englandAndWales)).toEqual(
        london('2026-11-02 17:30'),
      );
    });

    it('still counts today at exactly the end of the working day', () => {
      expect(addWorkingDays(london('2026-11-02 17:30'), 0, englandAndWales)).toEqual(
        london('2026-11-02 17:30'),
      );
    });

    it('moves to the next working day once the working day has ended', () => {
      expect(addWorkingDays(london('2026-11-02 17:30:00.001'), 0, englandAndWales)).toEqual(
        london('2026-11-03 17:30'),
      );
    });

    it('moves to the next working day from a weekend or bank holiday', () => {
      expect(addWorkingDays(london('2026-11-07 10:00'), 0, englandAndWales)).toEqual(
        london('2026-11-09 17:30'),
      );
      expect(addWorkingDays(london('2026-12-25 10:00'), 0, englandAndWales)).toEqual(
        london('2026-12-29 17:30'),
      );
    });
  });

  it('treats evenings, weekends and bank holidays as the start of the next working day', () => {
    expect(addWorkingDays(london('2026-11-06 18:00'), 1, englandAndWales)).toEqual(
      london('2026-11-10 17:30'),
    );
    expect(addWorkingDays(london('2026-11-07 10:00'), 1, englandAndWales)).toEqual(
      london('2026-11-10 17:30'),
    );
  });

  it('skips the substitute Christmas holidays', () => {
    expect(addWorkingDays(london('2026-12-24 10:00'), 1, englandAndWales)).toEqual(
      london('2026-12-29 17:30'),
    );
  });

  it('skips the holidays of the calendar’s own nation', () => {
    const newYearsEve = london('2026-12-31 10:00');
    expect(addWorkingDays(newYearsEve, 1, englandAndWales)).toEqual(london('2027-01-04 17:30'));
    expect(addWorkingDays(newYearsEve, 1, scotland)).toEqual(london('2027-01-05 17:30'));
    const received = london('2026-11-02 09:00');
    expect(addWorkingDays(received, 20, englandAndWales)).toEqual(london('2026-11-30 17:30'));
    expect(addWorkingDays(received, 20, scotland)).toEqual(london('2026-12-01 17:30'));
  });

  it('counts a 28 working day enquiry across Christmas', () => {
    expect(addWorkingDays(london('2026-12-01 11:00'), 28, englandAndWales)).toEqual(
      london('2027-01-13 17:30'),
    );
  });

  it('uses the calendar’s own working day', () => {
    const nineToFive = workingCalendar('england-and-wales', { start: '09:00', end: '17:00' });
    expect(addWorkingDays(london('2026-11-02 17:15'), 0, nineToFive)).toEqual(
      london('2026-11-03 17:00'),
    );
    expect(addWorkingDays(london('2026-11-02 17:15'), 1, nineToFive)).toEqual(
      london('2026-11-04 17:00'),
    );
  });

  it('falls due at an explicit local time when asked', () => {
    expect(addWorkingDays(london('2026-11-02 14:00'), 1, englandAndWales, { at: '12:00' })).toEqual(
      london('2026-11-03 12:00'),
    );
  });

  it('never returns a same-day deadline whose explicit time has passed', () => {
    expect(addWorkingDays(london('2026-11-02 11:00'), 0, englandAndWales, { at: '12:00' })).toEqual(
      london('2026-11-02 12:00'),
    );
    expect(addWorkingDays(london('2026-11-02 14:00'), 0, englandAndWales, { at: '12:00' })).toEqual(
      london('2026-11-03 12:00'),
    );
  });

  it('refuses counts, instants and times it cannot honour', () => {
    const now = london('2026-11-02 10:00');
    expect(() => addWorkingDays(now, -1, englandAndWales)).toThrow('use shiftWorkingDays');
    expect(() => addWorkingDays(now, 1.5, englandAndWales)).toThrow('must be a whole number');
    expect(() => addWorkingDays(new Date(Number.NaN), 1, englandAndWales)).toThrow('valid Date');
    expect(() => addWorkingDays(now, 1, englandAndWales, { at: '5pm' })).toThrow('"5pm"');
    const backwards: WorkingCalendar = {
      nation: 'scotland',
      workingDay: { start: '17:00', end: '09:00' },
    };
    expect(() => addWorkingDays(now, 1, backwards)).toThrow('must start before they end');
    expect(() => workingCalendar('wales' as never)).toThrow('unknown nation "wales"');
    expect(() => addWorkingDays(utc('2199-12-30T10:00:00Z'), 5, englandAndWales)).toThrow(
      'outside the supported years',
    );
  });
});

describe('addCalendarDays', () => {
  it('lands at the end of the working day on the date reached', () => {
    expect(addCalendarDays(london('2026-11-02 10:00'), 42, englandAndWales)).toEqual(
      london('2026-12-14 17:30'),
    );
  });

  it('keeps local time across a clock change', () => {
    expect(addCalendarDays(london('2026-03-20 10:00'), 10, englandAndWales)).toEqual(
      utc('2026-03-30T16:30:00Z'),
    );
  });

  it('does not skip weekends unless asked to bring the date forward', () => {
    const start = london('2026-11-18 10:00');
    expect(addCalendarDays(start, 10, englandAndWales)).toEqual(london('2026-11-28 17:30'));
    expect(addCalendarDays(start, 10, englandAndWales, { nonWorkingDay: 'bring-forward' })).toEqual(
      london('2026-11-27 17:30'),
    );
    expect(
      addCalendarDays(london('2026-12-14 10:00'), 14, englandAndWales, {
        nonWorkingDay: 'bring-forward',
        at: '09:00',
      }),
    ).toEqual(london('2026-12-24 09:00'));
  });

  it('goes back for negative counts', () => {
    expect(addCalendarDays(london('2026-11-02 10:00'), -1, englandAndWales)).toEqual(
      london('2026-11-01 17:30'),
    );
  });
});

describe('shiftWorkingDays', () => {
  it('moves a due date back for a reminder, keeping its local time', () => {
    expect(shiftWorkingDays(london('2026-11-30 17:30'), -5, 'england-and-wales')).toEqual(
      london('2026-11-23 17:30'),
    );
    expect(shiftWorkingDays(london('2026-12-29 17:30'), -1, 'england-and-wales')).toEqual(
      london('2026-12-24 17:30'),
    );
  });

  it('keeps the local time across a clock change', () => {
    expect(shiftWorkingDays(utc('2026-03-31T16:30:00Z'), -2, 'england-and-wales')).toEqual(
      utc('2026-03-27T17:30:00Z'),
    );
  });

  it('moves forward for chases after the due date', () => {
    expect(shiftWorkingDays(london('2026-12-24 17:30'), 1, 'england-and-wales')).toEqual(
      london('2026-12-29 17:30'),
    );
  });

  it('counts from a non-working day to the working days either side of it', () => {
    const saturday = london('2026-11-07 17:30');
    expect(shiftWorkingDays(saturday, 1, 'england-and-wales')).toEqual(london('2026-11-09 17:30'));
    expect(shiftWorkingDays(saturday, -1, 'england-and-wales')).toEqual(london('2026-11-06 17:30'));
    expect(shiftWorkingDays(saturday, 0, 'england-and-wales')).toEqual(london('2026-11-09 17:30'));
  });

  it('can land at another local time, such as the send window’s opening', () => {
    expect(
      shiftWorkingDays(london('2026-11-30 17:30'), -3, 'england-and-wales', { at: '08:30' }),
    ).toEqual(london('2026-11-25 08:30'));
  });
});

describe('nextInSendWindow', () => {
  const window = { start: '08:30', end: '17:30' };
  const next = (instant: Date) => nextInSendWindow(instant, 'england-and-wales', window);

  it('sends at once inside the window, both ends included', () => {
    expect(next(london('2026-11-02 12:00'))).toEqual(london('2026-11-02 12:00'));
    expect(next(london('2026-11-02 08:30'))).toEqual(london('2026-11-02 08:30'));
    expect(next(london('2026-11-02 17:30'))).toEqual(london('2026-11-02 17:30'));
  });

  it('waits for the window to open', () => {
    expect(next(london('2026-11-02 06:00'))).toEqual(london('2026-11-02 08:30'));
    expect(next(london('2026-11-02 17:30:00.001'))).toEqual(london('2026-11-03 08:30'));
    expect(next(london('2026-11-07 12:00'))).toEqual(london('2026-11-09 08:30'));
    expect(next(london('2026-12-24 18:00'))).toEqual(london('2026-12-29 08:30'));
  });

  it('opens at local time after a clock change', () => {
    expect(next(utc('2026-03-28T12:00:00Z'))).toEqual(utc('2026-03-30T07:30:00Z'));
  });

  it('can cover every day, weekends and bank holidays included, to midnight', () => {
    const evenings = { days: 'every-day' as const, start: '20:00', end: '24:00' };
    const inEvenings = (instant: Date) => nextInSendWindow(instant, 'england-and-wales', evenings);
    // Christmas Day 2026 is a Friday and a bank holiday; the 27th a Sunday.
    expect(inEvenings(london('2026-12-25 10:00'))).toEqual(london('2026-12-25 20:00'));
    expect(inEvenings(london('2026-12-27 23:59:59.999'))).toEqual(
      london('2026-12-27 23:59:59.999'),
    );
    expect(inEvenings(london('2026-12-27 00:00'))).toEqual(london('2026-12-27 20:00'));
  });

  it('holds nothing when it covers every hour of every day', () => {
    const always = { days: 'every-day' as const, start: '00:00', end: '24:00' };
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        const instant = new Date(ms);
        expect(nextInSendWindow(instant, 'scotland', always)).toEqual(instant);
      }),
    );
  });
});

describe('workingDaysBetween', () => {
  const between = (from: string, to: string) =>
    workingDaysBetween(london(from), london(to), 'england-and-wales');

  it('counts working days after the first date up to and including the second', () => {
    expect(between('2026-11-02 17:30', '2026-11-02 23:00')).toBe(0);
    expect(between('2026-11-02 17:30', '2026-11-03 08:00')).toBe(1);
    expect(between('2026-11-02 17:30', '2026-11-06 09:00')).toBe(4);
    expect(between('2026-11-06 17:30', '2026-11-09 09:00')).toBe(1);
    expect(between('2026-11-06 17:30', '2026-11-08 09:00')).toBe(0);
    expect(between('2026-12-24 17:30', '2026-12-29 09:00')).toBe(1);
  });

  it('is negative when the second instant is on an earlier date', () => {
    expect(between('2026-11-06 09:00', '2026-11-02 17:30')).toBe(-4);
  });

  it('uses local dates, not UTC ones', () => {
    expect(
      workingDaysBetween(
        utc('2026-06-30T12:00:00Z'),
        utc('2026-06-30T23:30:00Z'),
        'england-and-wales',
      ),
    ).toBe(1);
  });

  it('follows the nation’s holidays', () => {
    const from = london('2026-12-31 17:30');
    const to = london('2027-01-05 09:00');
    expect(workingDaysBetween(from, to, 'england-and-wales')).toBe(2);
    expect(workingDaysBetween(from, to, 'scotland')).toBe(1);
  });
});

describe('endOfWorkingDayOn', () => {
  it('is the end of that working day, UK time, in winter and in summer', () => {
    const hours = { start: '08:00', end: '16:00' };
    expect(endOfWorkingDayOn({ year: 2027, month: 1, day: 12 }, hours).toISOString()).toBe(
      '2027-01-12T16:00:00.000Z',
    );
    expect(endOfWorkingDayOn({ year: 2027, month: 7, day: 12 }, hours).toISOString()).toBe(
      '2027-07-12T15:00:00.000Z',
    );
  });
});
