import { ValidationError } from '@nestjs/common';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from '@safeguard/domain';
import { validateSync } from 'class-validator';
import { fieldProblems, IsInstant, IsLocalDate } from './validation';

describe('fieldProblems', () => {
  it('names nested fields with dotted paths, one entry per broken rule', () => {
    const child: ValidationError = {
      property: 'dueAt',
      constraints: { isIso8601: 'dueAt must be a valid ISO 8601 date string' },
      children: [],
    };
    const errors: ValidationError[] = [
      {
        property: 'title',
        constraints: { isNotEmpty: 'title should not be empty', maxLength: 'title is too long' },
      },
      { property: 'actions', children: [{ property: '0', children: [child] }] },
    ];
    expect(fieldProblems(errors)).toEqual([
      { field: 'title', message: 'title should not be empty' },
      { field: 'title', message: 'title is too long' },
      { field: 'actions.0.dueAt', message: 'dueAt must be a valid ISO 8601 date string' },
    ]);
  });
});

class Dated {
  @IsInstant()
  at: string;

  @IsLocalDate()
  on: string;
}

const valid = (fields: Partial<Dated>) =>
  validateSync(Object.assign(new Dated(), { at: '2026-12-04T17:30:00Z', on: '2026-12-04' }, fields))
    .length === 0;

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, offset) => from + offset);

describe('IsInstant', () => {
  it('takes an instant in full, with its offset, as RFC 3339 writes it', () => {
    for (const at of [
      '2026-12-04T17:30:00+01:00',
      '2026-12-04T17:30:00.123456Z',
      '2024-02-29T00:00:00-05:30',
    ])
      expect(valid({ at })).toBe(true);
  });

  it('refuses what ISO 8601 also allows but names no one instant, and days that do not exist', () => {
    for (const at of [
      '2026-12-04',
      '2026-12-04T17:30',
      '2026-12-04T17:30:00',
      '2026-W49',
      '2026-338',
      '20261204T173000Z',
      '2026-12-04 17:30:00Z',
      '2026-02-29T12:00:00Z',
      '2026-12-04T24:00:00Z',
    ])
      expect(valid({ at })).toBe(false);
  });

  it('takes the years of the UK calendar but its first and last, which offsets and reminders cross', () => {
    const years = range(1900, 2300).filter((year) => valid({ at: `${year}-06-01T12:00:00Z` }));
    expect(years).toEqual(range(FIRST_SUPPORTED_YEAR + 1, LAST_SUPPORTED_YEAR - 1));
  });
});

describe('IsLocalDate', () => {
  it('takes a day of the calendar from year 1, which Postgres can store', () => {
    for (const on of ['0941-06-02', '2024-02-29', '9999-12-31']) expect(valid({ on })).toBe(true);
    for (const on of [
      '0000-01-01',
      '2026-02-29',
      '2026-13-01',
      '2026-12-4',
      '2026-12-04T00:00:00Z',
    ])
      expect(valid({ on })).toBe(false);
  });
});
