import { instantMs } from './uk-time';
import { WorkingCalendar, parseWorkingHours } from './working-day-clock';
import { addWorkingMs, workingMsBetween } from './working-time';

/**
 * A deadline that can be paused, for example while a police investigation takes precedence over a
 * Section 42 enquiry.
 *
 * Model: while running, the deadline is a fixed instant. Resuming moves it later by the working
 * time (milliseconds inside the calendar's working hours on working days) that passed while
 * paused, to the earliest instant that absorbs it. The working time left at the pause is
 * therefore exactly the working time left at the resume, and a pause that spans no working time
 * (zero length, overnight, a weekend) leaves the deadline where it was. A pause covering part of a
 * working day moves the deadline by that part, so a resumed deadline can fall mid-day.
 *
 * Values are frozen; every operation returns a new clock.
 */
export interface PausableClock {
  readonly calendar: WorkingCalendar;
  /** The deadline as of the last start or resume; while paused, see projectedDue. */
  readonly due: Date;
  /** Every pause in order, for the chronology; only the last can be open (end null). */
  readonly pauses: readonly PausePeriod[];
}

export interface PausePeriod {
  readonly start: Date;
  readonly end: Date | null;
  readonly reason: string;
}

function freezeClock(calendar: WorkingCalendar, dueMs: number, pauses: readonly PausePeriod[]) {
  return Object.freeze({ calendar, due: new Date(dueMs), pauses: Object.freeze(pauses) });
}

function freezePause(startMs: number, endMs: number | null, reason: string): PausePeriod {
  return Object.freeze({
    start: new Date(startMs),
    end: endMs === null ? null : new Date(endMs),
    reason,
  });
}

function openPause(clock: PausableClock): PausePeriod | undefined {
  const last = clock.pauses[clock.pauses.length - 1];
  return last !== undefined && last.end === null ? last : undefined;
}

/** A running clock that falls due at `due`. */
export function startPausableClock(due: Date, calendar: WorkingCalendar): PausableClock {
  parseWorkingHours(calendar);
  return freezeClock(calendar, instantMs(due), []);
}

export function isPaused(clock: PausableClock): boolean {
  return openPause(clock) !== undefined;
}

export function pauseClock(clock: PausableClock, at: Date, reason: string): PausableClock {
  const open = openPause(clock);
  if (open !== undefined) {
    throw new Error(
      `Cannot pause the clock: it has been paused since ${open.start.toISOString()} (${open.reason}); resume it first.`,
    );
  }
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new Error('Cannot pause the clock without a reason: the chronology must say why.');
  }
  const atMs = instantMs(at);
  const previous = clock.pauses[clock.pauses.length - 1];
  if (previous !== undefined && previous.end !== null && atMs < previous.end.getTime()) {
    throw new Error(
      `Cannot pause the clock at ${at.toISOString()}: the previous pause only ended at ${previous.end.toISOString()}.`,
    );
  }
  return freezeClock(clock.calendar, clock.due.getTime(), [
    ...clock.pauses,
    freezePause(atMs, null, reason.trim()),
  ]);
}

export function resumeClock(clock: PausableClock, at: Date): PausableClock {
  const open = openPause(clock);
  if (open === undefined) throw new Error('Cannot resume the clock: it is running, not paused.');
  const atMs = instantMs(at);
  const pausedMs = open.start.getTime();
  if (atMs < pausedMs) {
    throw new Error(
      `Cannot resume the clock at ${at.toISOString()}: it was only paused at ${open.start.toISOString()}.`,
    );
  }
  const pausedWorkingMs = workingMsBetween(pausedMs, atMs, clock.calendar);
  const dueMs = addWorkingMs(clock.due.getTime(), pausedWorkingMs, clock.calendar);
  return freezeClock(clock.calendar, dueMs, [
    ...clock.pauses.slice(0, -1),
    freezePause(pausedMs, atMs, open.reason),
  ]);
}

/**
 * Working time in milliseconds left before the deadline at `at` (negative once overdue). While
 * paused it stays at its value when the pause began.
 */
export function remainingWorkingTime(clock: PausableClock, at: Date): number {
  const open = openPause(clock);
  const fromMs = open === undefined ? instantMs(at) : open.start.getTime();
  return workingMsBetween(fromMs, clock.due.getTime(), clock.calendar);
}

/** The deadline as it would stand if the clock resumed (or, if running, simply stayed) at `at`. */
export function projectedDue(clock: PausableClock, at: Date): Date {
  return isPaused(clock) ? resumeClock(clock, at).due : new Date(clock.due.getTime());
}
