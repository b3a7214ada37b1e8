import { z } from 'zod';
import { CLOCK_PATTERN } from './clock';
import { isoDurationToMilliseconds } from './iso-duration';
import { saying, strictObject, unionSaying, wholeNumber } from './schema-helpers';

/** A year either way: anything longer is almost certainly a typing slip. */
export const MAX_DAYS = 365;
const MAX_DURATION_MS = MAX_DAYS * 24 * 60 * 60 * 1000;

const CLOCK_MESSAGE = 'must be a 24-hour local time HH:MM, such as 08:30 or 17:30';

export const clockSchema = z.string(saying(CLOCK_MESSAGE)).regex(CLOCK_PATTERN, CLOCK_MESSAGE);

function isoDuration(signed: boolean) {
  const format = signed
    ? 'must be an ISO 8601 duration such as PT4H, PT30M, P2D or -PT2H (days, hours, minutes, seconds)'
    : 'must be an ISO 8601 duration such as PT4H, PT30M or P2D (days, hours, minutes, seconds)';
  return z.string(saying(format)).superRefine((text, ctx) => {
    const ms = isoDurationToMilliseconds(text);
    if (ms === undefined || (!signed && text.startsWith('-'))) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: format });
    } else if (Math.abs(ms) > MAX_DURATION_MS) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be at most ${MAX_DAYS} days` });
    }
  });
}

const TIMESCALE_KEYS_MESSAGE =
  'unknown property: a timescale has exactly one of workingDays, calendarDays or duration, and optionally at';

/**
 * How long a stage has. Working and calendar days are due at the end of the working day
 * (workingDay.end) unless `at` names a local time; a calendar-day due date that falls on a
 * non-working day is meant to be brought forward, so "within 6 weeks" still holds. A duration
 * runs in elapsed time from the start of the stage, for hour-scale urgent work.
 */
export const timescaleSchema = z.union(
  [
    strictObject(
      { workingDays: wholeNumber(0, MAX_DAYS, 'working days'), at: clockSchema.optional() },
      TIMESCALE_KEYS_MESSAGE,
    ),
    strictObject(
      { calendarDays: wholeNumber(0, MAX_DAYS, 'calendar days'), at: clockSchema.optional() },
      TIMESCALE_KEYS_MESSAGE,
    ),
    strictObject({ duration: isoDuration(false) }, TIMESCALE_KEYS_MESSAGE),
  ],
  unionSaying(
    'must be a timescale: { "workingDays": 5 }, { "calendarDays": 42 } or { "duration": "PT4H" }',
  ),
);

const OFFSET_KEYS_MESSAGE =
  'unknown property: an offset has exactly one of workingDays, calendarDays or duration';

/**
 * When a reminder, chase or escalation happens relative to the due date. Day offsets name a day
 * relative to the due day (-5 = five working days before, 0 = the due day itself, 1 = the next
 * working day) and are sent when that day's send window opens; durations are exact elapsed time
 * from the due instant (-PT2H = two hours before).
 */
export const offsetSchema = z.union(
  [
    strictObject(
      { workingDays: wholeNumber(-MAX_DAYS, MAX_DAYS, 'working days') },
      OFFSET_KEYS_MESSAGE,
    ),
    strictObject(
      { calendarDays: wholeNumber(-MAX_DAYS, MAX_DAYS, 'calendar days') },
      OFFSET_KEYS_MESSAGE,
    ),
    strictObject({ duration: isoDuration(true) }, OFFSET_KEYS_MESSAGE),
  ],
  unionSaying(
    'must be an offset from the due date: { "workingDays": -5 }, { "calendarDays": 1 } or { "duration": "-PT2H" }',
  ),
);

export type Timescale = z.infer<typeof timescaleSchema>;
export type Offset = z.infer<typeof offsetSchema>;
