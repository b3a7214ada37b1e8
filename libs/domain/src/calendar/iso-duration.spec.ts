import { addIsoDuration, isoDurationMs, parseIsoDuration } from './iso-duration';

describe('parseIsoDuration', () => {
  it.each([
    ['PT4H', 4 * 3_600_000],
    ['PT30M', 30 * 60_000],
    ['PT45S', 45_000],
    ['P2D', 2 * 86_400_000],
    ['P1DT12H', 36 * 3_600_000],
    ['PT1H30M15S', 5_415_000],
    ['-PT2H', -2 * 3_600_000],
    ['PT0S', 0],
    ['-PT0S', 0],
  ])('reads %s', (text, ms) => {
    expect(isoDurationMs(parseIsoDuration(text))).toBe(ms);
  });

  it.each(['P1Y', 'P1M', 'P2W', 'PT0.5H', 'P', 'PT', 'P1DT', '', '4H', '+PT1H', 'pt4h', 'PT4H '])(
    'refuses "%s" with a clear error',
    (text) => {
      expect(() => parseIsoDuration(text)).toThrow(`Unsupported duration "${text}"`);
    },
  );
});

describe('addIsoDuration', () => {
  it('adds elapsed time', () => {
    expect(addIsoDuration(new Date('2026-11-02T10:00:00Z'), 'PT4H')).toEqual(
      new Date('2026-11-02T14:00:00Z'),
    );
    expect(addIsoDuration(new Date('2026-11-02T10:00:00Z'), '-PT30M')).toEqual(
      new Date('2026-11-02T09:30:00Z'),
    );
  });

  it('counts a day as 24 hours, even across a clock change', () => {
    // Sat 28 March 2026 12:00 GMT + 24h is Sun 29 March 13:00 BST.
    expect(addIsoDuration(new Date('2026-03-28T12:00:00Z'), 'P1D')).toEqual(
      new Date('2026-03-29T12:00:00Z'),
    );
  });

  it('refuses results outside the supported years', () => {
    expect(() => addIsoDuration(new Date('2199-12-31T12:00:00Z'), 'P2D')).toThrow(
      'outside the supported years',
    );
  });
});
