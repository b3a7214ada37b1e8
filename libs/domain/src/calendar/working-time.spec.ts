import { ukInstant } from './uk-time';
import { workingCalendar } from './working-day-clock';
import { addWorkingTime, workingTimeBetween } from './working-time';

const calendar = workingCalendar('england-and-wales');
const HOUR = 3_600_000;

function london(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return ukInstant({ year, month, day, hour, minute });
}

describe('workingTimeBetween', () => {
  it('counts only time inside working hours on working days', () => {
    expect(
      workingTimeBetween(london('2026-11-02', '10:00'), london('2026-11-03', '10:00'), calendar),
    ).toBe(9 * HOUR);
    expect(
      workingTimeBetween(london('2026-11-06', '17:00'), london('2026-11-09', '09:00'), calendar),
    ).toBe(HOUR);
    expect(
      workingTimeBetween(london('2026-11-02', '18:00'), london('2026-11-03', '08:00'), calendar),
    ).toBe(0);
    expect(
      workingTimeBetween(london('2026-12-24', '17:30'), london('2026-12-29', '08:30'), calendar),
    ).toBe(0);
  });

  it('is negative when `to` is earlier', () => {
    expect(
      workingTimeBetween(london('2026-11-03', '10:00'), london('2026-11-02', '10:00'), calendar),
    ).toBe(-9 * HOUR);
  });
});

describe('addWorkingTime', () => {
  it('lands on the earliest instant that absorbs the working time', () => {
    expect(addWorkingTime(london('2026-11-02', '17:00'), HOUR / 2, calendar)).toEqual(
      london('2026-11-02', '17:30'),
    );
    expect(addWorkingTime(london('2026-11-02', '17:00'), HOUR, calendar)).toEqual(
      london('2026-11-03', '09:00'),
    );
    expect(addWorkingTime(london('2026-11-07', '12:00'), 9 * HOUR, calendar)).toEqual(
      london('2026-11-09', '17:30'),
    );
    expect(addWorkingTime(london('2026-11-02', '06:00'), HOUR, calendar)).toEqual(
      london('2026-11-02', '09:30'),
    );
    expect(addWorkingTime(london('2026-11-02', '06:00'), 0, calendar)).toEqual(
      london('2026-11-02', '06:00'),
    );
  });

  it('refuses negative or fractional amounts', () => {
    expect(() => addWorkingTime(london('2026-11-02', '10:00'), -1, calendar)).toThrow('≥ 0');
    expect(() => addWorkingTime(london('2026-11-02', '10:00'), 0.5, calendar)).toThrow(
      'whole number',
    );
  });
});
