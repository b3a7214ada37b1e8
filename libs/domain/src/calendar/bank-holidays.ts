import {
  LocalDate,
  assertSupportedYear,
  dayNumberFromParts,
  dayNumberOf,
  daysInMonth,
  isoWeekday,
  localDateOf,
  yearOfDayNumber,
} from './uk-time';

/** Bank holidays differ by nation; a partnership takes those of the nation it works in. */
export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export interface BankHoliday {
  readonly date: LocalDate;
  readonly name: string;
}

type MovableHoliday = 'early-may' | 'spring';

/** A date-based holiday; when it falls on a weekend (or on another holiday) a substitute is given. */
interface FixedDateHoliday {
  readonly name: string;
  readonly month: number;
  readonly day: number;
}

/** A holiday defined to fall on a weekday, so never substituted. */
interface WeekdayHoliday {
  readonly name: string;
  readonly key?: MovableHoliday;
  readonly dayNumberIn: (year: number) => number;
}

interface NationRules {
  readonly fixedDate: readonly FixedDateHoliday[];
  readonly weekday: readonly WeekdayHoliday[];
}

/**
 * Royal and state occasions decided by proclamation, which no rule can predict. Applies to every
 * nation unless `nations` says otherwise; add new proclamations here.
 */
interface OneOffChange {
  readonly year: number;
  readonly nations?: readonly Nation[];
  readonly moves?: {
    readonly holiday: MovableHoliday;
    readonly to: MonthDay;
    readonly name?: string;
  };
  readonly additions?: readonly (MonthDay & { readonly name: string })[];
}

interface MonthDay {
  readonly month: number;
  readonly day: number;
}

const ONE_OFF_CHANGES: readonly OneOffChange[] = [
  { year: 2011, additions: [{ month: 4, day: 29, name: 'Royal wedding' }] },
  {
    year: 2012,
    moves: { holiday: 'spring', to: { month: 6, day: 4 } },
    additions: [{ month: 6, day: 5, name: 'Queen’s Diamond Jubilee' }],
  },
  {
    year: 2020,
    moves: {
      holiday: 'early-may',
      to: { month: 5, day: 8 },
      name: 'Early May bank holiday (VE day)',
    },
  },
  {
    year: 2022,
    moves: { holiday: 'spring', to: { month: 6, day: 2 } },
    additions: [
      { month: 6, day: 3, name: 'Platinum Jubilee bank holiday' },
      { month: 9, day: 19, name: 'Bank holiday for the State Funeral of Queen Elizabeth II' },
    ],
  },
  {
    year: 2023,
    additions: [{ month: 5, day: 8, name: 'Bank holiday for the coronation of King Charles III' }],
  },
  // Proclaimed after Scotland qualified for the 2026 FIFA World Cup; listed on gov.uk.
  {
    year: 2026,
    nations: ['scotland'],
    additions: [{ month: 6, day: 15, name: 'World Cup bank holiday' }],
  },
];

/** Easter Sunday by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm. */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const monthAndDay = h + l - 7 * m + 114;
  return { year, month: Math.floor(monthAndDay / 31), day: (monthAndDay % 31) + 1 };
}

function easterSundayDayNumber(year: number): number {
  const { month, day } = easterSunday(year);
  return dayNumberFromParts(year, month, day);
}

function firstMondayOf(year: number, month: number): number {
  const first = dayNumberFromParts(year, month, 1);
  return first + ((8 - isoWeekday(first)) % 7);
}

function lastMondayOf(year: number, month: number): number {
  const last = dayNumberFromParts(year, month, daysInMonth(year, month));
  return last - ((isoWeekday(last) + 6) % 7);
}

const NEW_YEARS_DAY: FixedDateHoliday = { name: 'New Year’s Day', month: 1, day: 1 };
const SECOND_JANUARY: FixedDateHoliday = { name: '2nd January', month: 1, day: 2 };
const ST_PATRICKS_DAY: FixedDateHoliday = { name: 'St Patrick’s Day', month: 3, day: 17 };
const BATTLE_OF_THE_BOYNE: FixedDateHoliday = {
  name: 'Battle of the Boyne (Orangemen’s Day)',
  month: 7,
  day: 12,
};
const ST_ANDREWS_DAY: FixedDateHoliday = { name: 'St Andrew’s Day', month: 11, day: 30 };
const CHRISTMAS_DAY: FixedDateHoliday = { name: 'Christmas Day', month: 12, day: 25 };
const BOXING_DAY: FixedDateHoliday = { name: 'Boxing Day', month: 12, day: 26 };

