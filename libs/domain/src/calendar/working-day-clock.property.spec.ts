import fc from 'fast-check';
import { NATIONS, Nation } from './bank-holidays';
import {
  isPaused,
  pauseClock,
  remainingWorkingTime,
  resumeClock,
  startPausableClock,
} from './pausable-clock';
import { LocalDate, ukInstant, ukLocalDate, ukLocalDateTime } from './uk-time';
import {
  WorkingCalendar,
  addWorkingDays,
  isWorkingDay,
  nextInSendWindow,
  shiftWorkingDays,
  workingDaysBetween,
} from './working-day-clock';
import { addWorkingTime, workingTimeBetween } from './working-time';

const instant = fc.date({
  min: new Date('2019-01-01T00:00:00Z'),
  max: new Date('2035-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const nation = fc.constantFrom(...NATIONS);
const pad = (value: number) => String(value).padStart(2, '0');
const clockTime = (minMinutes: number, maxMinutes: number) =>
  fc
    .integer({ min: minMinutes / 15, max: maxMinutes / 15 })
    .map((quarter) => `${pad(Math.floor((quarter * 15) / 60))}:${pad((quarter * 15) % 60)}`);
const calendar: fc.Arbitrary<WorkingCalendar> = fc.record({
  nation,
  workingDay: fc.record({ start: clockTime(6 * 60, 10 * 60), end: clockTime(15 * 60, 20 * 60) }),
});
const workingDays = fc.integer({ min: 0, max: 40 });

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const localMinutes = (at: Date) => {
  const reading = ukLocalDateTime(at);
  return reading.hour * 60 + reading.minute;
};
const localMsOfDay = (at: Date) => {
  const { hour, minute, second, millisecond } = ukLocalDateTime(at);
  return ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
};
const onWorkingDay = (at: Date, where: Nation) => isWorkingDay(ukLocalDate(at), where);

function nextDate({ year, month, day }: LocalDate): LocalDate {
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** The rule as written, a day at a time: the oracle for the closed-form arithmetic. */
function addWorkingDaysStepByStep(
  start: Date,
  count: number,
  { nation, workingDay }: WorkingCalendar,
) {
  const endMinutes = minutesOf(workingDay.end);
  let date = ukLocalDate(start);
  if (localMsOfDay(start) > endMinutes * 60_000 || !isWorkingDay(date, nation)) {
    do date = nextDate(date);
    while (!isWorkingDay(date, nation));
  }
  for (let counted = 0; counted < count; counted += 1) {
    do date = nextDate(date);
    while (!isWorkingDay(date, nation));
  }
  return ukInstant({ ...date, hour: Math.floor(endMinutes / 60), minute: endMinutes % 60 });
}

function workingDaysBetweenStepByStep(from: Date, to: Date, where: Nation): number {
  const [first, last, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  const lastDate = ukLocalDate(last);
  let date = ukLocalDate(first);
  let count = 0;
  while (
    date.year !== lastDate.year ||
    date.month !== lastDate.month ||
    date.day !== lastDate.day
  ) {
    date = nextDate(date);
    if (isWorkingDay(date, where)) count += 1;
  }
  return count === 0 ? 0 : sign * count;
}

describe('working-day clock properties', () => {
  it('agrees with counting a day at a time', () => {
    fc.assert(
      fc.property(instant, workingDays, calendar, (start, count, cal) => {
        expect(addWorkingDays(start, count, cal)).toEqual(
          addWorkingDaysStepByStep(start, count, cal),
        );
      }),
    );
  });

  it('never falls due on a weekend or bank holiday, and always at the end of the day', () => {
    fc.assert(
      fc.property(instant, workingDays, calendar, (start, count, cal) => {
        const due = addWorkingDays(start, count, cal);
        expect(onWorkingDay(due, cal.nation)).toBe(true);
        expect(localMinutes(due)).toBe(minutesOf(cal.workingDay.end));
        expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
      }),
    );
  });

  it('never falls due on a non-working day or before the start with an explicit time', () => {
    fc.assert(
      fc.property(
        instant,
        workingDays,
        calendar,
        clockTime(0, 23 * 60),
        (start, count, cal, at) => {
          const due = addWorkingDays(start, count, cal, { at });
          expect(onWorkingDay(due, cal.nation)).toBe(true);
          expect(localMinutes(due)).toBe(minutesOf(at));
          expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
        },
      ),
    );
  });

  it('gives more working days a later or equal due date', () => {
    fc.assert(
      fc.property(instant, workingDays, workingDays, calendar, (start, a, b, cal) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(start, more, cal).getTime()).toBeGreaterThanOrEqual(
          addWorkingDays(start, fewer, cal).getTime(),
        );
      }),
    );
  });

  it('gives a later start a later or equal due date', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        workingDays,
        calendar,
        fc.option(clockTime(0, 23 * 60), { nil: undefined }),
        (start, delayMs, count, cal, at) => {
          const later = new Date(start.getTime() + delayMs);
          expect(addWorkingDays(later, count, cal, { at }).getTime()).toBeGreaterThanOrEqual(
            addWorkingDays(start, count, cal, { at }).getTime(),
          );
        },
      ),
    );
  });

  it('returns to a working day at the same local time after shifting +N then −N', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), nation, (start, count, where) => {
        const there = shiftWorkingDays(start, count, where);
        const back = shiftWorkingDays(there, -count, where);
        expect(onWorkingDay(there, where)).toBe(true);
        expect(onWorkingDay(back, where)).toBe(true);
        expect(localMsOfDay(back)).toBe(localMsOfDay(start));
        if (onWorkingDay(start, where)) expect(back).toEqual(start);
      }),
    );
  });

  it('shifts by exactly the working days it reports between', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -40, max: 40 }), nation, (start, count, where) => {
        fc.pre(onWorkingDay(start, where));
        expect(workingDaysBetween(start, shiftWorkingDays(start, count, where), where)).toBe(count);
      }),
    );
  });

  it('counts working days between two instants as a day-by-day count does', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: -60 * 86_400_000, max: 60 * 86_400_000 }),
        nation,
        (from, spanMs, where) => {
          const to = new Date(from.getTime() + spanMs);
          expect(workingDaysBetween(from, to, where)).toBe(
            workingDaysBetweenStepByStep(from, to, where),
          );
        },
      ),
    );
  });

  it('sends inside the window, never earlier than asked, and at the first chance', () => {
    fc.assert(
      fc.property(instant, calendar, (at, { nation: where, workingDay: window }) => {
        const sent = nextInSendWindow(at, where, window);
        const minutes = localMinutes(sent);
        expect(sent.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(onWorkingDay(sent, where)).toBe(true);
        expect(minutes).toBeGreaterThanOrEqual(minutesOf(window.start));
        expect(localMsOfDay(sent)).toBeLessThanOrEqual(minutesOf(window.end) * 60_000);
        if (sent.getTime() !== at.getTime()) expect(minutes).toBe(minutesOf(window.start));
      }),
    );
  });
});

