import { Nation, bankHolidayIndex } from './bank-holidays';
import {
  LocalDate,
  MS_PER_DAY,
  dayNumberOf,
  instantMs,
  parseClockTime,
  ukInstant,
  utcFromWallClock,
  wallClockFromUtc,
} from './uk-time';
import {
  countWorkingDays,
  isWorkingDayNumber,
  workingDayAfter,
  workingDayBefore,
} from './working-days';

/** Local 'HH:MM' times (24-hour) bounding the working day, or a send window. */
export interface WorkingHours {
  readonly start: string;
  readonly end: string;
}

/**
 * What a partnership's clock depends on: whose bank holidays, and when its working day ends. A
 * policy document has this shape, so it can be passed as it is.
 */
export interface WorkingCalendar {
  readonly nation: Nation;
  readonly workingDay: WorkingHours;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({ start: '08:30', end: '17:30' });

/**
 * The instant a due date given as a day means: the end of that working day, UK time (a day's
 * work is due by close of business, the way every timescale here falls due).
 */
export function endOfWorkingDayOn(
  day: { year: number; month: number; day: number },
  workingDay: WorkingHours,
): Date {
  const [hour, minute] = workingDay.end.split(':').map(Number);
  return ukInstant({ ...day, hour, minute });
}

export interface DueTimeOptions {
  /** Local 'HH:MM' at which the result falls, instead of the end of the working day. */
  readonly at?: string;
}

/** A calendar for a nation, checked up front so that configuration errors surface early. */
export function workingCalendar(
  nation: Nation,
  workingDay: WorkingHours = DEFAULT_WORKING_HOURS,
): WorkingCalendar {
  bankHolidayIndex(nation);
  const calendar = Object.freeze({ nation, workingDay: Object.freeze({ ...workingDay }) });
  parseWorkingHours(calendar);
  return calendar;
}

export interface ParsedWorkingHours {
  readonly startMs: number;
  readonly endMs: number;
}

/** Milliseconds after local midnight at which the working day starts and ends. */
export function parseWorkingHours(calendar: WorkingCalendar): ParsedWorkingHours {
  return parseHours(calendar.workingDay);
}

function parseHours(hours: WorkingHours): ParsedWorkingHours {
  const startMs = parseClockTime(hours.start);
  const endMs = parseClockTime(hours.end);
  if (startMs >= endMs) {
    throw new RangeError(
      `UK calendar: working hours must start before they end (got ${hours.start}–${hours.end}).`,
    );
  }
  return { startMs, endMs };
}

function assertWholeNumber(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`UK calendar: ${name} must be a whole number (got ${value}).`);
  }
}

/** Whether a UK calendar date is a working day: Monday to Friday and not a bank holiday. */
export function isWorkingDay(date: LocalDate, nation: Nation): boolean {
  return isWorkingDayNumber(dayNumberOf(date), nation);
}

/**
 * The due instant `workingDays` working days after `start`, at the end of that working day (or
 * at `options.at`, local time).
 *
 * Day 0 is the working day on which `start` counts as received: its own local date when that is a
 * working day and `start` is not later than the calendar's end of day; otherwise the next working
 * day (so evenings, weekends and bank holidays count as the start of the next working day). The
 * due day is the `workingDays`-th working day after day 0, so 0 means "same working day".
 *
 * The result is never before `start`: should an explicit `at` have passed already on a same-day
 * (0) deadline, the same time on the next working day is returned.
 */
export function addWorkingDays(
  start: Date,
  workingDays: number,
  calendar: WorkingCalendar,
  options?: DueTimeOptions,
): Date {
  assertWholeNumber(workingDays, 'workingDays');
  if (workingDays < 0) {
    throw new RangeError(
      `UK calendar: addWorkingDays counts forward (got ${workingDays}); use shiftWorkingDays to go back.`,
    );
  }
  const { nation } = calendar;
  const { endMs } = parseWorkingHours(calendar);
  const dueTimeMs = options?.at === undefined ? endMs : parseClockTime(options.at);
  const startMs = instantMs(start);
  const wallMs = wallClockFromUtc(startMs);
  const startDay = Math.floor(wallMs / MS_PER_DAY);

  const dayZero =
    wallMs - startDay * MS_PER_DAY <= endMs && isWorkingDayNumber(startDay, nation)
      ? startDay
      : workingDayAfter(startDay, 1, nation);
  const dueDay = workingDays === 0 ? dayZero : workingDayAfter(dayZero, workingDays, nation);
  const dueMs = utcFromWallClock(dueDay * MS_PER_DAY + dueTimeMs);
  if (dueMs >= startMs) return new Date(dueMs);
  return new Date(utcFromWallClock(workingDayAfter(dueDay, 1, nation) * MS_PER_DAY + dueTimeMs));
}