const GOOD_FRIDAY: WeekdayHoliday = {
  name: 'Good Friday',
  dayNumberIn: (year) => easterSundayDayNumber(year) - 2,
};
const EASTER_MONDAY: WeekdayHoliday = {
  name: 'Easter Monday',
  dayNumberIn: (year) => easterSundayDayNumber(year) + 1,
};
const EARLY_MAY: WeekdayHoliday = {
  name: 'Early May bank holiday',
  key: 'early-may',
  dayNumberIn: (year) => firstMondayOf(year, 5),
};
const SPRING: WeekdayHoliday = {
  name: 'Spring bank holiday',
  key: 'spring',
  dayNumberIn: (year) => lastMondayOf(year, 5),
};
const SUMMER_LAST_MONDAY_OF_AUGUST: WeekdayHoliday = {
  name: 'Summer bank holiday',
  dayNumberIn: (year) => lastMondayOf(year, 8),
};
const SUMMER_FIRST_MONDAY_OF_AUGUST: WeekdayHoliday = {
  name: 'Summer bank holiday',
  dayNumberIn: (year) => firstMondayOf(year, 8),
};

const ENGLAND_AND_WALES: NationRules = {
  fixedDate: [NEW_YEARS_DAY, CHRISTMAS_DAY, BOXING_DAY],
  weekday: [GOOD_FRIDAY, EASTER_MONDAY, EARLY_MAY, SPRING, SUMMER_LAST_MONDAY_OF_AUGUST],
};

const RULES: Readonly<Record<Nation, NationRules>> = {
  'england-and-wales': ENGLAND_AND_WALES,
  scotland: {
    fixedDate: [NEW_YEARS_DAY, SECOND_JANUARY, ST_ANDREWS_DAY, CHRISTMAS_DAY, BOXING_DAY],
    weekday: [GOOD_FRIDAY, EARLY_MAY, SPRING, SUMMER_FIRST_MONDAY_OF_AUGUST],
  },
  'northern-ireland': {
    fixedDate: [NEW_YEARS_DAY, ST_PATRICKS_DAY, BATTLE_OF_THE_BOYNE, CHRISTMAS_DAY, BOXING_DAY],
    weekday: ENGLAND_AND_WALES.weekday,
  },
};

interface ObservedHoliday {
  readonly dayNumber: number;
  readonly name: string;
}

const isWeekend = (dayNumber: number) => isoWeekday(dayNumber) >= 6;

function computeBankHolidays(year: number, nation: Nation): ObservedHoliday[] {
  const rules = RULES[nation];
  const changes = ONE_OFF_CHANGES.filter(
    (change) => change.year === year && (change.nations?.includes(nation) ?? true),
  );
  const observed: ObservedHoliday[] = [];
  const taken = new Set<number>();
  const observe = (dayNumber: number, name: string) => {
    observed.push({ dayNumber, name });
    taken.add(dayNumber);
  };

  for (const holiday of rules.weekday) {
    const move = changes.find((change) => change.moves?.holiday === holiday.key)?.moves;
    if (holiday.key !== undefined && move !== undefined) {
      observe(dayNumberFromParts(year, move.to.month, move.to.day), move.name ?? holiday.name);
    } else {
      observe(holiday.dayNumberIn(year), holiday.name);
    }
  }
  for (const change of changes) {
    for (const addition of change.additions ?? []) {
      observe(dayNumberFromParts(year, addition.month, addition.day), addition.name);
    }
  }

  // Holidays falling on a free weekday keep their date first, so that a substitute never takes
  // it: with Christmas on a Sunday, Boxing Day stays Monday 26 and Christmas moves to Tuesday 27.
  const needSubstitute: { dayNumber: number; name: string }[] = [];
  for (const holiday of rules.fixedDate) {
    const dayNumber = dayNumberFromParts(year, holiday.month, holiday.day);
    if (isWeekend(dayNumber) || taken.has(dayNumber)) {
      needSubstitute.push({ dayNumber, name: holiday.name });
    } else {
      observe(dayNumber, holiday.name);
    }
  }
  for (const { dayNumber, name } of needSubstitute) {
    let substitute = dayNumber + 1;
    while (isWeekend(substitute) || taken.has(substitute)) substitute += 1;
    observe(substitute, `${name} (substitute day)`);
  }

  return observed.sort((a, b) => a.dayNumber - b.dayNumber);
}

