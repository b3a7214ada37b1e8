import { lintAs } from './lint-as';

/**
 * Each line is one way of writing a test block; the banned ones (focused or skipped) end with
 * `// banned`. A focused test makes the suite pass while checking less than it claims.
 */
const SNIPPET = `
describe('a block', () => {
  it('runs', () => expect([1].slice(0)).toEqual([1]));
  test.each([1])('runs %s', (n) => expect(n).toBe(1));
  describe.each([1])('runs %s', () => undefined);
  it.concurrent('runs', async () => undefined);
  it.only('focused', () => undefined); // banned
  it.skip('skipped', () => undefined); // banned
  test.only('focused', () => undefined); // banned
  test.skip('skipped', () => undefined); // banned
  describe.only('focused', () => undefined); // banned
  describe.skip('skipped', () => undefined); // banned
  it.only.each([1])('focused %s', () => undefined); // banned
  test.concurrent.only('focused', async () => undefined); // banned
  test.concurrent.skip('skipped', async () => undefined); // banned
  fit('focused', () => undefined); // banned
  xit('skipped', () => undefined); // banned
  fdescribe('focused', () => undefined); // banned
  xdescribe('skipped', () => undefined); // banned
  xtest('skipped', () => undefined); // banned
  xit.each([1])('skipped %s', () => undefined); // banned
});
`;

const bannedLines = SNIPPET.split('\n')
  .map((line, index) => (line.endsWith('// banned') ? index + 1 : undefined))
  .filter((line) => line !== undefined);

describe('the lint rule against focused and skipped tests', () => {
  const fileNames = ['test/e2e/lint-probe.e2e-spec.ts', 'libs/domain/src/lint-probe.spec.ts'];
  let results: Awaited<ReturnType<typeof lintAs>>;
  beforeAll(async () => {
    results = await lintAs(fileNames.map((fileName) => ({ fileName, source: SNIPPET })));
    // ESLint loads typescript-eslint once for both: seconds, more on a busy machine.
  }, 60_000);

  it.each(fileNames.map((fileName, index) => [fileName, index] as const))(
    'flags every focused or skipped test in %s, and nothing else',
    (_fileName, index) => {
      expect(results[index].map(({ ruleId, line }) => ({ ruleId, line }))).toEqual(
        bannedLines.map((line) => ({ ruleId: 'no-restricted-syntax', line })),
      );
    },
  );
});
