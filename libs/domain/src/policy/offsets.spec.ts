import { compareAmounts } from './offsets';

describe('ordering offsets', () => {
  it('compares within a unit', () => {
    expect(compareAmounts({ workingDays: -5 }, { workingDays: 0 })).toBe(-1);
    expect(compareAmounts({ duration: 'PT4H' }, { duration: 'PT30M' })).toBe(1);
    expect(compareAmounts({ calendarDays: 3 }, { calendarDays: 3 })).toBe(0);
  });

  it('compares across units only when the due date lies between them', () => {
    expect(compareAmounts({ duration: '-PT2H' }, { workingDays: 0 })).toBe(-1);
    expect(compareAmounts({ workingDays: 0 }, { duration: 'PT0S' })).toBe(0);
    expect(compareAmounts({ calendarDays: 1 }, { workingDays: -1 })).toBe(1);
    expect(compareAmounts({ workingDays: 1 }, { calendarDays: 2 })).toBeUndefined();
    expect(compareAmounts({ workingDays: 1 }, { duration: 'PT4H' })).toBeUndefined();
  });
});
