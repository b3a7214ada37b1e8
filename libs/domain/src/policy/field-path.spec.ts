import { formatFieldPath } from './field-path';

describe('field paths', () => {
  it('quotes keys that contain dots so the path stays unambiguous', () => {
    expect(
      formatFieldPath(['stages', 's42.decision', 'escalation', 1, 'after', 'workingDays']),
    ).toBe('stages["s42.decision"].escalation[1].after.workingDays');
  });

  it('names the whole document when there is no path', () => {
    expect(formatFieldPath([])).toBe('(document)');
  });
});
