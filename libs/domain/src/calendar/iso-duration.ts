import {
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  MS_PER_SECOND,
  assertSupportedInstant,
  instantMs,
} from './uk-time';

/**
 * The subset of ISO 8601 durations that policies use: whole days, hours, minutes and seconds, with
 * an optional leading minus for offsets before a due date (-PT2H).
 */
export interface IsoDuration {
  readonly negative: boolean;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

// Years, months and weeks are refused rather than guessed at: their length depends on the calendar.
const SUPPORTED_DURATION = /^(-)?P(?!$)(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function parseIsoDuration(text: string): IsoDuration {
  const match = typeof text === 'string' ? SUPPORTED_DURATION.exec(text) : null;
  if (match === null) {
    throw new RangeError(
      `Unsupported duration "${text}": expected an ISO 8601 duration in whole days, hours, minutes and seconds, such as P2D, PT4H, PT30M, P1DT12H or -PT2H (no years, months, weeks or fractions).`,
    );
  }
  const [, minus, days, hours, minutes, seconds] = match;
  return {
    negative: minus !== undefined,
    days: Number(days ?? 0),
    hours: Number(hours ?? 0),
    minutes: Number(minutes ?? 0),
    seconds: Number(seconds ?? 0),
  };
}

/** Signed length of a duration in milliseconds. */
export function isoDurationMs(duration: IsoDuration): number {
  const { negative, days, hours, minutes, seconds } = duration;
  const ms =
    days * MS_PER_DAY + hours * MS_PER_HOUR + minutes * MS_PER_MINUTE + seconds * MS_PER_SECOND;
  return negative && ms !== 0 ? -ms : ms;
}

/**
 * The instant a duration after (or, with a minus, before) `start`. Durations are elapsed time,
 * as the policy schema defines them: P1D is 24 hours even across a clock change, so it is meant
 * for hour-scale urgent work; day-scale deadlines use addWorkingDays or addCalendarDays.
 */
export function addIsoDuration(start: Date, duration: string): Date {
  const result = instantMs(start) + isoDurationMs(parseIsoDuration(duration));
  assertSupportedInstant(result);
  return new Date(result);
}
