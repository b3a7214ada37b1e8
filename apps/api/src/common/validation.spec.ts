import { ValidationError } from '@nestjs/common';
import { fieldProblems } from './validation';

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
