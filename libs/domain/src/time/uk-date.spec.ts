import { ukLocalDate } from '../calendar';
import { formatUkDateTime } from './uk-date';

describe('UK date formatting', () => {
  it('shows winter instants in GMT', () => {
    expect(formatUkDateTime(new Date('2026-12-01T17:30:00Z'))).toBe('Tue 1 December 2026, 17:30');
  });

  it('shows summer instants in BST', () => {
    expect(formatUkDateTime(new Date('2026-07-01T16:30:00Z'))).toBe('Wed 1 July 2026, 17:30');
  });

  it('takes the year (for references) in UK local time, not UTC', () => {
    expect(ukLocalDate(new Date('2026-12-31T23:30:00Z')).year).toBe(2026);
    expect(ukLocalDate(new Date('2027-06-30T23:30:00Z')).year).toBe(2027);
  });
});
