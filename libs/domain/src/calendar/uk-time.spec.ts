import fc from 'fast-check';
import {
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  dayNumberOf,
  isoWeekday,
  localDateOf,
  parseClockTime,
  ukInstant,
  ukLocalDate,
  ukLocalDateTime,
  ukUtcOffsetMinutes,
  yearOfDayNumber,
} from './uk-time';

// The tz database is the oracle: tests may use Intl even though the code under test must not.
const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

function londonReading(instant: Date) {
  const parts = Object.fromEntries(
    londonParts.formatToParts(instant).map((part) => [part.type, Number(part.value)]),
  );
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

const modernInstant = fc.date({
  min: new Date('1996-01-01T00:00:00Z'),
  max: new Date('2099-12-31T00:00:00Z'),
  noInvalidDate: true,
});

describe('day numbers', () => {
  it('counts days from 1 January 1970', () => {
    expect(dayNumberOf({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(dayNumberOf({ year: 2026, month: 3, day: 27 })).toBe(Date.UTC(2026, 2, 27) / 86_400_000);
    expect(localDateOf(20_539)).toEqual({ year: 2026, month: 3, day: 27 });
  });

  it('finds the year of every supported day, including both ends', () => {
    const first = dayNumberOf({ year: FIRST_SUPPORTED_YEAR, month: 1, day: 1 });
    const last = dayNumberOf({ year: LAST_SUPPORTED_YEAR, month: 12, day: 31 });
    for (let day = first; day <= last; day += 1) {
      const expected = new Date(day * 86_400_000).getUTCFullYear();
      if (yearOfDayNumber(day) !== expected) throw new Error(`day ${day}: wrong year`);
    }
    expect(() => yearOfDayNumber(first - 1)).toThrow('outside the supported years 1970–2199');
    expect(() => yearOfDayNumber(last + 1)).toThrow('outside the supported years');
  });

  it('round-trips dates and agrees with the proleptic Gregorian calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 83_000 }), (day) => {
        const date = localDateOf(day);
        const utc = new Date(day * 86_400_000);
        expect(date).toEqual({
          year: utc.getUTCFullYear(),
          month: utc.getUTCMonth() + 1,
          day: utc.getUTCDate(),
        });
        expect(dayNumberOf(date)).toBe(day);
        expect(isoWeekday(day)).toBe(utc.getUTCDay() === 0 ? 7 : utc.getUTCDay());
      }),
    );
  });

  it('refuses dates that do not exist or are outside the supported years', () => {
    expect(() => dayNumberOf({ year: 2026, month: 2, day: 29 })).toThrow('2026-2-29 is not a date');
    expect(dayNumberOf({ year: 2028, month: 2, day: 29 })).toBeGreaterThan(0);
    expect(() => dayNumberOf({ year: 2026, month: 13, day: 1 })).toThrow('month 13');
    expect(() => dayNumberOf({ year: 1969, month: 12, day: 31 })).toThrow('year 1969');
    expect(() => localDateOf(1.5)).toThrow('not a whole number');
  });
});

describe('Europe/London offsets', () => {
  it('switches to BST at 01:00 UTC on the last Sunday of March', () => {
    expect(ukUtcOffsetMinutes(new Date('2026-03-29T00:59:59.999Z'))).toBe(0);
    expect(ukUtcOffsetMinutes(new Date('2026-03-29T01:00:00Z'))).toBe(60);
  });

  it('switches back to GMT at 01:00 UTC on the last Sunday of October', () => {
    expect(ukUtcOffsetMinutes(new Date('2026-10-25T00:59:59.999Z'))).toBe(60);
    expect(ukUtcOffsetMinutes(new Date('2026-10-25T01:00:00Z'))).toBe(0);
  });

  it('reads the wall clock the way the tz database does', () => {
    fc.assert(
      fc.property(modernInstant, (instant) => {
        const { millisecond: _, ...reading } = ukLocalDateTime(instant);
        expect(reading).toEqual(londonReading(instant));
      }),
      { numRuns: 300 },
    );
  });

  it('takes the local date, not the UTC one', () => {
    expect(ukLocalDate(new Date('2026-06-30T23:30:00Z'))).toEqual({
      year: 2026,
      month: 7,
      day: 1,
    });
    expect(ukLocalDate(new Date('2026-12-31T23:30:00Z'))).toEqual({
      year: 2026,
      month: 12,
      day: 31,
    });
  });
});

describe('ukInstant', () => {
  it('resolves summer and winter readings', () => {
    expect(ukInstant({ year: 2026, month: 7, day: 1, hour: 17, minute: 30 })).toEqual(
      new Date('2026-07-01T16:30:00Z'),
    );
    expect(ukInstant({ year: 2026, month: 12, day: 1, hour: 17, minute: 30 })).toEqual(
      new Date('2026-12-01T17:30:00Z'),
    );
  });

  it('moves a reading in the spring gap forward by the length of the gap', () => {
    const inGap = ukInstant({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 });
    expect(inGap).toEqual(new Date('2026-03-29T01:30:00Z'));
    expect(ukLocalDateTime(inGap)).toMatchObject({ hour: 2, minute: 30 });
    expect(ukInstant({ year: 2026, month: 3, day: 29, hour: 2 })).toEqual(
      new Date('2026-03-29T01:00:00Z'),
    );
  });

  it('takes the first (BST) occurrence of a reading in the autumn overlap', () => {
    expect(ukInstant({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 })).toEqual(
      new Date('2026-10-25T00:30:00Z'),
    );
    expect(ukInstant({ year: 2026, month: 10, day: 25, hour: 2 })).toEqual(
      new Date('2026-10-25T02:00:00Z'),
    );
  });

  it('round-trips every instant except the second pass through the autumn overlap', () => {
    fc.assert(
      fc.property(modernInstant, (instant) => {
        const reading = ukLocalDateTime(instant);
        const secondPass =
          reading.month === 10 && reading.hour === 1 && ukUtcOffsetMinutes(instant) === 0;
        fc.pre(!secondPass);
        expect(ukInstant(reading)).toEqual(instant);
      }),
    );
  });

  it('refuses impossible readings', () => {
    expect(() => ukInstant({ year: 2026, month: 1, day: 1, hour: 24 })).toThrow('hour 24');
    expect(() => ukInstant({ year: 2026, month: 1, day: 1, minute: 1.5 })).toThrow('minute 1.5');
  });
});

describe('parseClockTime', () => {
  it('reads 24-hour HH:MM', () => {
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('17:30')).toBe((17 * 60 + 30) * 60_000);
    expect(parseClockTime('23:59')).toBe((23 * 60 + 59) * 60_000);
  });

  it.each(['24:00', '9:30', '09:60', '0930', '09:3a', '', ' 09:30'])('refuses "%s"', (text) => {
    expect(() => parseClockTime(text)).toThrow(`time "${text}" is not a 24-hour HH:MM time`);
  });
});
