import {
  PausableClock,
  isPaused,
  pauseClock,
  projectedDue,
  remainingWorkingTime,
  resumeClock,
  startPausableClock,
} from './pausable-clock';
import { ukInstant } from './uk-time';
import { workingCalendar } from './working-day-clock';

const calendar = workingCalendar('england-and-wales');
const HOUR = 3_600_000;

function london(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return ukInstant({ year, month, day, hour, minute });
}

const dueTuesday = () => startPausableClock(london('2026-11-03', '17:30'), calendar);

describe('pausable clock', () => {
  it('runs to its due date until paused', () => {
    const clock = dueTuesday();
    expect(isPaused(clock)).toBe(false);
    expect(clock.due).toEqual(london('2026-11-03', '17:30'));
    expect(remainingWorkingTime(clock, london('2026-11-02', '12:00'))).toBe(14.5 * HOUR);
    expect(clock.pauses).toEqual([]);
  });

  it('pushes the due date back by the working time spent paused', () => {
    const paused = pauseClock(dueTuesday(), london('2026-11-02', '12:00'), 'police investigation');
    expect(isPaused(paused)).toBe(true);
    const resumed = resumeClock(paused, london('2026-11-05', '12:00'));
    expect(resumed.due).toEqual(london('2026-11-06', '17:30'));
    expect(remainingWorkingTime(resumed, london('2026-11-05', '12:00'))).toBe(14.5 * HOUR);
    expect(resumed.pauses).toEqual([
      {
        start: london('2026-11-02', '12:00'),
        end: london('2026-11-05', '12:00'),
        reason: 'police investigation',
      },
    ]);
  });

  it('freezes the remaining working time while paused', () => {
    const paused = pauseClock(dueTuesday(), london('2026-11-02', '12:00'), 'police investigation');
    expect(remainingWorkingTime(paused, london('2026-11-02', '12:00'))).toBe(14.5 * HOUR);
    expect(remainingWorkingTime(paused, london('2026-11-20', '12:00'))).toBe(14.5 * HOUR);
    expect(projectedDue(paused, london('2026-11-03', '12:00'))).toEqual(
      london('2026-11-04', '17:30'),
    );
  });

  it('can move the due date to mid-day when the pause covers part of a working day', () => {
    const paused = pauseClock(dueTuesday(), london('2026-11-02', '10:00'), 'adult in hospital');
    expect(resumeClock(paused, london('2026-11-02', '14:00')).due).toEqual(
      london('2026-11-04', '12:30'),
    );
  });

  it('leaves the due date alone when the pause spans no working time', () => {
    const clock = dueTuesday();
    const zero = resumeClock(
      pauseClock(clock, london('2026-11-02', '12:00'), 'mistake'),
      london('2026-11-02', '12:00'),
    );
    expect(zero.due).toEqual(clock.due);
    expect(zero.pauses).toHaveLength(1);
    const overnight = resumeClock(
      pauseClock(clock, london('2026-11-02', '18:00'), 'overnight'),
      london('2026-11-03', '08:00'),
    );
    expect(overnight.due).toEqual(clock.due);
  });

  it('keeps every pause for the chronology and extends the deadline for each', () => {
    let clock: PausableClock = dueTuesday();
    clock = pauseClock(clock, london('2026-11-02', '09:00'), 'police investigation');
    clock = resumeClock(clock, london('2026-11-03', '09:00'));
    clock = pauseClock(clock, london('2026-11-04', '09:00'), 'adult unavailable');
    clock = resumeClock(clock, london('2026-11-05', '09:00'));
    expect(clock.due).toEqual(london('2026-11-05', '17:30'));
    expect(clock.pauses.map((pause) => pause.reason)).toEqual([
      'police investigation',
      'adult unavailable',
    ]);
  });

  it('is an immutable value', () => {
    const clock = dueTuesday();
    const paused = pauseClock(clock, london('2026-11-02', '12:00'), 'police investigation');
    expect(clock.pauses).toEqual([]);
    expect(Object.isFrozen(paused)).toBe(true);
    expect(Object.isFrozen(paused.pauses)).toBe(true);
    expect(Object.isFrozen(paused.pauses[0])).toBe(true);
  });

  it('refuses to pause twice, to resume while running, or to go back in time', () => {
    const clock = dueTuesday();
    const paused = pauseClock(clock, london('2026-11-02', '12:00'), 'police investigation');
    expect(() => pauseClock(paused, london('2026-11-02', '13:00'), 'again')).toThrow(
      'Cannot pause the clock: it has been paused since 2026-11-02T12:00:00.000Z (police investigation); resume it first.',
    );
    expect(() => resumeClock(clock, london('2026-11-02', '13:00'))).toThrow(
      'Cannot resume the clock: it is running, not paused.',
    );
    expect(() => resumeClock(paused, london('2026-11-02', '11:00'))).toThrow(
      'it was only paused at',
    );
    const resumed = resumeClock(paused, london('2026-11-02', '15:00'));
    expect(() => pauseClock(resumed, london('2026-11-02', '14:00'), 'late entry')).toThrow(
      'the previous pause only ended at',
    );
    expect(() => pauseClock(clock, london('2026-11-02', '12:00'), '  ')).toThrow(
      'without a reason',
    );
  });
});
