import { Nation, bankHolidayIndex } from './bank-holidays';
import { isoWeekday } from './uk-time';

/**
 * Working-day arithmetic on day numbers. Weekdays are counted in closed form and bank holidays by
 * binary search, so moving 20 working days costs the same as moving 1 and no loop walks the days.
 */

// Day 4 (1970-01-05) is a Monday; weekday indices count Monday-to-Friday days from it.
const FIRST_MONDAY = 4;

/** How many weekdays have day numbers below `dayNumber` (relative to FIRST_MONDAY; may be < 0). */
function weekdaysBefore(dayNumber: number): number {
  const sinceMonday = dayNumber - FIRST_MONDAY;
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7, 5);
}

function weekdayAt(weekdayIndex: number): number {
  const weeks = Math.floor(weekdayIndex / 5);
  return FIRST_MONDAY + weeks * 7 + (weekdayIndex - weeks * 5);
}

export function isWorkingDayNumber(dayNumber: number, nation: Nation): boolean {
  return isoWeekday(dayNumber) <= 5 && !bankHolidayIndex(nation).has(dayNumber);
}

/** The `count`-th working day strictly after `dayNumber` (count ≥ 1). */
export function workingDayAfter(dayNumber: number, count: number, nation: Nation): number {
  const holidays = bankHolidayIndex(nation);
  let after = dayNumber;
  let needed = count;
  for (;;) {
    // Every bank holiday is a weekday, so each one among the weekdays skipped costs one more.
    const candidate = weekdayAt(weekdaysBefore(after + 1) + needed - 1);
    const missed = holidays.countBetween(after, candidate);
    if (missed === 0) return candidate;
    after = candidate;
    needed = missed;
  }
}

/** The `count`-th working day strictly before `dayNumber` (count ≥ 1). */
export function workingDayBefore(dayNumber: number, count: number, nation: Nation): number {
  const holidays = bankHolidayIndex(nation);
  let before = dayNumber;
  let needed = count;
  for (;;) {
    const candidate = weekdayAt(weekdaysBefore(before) - needed);
    const missed = holidays.countBetween(candidate - 1, before - 1);
    if (missed === 0) return candidate;
    before = candidate;
    needed = missed;
  }
}

/** Working days after `afterDay` up to and including `throughDay` (0 when throughDay ≤ afterDay). */
export function countWorkingDays(afterDay: number, throughDay: number, nation: Nation): number {
  if (throughDay <= afterDay) return 0;
  const weekdays = weekdaysBefore(throughDay + 1) - weekdaysBefore(afterDay + 1);
  return weekdays - bankHolidayIndex(nation).countBetween(afterDay, throughDay);
}
