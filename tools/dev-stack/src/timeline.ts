import { NATIONS, bankHolidays, type Nation } from '@safeguard/domain';

/**
 * Calendar days for writing a workflow timeline relative to a start the test picks, never to a
 * fixed date: the time-skipping server starts at the real current time and only moves forward,
 * so a spec that sleeps to '2027-01-11' fails for ever once that day has passed.
 *
 * A spec finds its start from the server's clock (`serverToday`), then a shape of the calendar
 * it needs (a plain stretch of weeks, the week of a named bank holiday) and writes every instant
 * as that day plus calendar days, at a London wall-clock time. Working days are never counted
 * here: the specs check the working-day clock, so they must not ask it where things fall.
 *
 * Days are whole Gregorian days (days since 1970-01-01), so arithmetic needs no time zone;
 * London only enters when a day is read at a time of day (`at`).
 */
export class LondonDay {
  private constructor(readonly dayNumber: number) {}

  /** 'YYYY-MM-DD' */
  static of(iso: string): LondonDay {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not a date: ${iso}`);
    return new LondonDay(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
  }

  /** The day an instant falls on in Europe/London. */
  static containing(ms: number): LondonDay {
    return LondonDay.of(londonDateOf(ms));
  }

  get iso(): string {
    return new Date(this.dayNumber * DAY_MS).toISOString().slice(0, 10);
  }

  /** 1 = Monday … 7 = Sunday. */
  get weekday(): number {
    return ((((this.dayNumber + 3) % 7) + 7) % 7) + 1;
  }

  plus(days: number): LondonDay {
    return new LondonDay(this.dayNumber + days);
  }

  /** The first day strictly after this one that falls on the weekday (1 = Monday). */
  next(weekday: number): LondonDay {
    const ahead = (((weekday - this.weekday) % 7) + 7) % 7 || 7;
    return this.plus(ahead);
  }

  /** The London reading 'YYYY-MM-DD HH:MM' for this day at a wall-clock time 'HH:MM'. */
  at(time: string): string {
    if (!/^\d{2}:\d{2}$/.test(time)) throw new Error(`not a time of day: ${time}`);
    return `${this.iso} ${time}`;
  }

  toString(): string {
    return this.iso;
  }
}

export const MONDAY = 1;
export const TUESDAY = 2;
export const WEDNESDAY = 3;
export const THURSDAY = 4;
export const FRIDAY = 5;
export const SATURDAY = 6;
export const SUNDAY = 7;

/**
 * The first Monday after `from` that begins `weeks` whole weeks with no bank holiday (in every
 * UK nation unless only some are given) and no change of the clocks: a stretch where every
 * weekday is a working day and every London hour is the same length, for a timeline that is
 * about neither. No stretch of more than about ten weeks is clear in all three nations at once
 * (Scotland's 2 January to Northern Ireland's 17 March is the longest), so a long timeline names
 * the nation its policy follows.
 */
export function plainWeeks(
  from: LondonDay,
  weeks: number,
  nations: readonly Nation[] = NATIONS,
): LondonDay {
  for (let monday = from.next(MONDAY); ; monday = monday.next(MONDAY)) {
    const last = monday.plus(weeks * 7 - 1);
    const plain =
      holidaysBetween(monday, last, nations).length === 0 && !clocksChangeBetween(monday, last);
    if (plain) return monday;
    if (monday.dayNumber - from.dayNumber > 3 * 366) {
      throw new Error(`no ${weeks} plain weeks within three years of ${from.iso}`);
    }
  }
}

/** The next bank holiday called `name` (as the domain's calendar names it) after `from`. */
export function nextBankHoliday(
  from: LondonDay,
  name: string,
  nation: Nation = 'england-and-wales',
): LondonDay {
  const fromYear = Number(from.iso.slice(0, 4));
  for (let year = fromYear; year <= fromYear + 2; year += 1) {
    for (const holiday of bankHolidays(year, nation)) {
      const day = LondonDay.of(isoOf(holiday.date));
      if (holiday.name === name && day.dayNumber > from.dayNumber) return day;
    }
  }
  throw new Error(`no bank holiday called "${name}" after ${from.iso}`);
}

/** The calendar around a bank holiday that a timeline needs, for `nextLoneBankHoliday`. */
export interface LoneHolidayShape {
  /** Calendar days before and after the holiday that must hold no other bank holiday. */
  before: number;
  after: number;
  /** The holidays expected in that stretch besides it, in days after it (Easter Monday: 3). */
  alongside?: readonly number[];
  /** The weekday it must fall on (a substitute or moved holiday may not). */
  weekday?: number;
  /** No change of the clocks in the stretch either. */
  steadyClocks?: boolean;
  nation?: Nation;
}

/**
 * The next bank holiday called `name` whose whole stretch lies after `from` and has the shape
 * asked for: years when it was moved, or joined by another holiday (the 2012 and 2022
 * jubilees, an Easter late enough to meet the early May holiday), are passed over.
 */
export function nextLoneBankHoliday(
  from: LondonDay,
  name: string,
  shape: LoneHolidayShape,
): LondonDay {
  const { before, after, alongside = [], weekday, steadyClocks = false } = shape;
  const nation = shape.nation ?? 'england-and-wales';
  let holiday = nextBankHoliday(from.plus(before), name, nation);
  for (let year = 0; year < YEARS_TO_SEARCH; year += 1) {
    const [first, last] = [holiday.plus(-before), holiday.plus(after)];
    const found = holidaysBetween(first, last, [nation]).map(String);
    const expected = [0, ...alongside].map((days) => holiday.plus(days).iso);
    const alone = found.sort().join() === expected.sort().join();
    if (
      alone &&
      (weekday === undefined || holiday.weekday === weekday) &&
      !(steadyClocks && clocksChangeBetween(first, last))
    ) {
      return holiday;
    }
    holiday = nextBankHoliday(holiday, name, nation);
  }
  throw new Error(`no ${name} with the shape asked for in ${YEARS_TO_SEARCH} years after ${from}`);
}

/** A calendar shape that holds in no year of ten is a mistake in the test, not bad luck. */
const YEARS_TO_SEARCH = 10;

/** The bank holidays of the nations between two days, both included. */
export function holidaysBetween(
  first: LondonDay,
  last: LondonDay,
  nations: readonly Nation[],
): LondonDay[] {
  const years = new Set([first.iso.slice(0, 4), last.iso.slice(0, 4)].map(Number));
  return [...years]
    .flatMap((year) => nations.flatMap((nation) => bankHolidays(year, nation)))
    .map((holiday) => LondonDay.of(isoOf(holiday.date)))
    .filter((day) => day.dayNumber >= first.dayNumber && day.dayNumber <= last.dayNumber);
}

/** Whether London changes its clocks (GMT ↔ BST) from `first` to `last`, both included. */
export function clocksChangeBetween(first: LondonDay, last: LondonDay): boolean {
  // Noon UTC reads 13:00 in London on a summer-time day.
  const summerTime = (day: LondonDay) => londonHourOf(day.dayNumber * DAY_MS + 12 * HOUR_MS) !== 12;
  const before = summerTime(first.plus(-1));
  for (let day = first; day.dayNumber <= last.dayNumber + 1; day = day.plus(1)) {
    if (summerTime(day) !== before) return true;
  }
  return false;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  hourCycle: 'h23',
});

const londonDateOf = (ms: number) => LONDON_DATE.format(new Date(ms));
const londonHourOf = (ms: number) => Number(LONDON_HOUR.format(new Date(ms)));
const isoOf = ({ year, month, day }: { year: number; month: number; day: number }) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
