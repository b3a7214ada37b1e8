import fc from 'fast-check';
import { NATIONS, Nation, bankHolidays, easterSunday, isBankHoliday } from './bank-holidays';
import { dayNumberOf, formatLocalDate, isoWeekday } from './uk-time';

const datesOf = (year: number, nation: Nation) =>
  bankHolidays(year, nation).map((holiday) => formatLocalDate(holiday.date));

const on = (text: string) => {
  const [year, month, day] = text.split('-').map(Number);
  return { year, month, day };
};

describe('easterSunday', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2008, '2008-03-23'],
    [2160, '2160-03-23'],
    [2011, '2011-04-24'],
  ])('%i is %s', (year, expected) => {
    expect(formatLocalDate(easterSunday(year))).toBe(expected);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2199 }), (year) => {
        const easter = easterSunday(year);
        expect(isoWeekday(dayNumberOf(easter))).toBe(7);
        const monthDay = easter.month * 100 + easter.day;
        expect(monthDay).toBeGreaterThanOrEqual(322);
        expect(monthDay).toBeLessThanOrEqual(425);
      }),
    );
  });
});

describe('bank holidays in England and Wales', () => {
  // As published on gov.uk/bank-holidays.
  it.each([
    [2020, ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28']],
    [2021, ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28']],
    [
      2022,
      ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
    ],
    [2023, ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26']],
    [2024, ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26']],
    [2025, ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26']],
    [2026, ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28']],
    [2027, ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28']],
    [2028, ['01-03', '04-14', '04-17', '05-01', '05-29', '08-28', '12-25', '12-26']],
  ])('%i', (year, monthDays) => {
    expect(datesOf(year, 'england-and-wales')).toEqual(monthDays.map((md) => `${year}-${md}`));
  });

  it('names the substitute Boxing Day of 2026', () => {
    expect(bankHolidays(2026, 'england-and-wales').at(-1)).toEqual({
      date: { year: 2026, month: 12, day: 28 },
      name: 'Boxing Day (substitute day)',
    });
  });

  it('keeps Boxing Day on Monday 26 and moves Christmas when Christmas is a Sunday', () => {
    expect(bankHolidays(2022, 'england-and-wales').slice(-2)).toEqual([
      { date: { year: 2022, month: 12, day: 26 }, name: 'Boxing Day' },
      { date: { year: 2022, month: 12, day: 27 }, name: 'Christmas Day (substitute day)' },
    ]);
  });

  it('names the one-off holidays', () => {
    const names = (year: number) => bankHolidays(year, 'england-and-wales').map((h) => h.name);
    expect(names(2020)).toContain('Early May bank holiday (VE day)');
    expect(names(2022)).toContain('Platinum Jubilee bank holiday');
    expect(names(2022)).toContain('Bank holiday for the State Funeral of Queen Elizabeth II');
    expect(names(2023)).toContain('Bank holiday for the coronation of King Charles III');
  });
});

describe('bank holidays in Scotland', () => {
  it.each([
    [
      2022,
      [
        ...['01-03', '01-04', '04-15', '05-02', '06-02', '06-03', '08-01', '09-19'],
        ...['11-30', '12-26', '12-27'],
      ],
    ],
    [
      2023,
      ['01-02', '01-03', '04-07', '05-01', '05-08', '05-29', '08-07', '11-30', '12-25', '12-26'],
    ],
    [2024, ['01-01', '01-02', '03-29', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26']],
    [
      2026,
      ['01-01', '01-02', '04-03', '05-04', '05-25', '06-15', '08-03', '11-30', '12-25', '12-28'],
    ],
    [2027, ['01-01', '01-04', '03-26', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28']],
    [2028, ['01-03', '01-04', '04-14', '05-01', '05-29', '08-07', '11-30', '12-25', '12-26']],
  ])('%i', (year, monthDays) => {
    expect(datesOf(year, 'scotland')).toEqual(monthDays.map((md) => `${year}-${md}`));
  });

  it('substitutes both New Year holidays when they fall on a weekend (2022)', () => {
    expect(bankHolidays(2022, 'scotland').slice(0, 2)).toEqual([
      { date: { year: 2022, month: 1, day: 3 }, name: 'New Year’s Day (substitute day)' },
      { date: { year: 2022, month: 1, day: 4 }, name: '2nd January (substitute day)' },
    ]);
  });

  it('moves St Andrew’s Day to the Monday when it falls on a weekend', () => {
    expect(isBankHoliday(on('2024-11-30'), 'scotland')).toBe(false);
    expect(isBankHoliday(on('2024-12-02'), 'scotland')).toBe(true);
    expect(isBankHoliday(on('2025-12-01'), 'scotland')).toBe(true);
  });
});

describe('bank holidays in Northern Ireland', () => {
  it.each([
    [
      2020,
      ['01-01', '03-17', '04-10', '04-13', '05-08', '05-25', '07-13', '08-31', '12-25', '12-28'],
    ],
    [
      2026,
      ['01-01', '03-17', '04-03', '04-06', '05-04', '05-25', '07-13', '08-31', '12-25', '12-28'],
    ],
    [
      2027,
      ['01-01', '03-17', '03-26', '03-29', '05-03', '05-31', '07-12', '08-30', '12-27', '12-28'],
    ],
    [
      2028,
      ['01-03', '03-17', '04-14', '04-17', '05-01', '05-29', '07-12', '08-28', '12-25', '12-26'],
    ],
  ])('%i', (year, monthDays) => {
    expect(datesOf(year, 'northern-ireland')).toEqual(monthDays.map((md) => `${year}-${md}`));
  });

  it('moves St Patrick’s Day to the next weekday when it falls on a weekend', () => {
    // 17 March 2029 is a Saturday.
    expect(isBankHoliday(on('2029-03-19'), 'northern-ireland')).toBe(true);
    expect(isBankHoliday(on('2029-03-19'), 'england-and-wales')).toBe(false);
  });
});

describe('differences between the nations', () => {
  it('makes 2 January a bank holiday in Scotland only', () => {
    expect(isBankHoliday(on('2026-01-02'), 'scotland')).toBe(true);
    expect(isBankHoliday(on('2026-01-02'), 'england-and-wales')).toBe(false);
    expect(isBankHoliday(on('2026-01-02'), 'northern-ireland')).toBe(false);
  });

  it('makes 17 March and 12 July bank holidays in Northern Ireland only', () => {
    for (const date of ['2025-03-17', '2025-07-14', '2027-03-17', '2027-07-12']) {
      expect(isBankHoliday(on(date), 'northern-ireland')).toBe(true);
      expect(isBankHoliday(on(date), 'england-and-wales')).toBe(false);
      expect(isBankHoliday(on(date), 'scotland')).toBe(false);
    }
  });

  it('gives Easter Monday everywhere but Scotland', () => {
    expect(isBankHoliday(on('2026-04-06'), 'england-and-wales')).toBe(true);
    expect(isBankHoliday(on('2026-04-06'), 'northern-ireland')).toBe(true);
    expect(isBankHoliday(on('2026-04-06'), 'scotland')).toBe(false);
  });

  it('takes Scotland’s summer holiday on the first Monday of August, England’s on the last', () => {
    expect(isBankHoliday(on('2026-08-03'), 'scotland')).toBe(true);
    expect(isBankHoliday(on('2026-08-03'), 'england-and-wales')).toBe(false);
    expect(isBankHoliday(on('2026-08-31'), 'england-and-wales')).toBe(true);
    expect(isBankHoliday(on('2026-08-31'), 'scotland')).toBe(false);
  });

  it('gives Scotland alone the 2026 World Cup bank holiday', () => {
    expect(isBankHoliday(on('2026-06-15'), 'scotland')).toBe(true);
    expect(isBankHoliday(on('2026-06-15'), 'england-and-wales')).toBe(false);
    expect(isBankHoliday(on('2026-06-15'), 'northern-ireland')).toBe(false);
  });

  it('applies the one-off changes in every nation', () => {
    for (const nation of NATIONS) {
      expect(isBankHoliday(on('2020-05-04'), nation)).toBe(false);
      expect(isBankHoliday(on('2020-05-08'), nation)).toBe(true);
      expect(isBankHoliday(on('2022-05-30'), nation)).toBe(false);
      expect(isBankHoliday(on('2022-06-02'), nation)).toBe(true);
      expect(isBankHoliday(on('2022-06-03'), nation)).toBe(true);
      expect(isBankHoliday(on('2022-09-19'), nation)).toBe(true);
      expect(isBankHoliday(on('2023-05-08'), nation)).toBe(true);
    }
  });
});

const USUAL_COUNT: Record<Nation, number> = {
  'england-and-wales': 8,
  scotland: 9,
  'northern-ireland': 10,
};
const ONE_OFF_EXTRAS: Record<number, number> = { 2011: 1, 2012: 1, 2022: 2, 2023: 1 };
const SCOTLAND_ONLY_EXTRAS: Record<number, number> = { 2026: 1 };

describe('bank holiday invariants', () => {
  it('only ever observes holidays on distinct weekdays, in date order, in their own year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2199 }),
        fc.constantFrom(...NATIONS),
        (year, nation) => {
          const holidays = bankHolidays(year, nation);
          const days = holidays.map((holiday) => dayNumberOf(holiday.date));
          expect(holidays.every((holiday) => holiday.date.year === year)).toBe(true);
          expect(days.every((day) => isoWeekday(day) <= 5)).toBe(true);
          expect([...days].sort((a, b) => a - b)).toEqual(days);
          expect(new Set(days).size).toBe(days.length);
          const scottishExtras = nation === 'scotland' ? (SCOTLAND_ONLY_EXTRAS[year] ?? 0) : 0;
          expect(days.length).toBe(
            USUAL_COUNT[nation] + (ONE_OFF_EXTRAS[year] ?? 0) + scottishExtras,
          );
        },
      ),
    );
  });

  it('refuses unknown nations and unsupported years', () => {
    expect(() => bankHolidays(2026, 'wales' as Nation)).toThrow('unknown nation "wales"');
    expect(() => bankHolidays(2200, 'scotland')).toThrow(
      'year 2200 is outside the supported years',
    );
  });
});
