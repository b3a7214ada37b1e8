/**
 * Europe/London civil time by arithmetic alone. Workflow code runs in Temporal's deterministic
 * sandbox and due dates are computed on a hot path, so neither Intl nor a time zone database is
 * an option. The current rule (since 1996) is applied to every supported year: BST (UTC+1) from
 * 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October, GMT otherwise.
 *
 * Days are numbered from 1970-01-01 (day 0) so that date arithmetic is integer arithmetic, and a
 * "wall-clock millisecond" is dayNumber * MS_PER_DAY + milliseconds since local midnight.
 */

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Bounded so that a runaway offset fails loudly instead of computing centuries of holidays. */
export const FIRST_SUPPORTED_YEAR = 1970;
export const LAST_SUPPORTED_YEAR = 2199;

/** A date on the UK wall calendar; month and day are 1-based. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A UK wall-clock reading. */
export interface LocalDateTime extends LocalDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/** Parts of a wall-clock reading to resolve to an instant; omitted time fields are zero. */
export interface LocalDateTimeInput extends LocalDate {
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  readonly millisecond?: number;
}

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar, no loops.
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDayNumber(dayNumber: number): LocalDate {
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchBasedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * marchBasedMonth + 2) / 5) + 1;
  const month = marchBasedMonth < 10 ? marchBasedMonth + 3 : marchBasedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const DAY_NUMBER_OF_FIRST_SUPPORTED_YEAR = dayNumberFromParts(FIRST_SUPPORTED_YEAR, 1, 1);
const YEAR_STARTS: readonly number[] = Array.from(
  { length: LAST_SUPPORTED_YEAR - FIRST_SUPPORTED_YEAR + 2 },
  (_, offset) => dayNumberFromParts(FIRST_SUPPORTED_YEAR + offset, 1, 1),
);

/** The year containing a day number; throws outside the supported years. */
export function yearOfDayNumber(dayNumber: number): number {
  // Estimate by the mean Gregorian year, then correct by at most one year using the table.
  const index = Math.floor((dayNumber - DAY_NUMBER_OF_FIRST_SUPPORTED_YEAR) / 365.2425);
  if (!(index >= 0 && index < YEAR_STARTS.length - 1)) throw outOfRange(dayNumber);
  if (dayNumber < YEAR_STARTS[index]) {
    if (index === 0) throw outOfRange(dayNumber);
    return FIRST_SUPPORTED_YEAR + index - 1;
  }
  if (dayNumber >= YEAR_STARTS[index + 1]) {
    if (index + 1 === YEAR_STARTS.length - 1) throw outOfRange(dayNumber);
    return FIRST_SUPPORTED_YEAR + index + 1;
  }
  return FIRST_SUPPORTED_YEAR + index;
}

function outOfRange(dayNumber: number): RangeError {
  const described = Number.isFinite(dayNumber)
    ? `${formatLocalDate(civilFromDayNumber(dayNumber))} is`
    : 'the date is not a number and so';
  return new RangeError(
    `UK calendar: ${described} outside the supported years ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}.`,
  );
}

export function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `UK calendar: year ${year} is outside the supported years ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}.`,
    );
  }
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number (days since 1970-01-01) of a UK calendar date; rejects dates that do not exist. */
export function dayNumberOf(date: LocalDate): number {
  const { year, month, day } = date;
  assertSupportedYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`UK calendar: month ${month} is not between 1 and 12.`);
  }
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`UK calendar: ${year}-${month}-${day} is not a date.`);
  }
  return dayNumberFromParts(year, month, day);
}

/** The UK calendar date of a day number. */
export function localDateOf(dayNumber: number): LocalDate {
  if (!Number.isInteger(dayNumber)) {
    throw new RangeError(`UK calendar: day number ${dayNumber} is not a whole number.`);
  }
  yearOfDayNumber(dayNumber);
  return civilFromDayNumber(dayNumber);
}

/** ISO weekday: Monday 1 … Sunday 7. Day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function formatLocalDate(date: LocalDate): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

function lastSundayOf(year: number, month: number): number {
  const lastDay = dayNumberFromParts(year, month, daysInMonth(year, month));
  return lastDay - (isoWeekday(lastDay) % 7);
}

const SUMMER_TIME_STARTS: readonly number[] = YEAR_STARTS.map(
  (_, offset) => lastSundayOf(FIRST_SUPPORTED_YEAR + offset, 3) * MS_PER_DAY + MS_PER_HOUR,
);
const SUMMER_TIME_ENDS: readonly number[] = YEAR_STARTS.map(
  (_, offset) => lastSundayOf(FIRST_SUPPORTED_YEAR + offset, 10) * MS_PER_DAY + MS_PER_HOUR,
);

/** UK wall-clock milliseconds for a UTC instant in epoch milliseconds. */
export function wallClockFromUtc(utcMs: number): number {
  const index = yearOfDayNumber(Math.floor(utcMs / MS_PER_DAY)) - FIRST_SUPPORTED_YEAR;
  return utcMs >= SUMMER_TIME_STARTS[index] && utcMs < SUMMER_TIME_ENDS[index]
    ? utcMs + MS_PER_HOUR
    : utcMs;
}