export interface CalendarDayOptions extends DueTimeOptions {
  /**
   * 'bring-forward' moves a date that is not a working day back to the working day before it, so
   * that a "within 42 days" limit still holds; 'keep' (the default) leaves it where it falls.
   */
  readonly nonWorkingDay?: 'keep' | 'bring-forward';
}

/**
 * The local date `days` calendar days after (or, if negative, before) the local date of `start`,
 * at the calendar's end of day or `options.at`. Unlike working days there is no cut-off: the
 * result is before `start` when the day it names is today (or earlier) and that time has passed.
 */
export function addCalendarDays(
  start: Date,
  days: number,
  calendar: WorkingCalendar,
  options?: CalendarDayOptions,
): Date {
  assertWholeNumber(days, 'days');
  const timeMs =
    options?.at === undefined ? parseWorkingHours(calendar).endMs : parseClockTime(options.at);
  let day = Math.floor(wallClockFromUtc(instantMs(start)) / MS_PER_DAY) + days;
  if (options?.nonWorkingDay === 'bring-forward' && !isWorkingDayNumber(day, calendar.nation)) {
    day = workingDayBefore(day, 1, calendar.nation);
  }
  return new Date(utcFromWallClock(day * MS_PER_DAY + timeMs));
}

/**
 * Moves an instant by whole working days, for reminders and chases relative to a due date
 * ("−5 WD", "+1 WD"). A positive count lands on the count-th working day after the instant's local
 * date, a negative one on the count-th working day before it, and 0 on that date if it is a
 * working day, else the next working day. The local time of day is kept (exactly: clocks only
 * change on Sundays) unless `options.at` names another, such as the send window's opening.
 */
export function shiftWorkingDays(
  instant: Date,
  workingDays: number,
  nation: Nation,
  options?: DueTimeOptions,
): Date {
  assertWholeNumber(workingDays, 'workingDays');
  const wallMs = wallClockFromUtc(instantMs(instant));
  const day = Math.floor(wallMs / MS_PER_DAY);
  const timeOfDayMs =
    options?.at === undefined ? wallMs - day * MS_PER_DAY : parseClockTime(options.at);
  let target: number;
  if (workingDays > 0) target = workingDayAfter(day, workingDays, nation);
  else if (workingDays < 0) target = workingDayBefore(day, -workingDays, nation);
  else target = isWorkingDayNumber(day, nation) ? day : workingDayAfter(day, 1, nation);
  return new Date(utcFromWallClock(target * MS_PER_DAY + timeOfDayMs));
}

/**
 * Hours in which messages may go: local start and end ("24:00" for the end of the day), on
 * working days of the nation (the default) or every day.
 */
export interface SendHours extends WorkingHours {
  readonly days?: 'working-days' | 'every-day';
}

/**
 * The first instant at or after `instant` inside the send window: between the window's local
 * start and end, both included, on a day it covers. Holds messages over quiet hours; a window of
 * every day from 00:00 to 24:00 holds nothing.
 */
export function nextInSendWindow(instant: Date, nation: Nation, window: SendHours): Date {
  const startMs = parseClockTime(window.start);
  const endMs = window.end === '24:00' ? MS_PER_DAY : parseClockTime(window.end);
  if (startMs >= endMs) {
    throw new RangeError(
      `UK calendar: a send window must start before it ends (got ${window.start}–${window.end}).`,
    );
  }
  const everyDay = window.days === 'every-day';
  const utcMs = instantMs(instant);
  const wallMs = wallClockFromUtc(utcMs);
  const day = Math.floor(wallMs / MS_PER_DAY);
  const timeOfDayMs = wallMs - day * MS_PER_DAY;
  if (timeOfDayMs <= endMs && (everyDay || isWorkingDayNumber(day, nation))) {
    return new Date(timeOfDayMs >= startMs ? utcMs : utcFromWallClock(day * MS_PER_DAY + startMs));
  }
  const nextDay = everyDay ? day + 1 : workingDayAfter(day, 1, nation);
  return new Date(utcFromWallClock(nextDay * MS_PER_DAY + startMs));
}

/**
 * Working days from the local date of `from` to the local date of `to`: those after the first
 * date, up to and including the second. Times of day are ignored, so a due date on Monday and
 * "now" on Tuesday are 1 working day apart. Negative when `to` is on an earlier date, such that
 * workingDaysBetween(a, b) === -workingDaysBetween(b, a).
 */
export function workingDaysBetween(from: Date, to: Date, nation: Nation): number {
  const fromDay = Math.floor(wallClockFromUtc(instantMs(from)) / MS_PER_DAY);
  const toDay = Math.floor(wallClockFromUtc(instantMs(to)) / MS_PER_DAY);
  if (toDay >= fromDay) return countWorkingDays(fromDay, toDay, nation);
  // Subtracting from 0 rather than negating keeps -0 out of results compared with Object.is.
  return 0 - countWorkingDays(toDay, fromDay, nation);
}
