import { formatReference } from './reference';

describe('references', () => {
  it('pads the sequence to six digits after the prefix and year', () => {
    expect(formatReference('ACT', 2026, 42)).toBe('ACT-2026-000042');
    expect(formatReference('ACT', 2027, 1234567)).toBe('ACT-2027-1234567');
  });
});