/**
 * The UTC instant (epoch ms) of a UK wall-clock reading. The two readings that are not one-to-one
 * are resolved the way most calendar software does ("compatible" disambiguation):
 * - in the spring gap (01:00–01:59 on the last Sunday of March does not exist) the reading is
 *   taken with the GMT offset in force before the gap, so 01:30 becomes 01:30Z = 02:30 BST;
 * - in the autumn overlap (01:00–01:59 on the last Sunday of October happens twice) the first,
 *   BST, occurrence is chosen, so 01:30 becomes 00:30Z.
 * Working days are never Sundays, so neither case arises for working-day deadlines.
 */
export function utcFromWallClock(wallMs: number): number {
  const index = yearOfDayNumber(Math.floor(wallMs / MS_PER_DAY)) - FIRST_SUPPORTED_YEAR;
  // In wall-clock terms BST runs from 02:00 on the March change day to 02:00 on the October one.
  return wallMs >= SUMMER_TIME_STARTS[index] + MS_PER_HOUR &&
    wallMs < SUMMER_TIME_ENDS[index] + MS_PER_HOUR
    ? wallMs - MS_PER_HOUR
    : wallMs;
}

/** Throws unless an instant (epoch ms) falls in the supported years. */
export function assertSupportedInstant(utcMs: number): void {
  yearOfDayNumber(Math.floor(utcMs / MS_PER_DAY));
}

/** Epoch milliseconds of a Date, refusing invalid dates so they cannot poison arithmetic. */
export function instantMs(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError('UK calendar: expected a valid Date.');
  return ms;
}

/** Minutes the UK is ahead of UTC at an instant: 60 in BST, 0 in GMT. */
export function ukUtcOffsetMinutes(instant: Date): number {
  const utcMs = instantMs(instant);
  return (wallClockFromUtc(utcMs) - utcMs) / MS_PER_MINUTE;
}

/** The UK calendar date at an instant. */
export function ukLocalDate(instant: Date): LocalDate {
  return civilFromDayNumber(Math.floor(wallClockFromUtc(instantMs(instant)) / MS_PER_DAY));
}

/** The UK wall-clock reading at an instant. */
export function ukLocalDateTime(instant: Date): LocalDateTime {
  const wallMs = wallClockFromUtc(instantMs(instant));
  const dayNumber = Math.floor(wallMs / MS_PER_DAY);
  const msOfDay = wallMs - dayNumber * MS_PER_DAY;
  return {
    ...civilFromDayNumber(dayNumber),
    hour: Math.floor(msOfDay / MS_PER_HOUR),
    minute: Math.floor((msOfDay % MS_PER_HOUR) / MS_PER_MINUTE),
    second: Math.floor((msOfDay % MS_PER_MINUTE) / MS_PER_SECOND),
    millisecond: msOfDay % MS_PER_SECOND,
  };
}

/**
 * The instant of a UK wall-clock reading; the spring gap resolves forward and the autumn overlap
 * to its first (BST) occurrence, as described at utcFromWallClock.
 */
export function ukInstant(reading: LocalDateTimeInput): Date {
  const { hour = 0, minute = 0, second = 0, millisecond = 0 } = reading;
  assertTimeField('hour', hour, 23);
  assertTimeField('minute', minute, 59);
  assertTimeField('second', second, 59);
  assertTimeField('millisecond', millisecond, 999);
  const msOfDay = hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND;
  return new Date(utcFromWallClock(dayNumberOf(reading) * MS_PER_DAY + msOfDay + millisecond));
}

function assertTimeField(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`UK calendar: ${name} ${value} is not between 0 and ${max}.`);
  }
}

const DIGIT_ZERO = 48;

function digitAt(text: string, index: number): number {
  const digit = text.charCodeAt(index) - DIGIT_ZERO;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
}

/**
 * Milliseconds after local midnight of an 'HH:MM' time (00:00–23:59). Parsed by hand rather than
 * by regular expression because calendars pass their times on every call of the hot path.
 */
export function parseClockTime(text: string): number {
  if (typeof text === 'string' && text.length === 5 && text.charCodeAt(2) === 58) {
    const hour = digitAt(text, 0) * 10 + digitAt(text, 1);
    const minute = digitAt(text, 3) * 10 + digitAt(text, 4);
    if (hour <= 23 && minute <= 59) return hour * MS_PER_HOUR + minute * MS_PER_MINUTE;
  }
  throw new RangeError(`UK calendar: time "${text}" is not a 24-hour HH:MM time (00:00–23:59).`);
}
