import { MS_PER_DAY, instantMs, utcFromWallClock, wallClockFromUtc } from './uk-time';
import { WorkingCalendar, parseWorkingHours } from './working-day-clock';
import { countWorkingDays, isWorkingDayNumber, workingDayAfter } from './working-days';

/**
 * Working time is the time spent inside the calendar's working hours on working days, in
 * milliseconds. Clocks never change on a working day, so wall-clock and elapsed time agree there.
 */

/** Working milliseconds on the instant's own day before it, and its day number. */
function positionInDay(utcMs: number, calendar: WorkingCalendar, startMs: number, endMs: number) {
  const wallMs = wallClockFromUtc(utcMs);
  const day = Math.floor(wallMs / MS_PER_DAY);
  if (!isWorkingDayNumber(day, calendar.nation)) return { day, workedMs: 0 };
  const timeOfDayMs = wallMs - day * MS_PER_DAY;
  return { day, workedMs: Math.min(Math.max(timeOfDayMs, startMs), endMs) - startMs };
}

export function workingMsBetween(fromMs: number, toMs: number, calendar: WorkingCalendar): number {
  if (toMs < fromMs) return -workingMsBetween(toMs, fromMs, calendar);
  const { startMs, endMs } = parseWorkingHours(calendar);
  const from = positionInDay(fromMs, calendar, startMs, endMs);
  const to = positionInDay(toMs, calendar, startMs, endMs);
  const wholeDays = countWorkingDays(from.day - 1, to.day - 1, calendar.nation);
  return wholeDays * (endMs - startMs) + to.workedMs - from.workedMs;
}

/** The earliest instant by which `workingMs` more working time has passed since `fromMs`. */
export function addWorkingMs(fromMs: number, workingMs: number, calendar: WorkingCalendar): number {
  if (workingMs === 0) return fromMs;
  const { startMs, endMs } = parseWorkingHours(calendar);
  const wallMs = wallClockFromUtc(fromMs);
  const day = Math.floor(wallMs / MS_PER_DAY);
  const timeOfDayMs = wallMs - day * MS_PER_DAY;
  let remaining = workingMs;
  if (timeOfDayMs < endMs && isWorkingDayNumber(day, calendar.nation)) {
    const from = Math.max(timeOfDayMs, startMs);
    if (remaining <= endMs - from) return utcFromWallClock(day * MS_PER_DAY + from + remaining);
    remaining -= endMs - from;
  }
  const dayLengthMs = endMs - startMs;
  const daysTouched = Math.ceil(remaining / dayLengthMs);
  const lastDay = workingDayAfter(day, daysTouched, calendar.nation);
  const intoLastDay = remaining - (daysTouched - 1) * dayLengthMs;
  return utcFromWallClock(lastDay * MS_PER_DAY + startMs + intoLastDay);
}

/**
 * Working time in milliseconds between two instants (negative when `to` is earlier): only the
 * parts that fall inside working hours on working days count.
 */
export function workingTimeBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  return workingMsBetween(instantMs(from), instantMs(to), calendar);
}

/** The earliest instant by which `workingMs` (≥ 0) of working time has passed since `instant`. */
export function addWorkingTime(instant: Date, workingMs: number, calendar: WorkingCalendar): Date {
  if (!Number.isSafeInteger(workingMs) || workingMs < 0) {
    throw new RangeError(
      `UK calendar: working time to add must be a whole number of milliseconds ≥ 0 (got ${workingMs}).`,
    );
  }
  return new Date(addWorkingMs(instantMs(instant), workingMs, calendar));
}