/**
 * Bank holidays of one nation, computed a year at a time on first use and kept for the life of the
 * process. The covered years are contiguous so that coverage is two comparisons on the hot path.
 */
class BankHolidayIndex {
  private firstYear = 0;
  private lastYear = -1;
  private coveredFrom = 0;
  private coveredUntil = 0;
  private readonly dayNumbers = new Set<number>();
  private sortedDayNumbers: number[] = [];
  private readonly byYear = new Map<number, readonly BankHoliday[]>();

  constructor(private readonly nation: Nation) {}

  has(dayNumber: number): boolean {
    if (dayNumber < this.coveredFrom || dayNumber >= this.coveredUntil) this.cover(dayNumber);
    return this.dayNumbers.has(dayNumber);
  }

  /** How many bank holidays fall on days after `afterDay` up to and including `throughDay`. */
  countBetween(afterDay: number, throughDay: number): number {
    if (throughDay <= afterDay) return 0;
    if (afterDay + 1 < this.coveredFrom || afterDay + 1 >= this.coveredUntil) {
      this.cover(afterDay + 1);
    }
    if (throughDay < this.coveredFrom || throughDay >= this.coveredUntil) this.cover(throughDay);
    return (
      countAtMost(this.sortedDayNumbers, throughDay) - countAtMost(this.sortedDayNumbers, afterDay)
    );
  }

  inYear(year: number): readonly BankHoliday[] {
    if (!this.byYear.has(year)) this.cover(dayNumberFromParts(year, 7, 1));
    return this.byYear.get(year) ?? [];
  }

  private cover(dayNumber: number): void {
    const year = yearOfDayNumber(dayNumber);
    if (this.lastYear < this.firstYear) {
      this.firstYear = year;
      this.lastYear = year - 1;
    }
    while (year < this.firstYear) this.addYear((this.firstYear -= 1));
    while (year > this.lastYear) this.addYear((this.lastYear += 1));
    this.coveredFrom = dayNumberFromParts(this.firstYear, 1, 1);
    this.coveredUntil = dayNumberFromParts(this.lastYear + 1, 1, 1);
    this.sortedDayNumbers = [...this.dayNumbers].sort((a, b) => a - b);
  }

  private addYear(year: number): void {
    const holidays = computeBankHolidays(year, this.nation);
    for (const { dayNumber } of holidays) this.dayNumbers.add(dayNumber);
    this.byYear.set(
      year,
      Object.freeze(
        holidays.map(({ dayNumber, name }) =>
          Object.freeze({ date: Object.freeze(localDateOf(dayNumber)), name }),
        ),
      ),
    );
  }
}

function countAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const INDEXES: Readonly<Record<Nation, BankHolidayIndex>> = {
  'england-and-wales': new BankHolidayIndex('england-and-wales'),
  scotland: new BankHolidayIndex('scotland'),
  'northern-ireland': new BankHolidayIndex('northern-ireland'),
};

export function bankHolidayIndex(nation: Nation): BankHolidayIndex {
  const index = INDEXES[nation];
  if (index === undefined) {
    throw new RangeError(
      `UK calendar: unknown nation "${nation}"; expected ${NATIONS.join(', ')}.`,
    );
  }
  return index;
}

/** The bank holidays of a nation in a year, in date order, substitute days included. */
export function bankHolidays(year: number, nation: Nation): readonly BankHoliday[] {
  assertSupportedYear(year);
  return bankHolidayIndex(nation).inYear(year);
}

/** Whether a UK calendar date is a bank holiday (a substitute day counts) in a nation. */
export function isBankHoliday(date: LocalDate, nation: Nation): boolean {
  return bankHolidayIndex(nation).has(dayNumberOf(date));
}
