import fc from 'fast-check';
import { createDefaultPolicy } from './default-policy';
import { formatFieldPath } from './field-path';
import { validatePolicy } from './validate-policy';

type Path = (string | number)[];

function numericPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'number') return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    numericPaths(child, [...path, Array.isArray(value) ? Number(key) : key]),
  );
}

function withNumber(path: Path, n: number): unknown {
  const policy: any = createDefaultPolicy();
  let parent = policy;
  for (const segment of path.slice(0, -1)) parent = parent[segment];
  parent[path[path.length - 1]] = n;
  return policy;
}

const paths = numericPaths(createDefaultPolicy());

describe('validatePolicy, property-based', () => {
  it('finds every kind of number in the default policy', () => {
    const fields = paths.map(formatFieldPath);
    expect(fields).toContain('schemaVersion');
    expect(fields).toContain('stages["s42.plan-review"].timescale.calendarDays');
    expect(fields).toContain('stages["meeting.action"].escalation[2].after.workingDays');
    expect(fields).toContain('stages["s42.enquiry-report"].variants.complex.workingDays');
  });

  it('accepts a one-number change or names that very number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.oneof(
          fc.integer({ min: -30, max: 30 }),
          fc.integer({ min: -400, max: 400 }),
          fc.integer(),
        ),
        (path, n) => {
          const result = validatePolicy(withNumber(path, n));
          if (result.ok) return;
          expect(result.errors.map((error) => error.field)).toContain(formatFieldPath(path));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const result = validatePolicy(input);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
      }),
    );
  });
});
