import {
  FRIDAY,
  LondonDay,
  MONDAY,
  clocksChangeBetween,
  holidaysBetween,
  nextBankHoliday,
  nextLoneBankHoliday,
  plainWeeks,
} from './timeline';
import { london } from './workflow-testing';

describe('timeline days for the workflow specs', () => {
  it('does calendar arithmetic across months, years and weekdays', () => {
    const day = LondonDay.of('2030-12-30');
    expect(day.weekday).toBe(MONDAY);
    expect(day.plus(3).iso).toBe('2031-01-02');
    expect(day.plus(-30).iso).toBe('2030-11-30');
    expect(day.next(MONDAY).iso).toBe('2031-01-06');
    expect(day.next(FRIDAY).iso).toBe('2031-01-03');
    expect(day.at('08:30')).toBe('2030-12-30 08:30');
    expect(() => day.at('8:30')).toThrow('not a time of day');
  });

  it('finds the London day of an instant, in summer time as in winter', () => {
    expect(LondonDay.containing(Date.parse('2031-07-01T23:30:00Z')).iso).toBe('2031-07-02');
    expect(LondonDay.containing(Date.parse('2031-01-01T23:30:00Z')).iso).toBe('2031-01-01');
    expect(LondonDay.containing(london('2031-07-02 00:30')).iso).toBe('2031-07-02');
  });

  it('finds plain weeks clear of every nation’s bank holidays and of clock changes', () => {
    // From mid-December: Christmas, Boxing Day, New Year and Scotland's 2 January all pass first.
    const monday = plainWeeks(LondonDay.of('2031-12-15'), 3);
    expect(monday.iso).toBe('2032-01-05');
    expect(
      holidaysBetween(monday, monday.plus(20), [
        'england-and-wales',
        'scotland',
        'northern-ireland',
      ]),
    ).toEqual([]);
    // Spring 2032: Good Friday 26 March, the clocks go forward on the 28th, Easter Monday the 29th.
    const spring = plainWeeks(LondonDay.of('2032-03-08'), 2);
    expect(spring.iso).toBe('2032-04-05');
    expect(clocksChangeBetween(LondonDay.of('2032-03-22'), LondonDay.of('2032-03-28'))).toBe(true);
    expect(clocksChangeBetween(spring, spring.plus(13))).toBe(false);
  });

  it('finds the next bank holiday of a name, in the nation asked', () => {
    const start = LondonDay.of('2033-04-20');
    expect(nextBankHoliday(start, 'Good Friday').iso).toBe('2034-04-07');
    expect(nextBankHoliday(start, 'Spring bank holiday').iso).toBe('2033-05-30');
    expect(nextBankHoliday(start, 'Summer bank holiday', 'scotland').iso).toBe('2033-08-01');
    expect(nextBankHoliday(start, 'Summer bank holiday').iso).toBe('2033-08-29');
    expect(() => nextBankHoliday(start, 'St Andrew’s Day')).toThrow('no bank holiday');
  });

  it('passes over the years a holiday does not stand alone in the stretch asked for', () => {
    // 2022: the spring bank holiday moved to Thursday 2 June, beside the jubilee on the 3rd.
    const spring = nextLoneBankHoliday(LondonDay.of('2022-01-01'), 'Spring bank holiday', {
      before: 7,
      after: 15,
      weekday: MONDAY,
    });
    expect(spring.iso).toBe('2023-05-29');
    // Easter 2038 is so late (25 April) that the early May holiday falls within ten days.
    const easter = nextLoneBankHoliday(LondonDay.of('2037-12-01'), 'Good Friday', {
      before: 11,
      after: 11,
      alongside: [3],
    });
    expect(easter.iso).toBe('2039-04-08');
    // Good Friday 2032 (26 March) meets the clock change, so steady clocks pass it over.
    const steady = nextLoneBankHoliday(LondonDay.of('2031-12-01'), 'Good Friday', {
      before: 3,
      after: 4,
      alongside: [3],
      steadyClocks: true,
    });
    expect(steady.iso).toBe('2033-04-15');
  });
});
