import { isoDurationToMilliseconds } from './iso-duration';

const HOUR = 3_600_000;

describe('ISO 8601 durations', () => {
  it.each([
    ['PT4H', 4 * HOUR],
    ['PT30M', HOUR / 2],
    ['P2D', 48 * HOUR],
    ['P1DT12H', 36 * HOUR],
    ['PT90S', 90_000],
    ['-PT2H', -2 * HOUR],
    ['PT0S', 0],
    ['-PT0S', 0],
  ])('reads %s', (text, ms) => {
    expect(isoDurationToMilliseconds(text)).toBe(ms);
  });

  it.each([
    '',
    'P',
    'PT',
    'P1W',
    'P1M',
    'P1Y',
    'PT4h',
    '4H',
    'PT1.5H',
    'P1H',
    'T4H',
    '+PT4H',
    'PT4H ',
  ])('refuses %j, outside the supported subset', (text) => {
    expect(isoDurationToMilliseconds(text)).toBeUndefined();
  });
});
