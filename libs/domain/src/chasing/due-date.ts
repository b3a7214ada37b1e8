import type { Nation } from '../calendar/bank-holidays';
import { pauseClock, resumeClock, startPausableClock } from '../calendar/pausable-clock';
import {
  addCalendarDays,
  addWorkingDays,
  type WorkingCalendar,
  type WorkingHours,
} from '../calendar/working-day-clock';
import { isoDurationToMilliseconds } from '../policy/iso-duration';
import type { Timescale } from '../policy/timescale.schema';

/**
 * When a stage started at `start` is due under its timescale: working days at the end of the
 * working day (or `at`), calendar days brought forward off a non-working day so "within 6 weeks"
 * still holds, durations in elapsed time.
 */
export function dueAfter(
  timescale: Timescale,
  start: Date,
  calendar: { nation: Nation; workingDay: WorkingHours },
): Date {
  if ('workingDays' in timescale) {
    return addWorkingDays(start, timescale.workingDays, calendar, { at: timescale.at });
  }
  if ('calendarDays' in timescale) {
    return addCalendarDays(start, timescale.calendarDays, calendar, {
      at: timescale.at,
      nonWorkingDay: 'bring-forward',
    });
  }
  const ms = isoDurationToMilliseconds(timescale.duration);
  if (ms === undefined) throw new RangeError('due date: unreadable duration timescale');
  return new Date(start.getTime() + ms);
}

/**
 * A deadline's due instant after a pause from `pausedAt` to `resumedAt`: later by exactly the
 * working time the pause took, so the working time left at the pause is the working time left
 * at the resume. The enquiry and each of its chased items work out their moved dates with this
 * from the same instants, so they agree to the millisecond.
 */
export function dueAfterPause(
  due: Date,
  pausedAt: Date,
  resumedAt: Date,
  calendar: WorkingCalendar,
): Date {
  const paused = pauseClock(startPausableClock(due, calendar), pausedAt, 'paused');
  return resumeClock(paused, resumedAt).due;
}