describe('pausable clock properties', () => {
  const due = fc.tuple(instant, workingDays, calendar).map(([start, count, cal]) => ({
    cal,
    due: addWorkingDays(start, count, cal),
  }));

  it('changes nothing for a pause of zero length', () => {
    fc.assert(
      fc.property(due, instant, ({ cal, due: deadline }, at) => {
        const clock = startPausableClock(deadline, cal);
        const resumed = resumeClock(pauseClock(clock, at, 'checking'), at);
        expect(resumed.due).toEqual(clock.due);
        expect(remainingWorkingTime(resumed, at)).toBe(remainingWorkingTime(clock, at));
        expect(isPaused(resumed)).toBe(false);
      }),
    );
  });

  it('preserves the remaining working time exactly across any pause', () => {
    fc.assert(
      fc.property(
        due,
        instant,
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        ({ cal, due: deadline }, pausedAt, lengthMs) => {
          const resumedAt = new Date(pausedAt.getTime() + lengthMs);
          const paused = pauseClock(startPausableClock(deadline, cal), pausedAt, 'police');
          const resumed = resumeClock(paused, resumedAt);
          expect(remainingWorkingTime(resumed, resumedAt)).toBe(
            remainingWorkingTime(paused, pausedAt),
          );
          expect(resumed.due.getTime()).toBeGreaterThanOrEqual(deadline.getTime());
          if (workingTimeBetween(pausedAt, resumedAt, cal) === 0) {
            expect(resumed.due).toEqual(deadline);
          }
        },
      ),
    );
  });

  it('adds working time that is then measured back exactly', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 40 * 12 * 3_600_000 }),
        calendar,
        (from, workingMs, cal) => {
          expect(workingTimeBetween(from, addWorkingTime(from, workingMs, cal), cal)).toBe(
            workingMs,
          );
        },
      ),
    );
  });
});
