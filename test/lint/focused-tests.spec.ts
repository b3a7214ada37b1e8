import { execFile } from 'node:child_process';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..');

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

/** Lints `source` as if it were the file `fileName` in the repository, with its real config. */
function lintAs(
  fileName: string,
  source: string,
): Promise<Array<{ ruleId: string; line: number }>> {
  return new Promise((resolve, reject) => {
    const eslint = execFile(
      process.execPath,
      [
        join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js'),
        '--stdin',
        '--stdin-filename',
        fileName,
        '--format',
        'json',
      ],
      { cwd: repoRoot },
      // ESLint exits 1 when it finds problems: the JSON on stdout is the answer either way.
      (_error, stdout, stderr) => {
        if (stdout.trim() === '') return reject(new Error(`eslint did not run: ${stderr}`));
        const [result] = JSON.parse(stdout);
        resolve(
          result.messages.map(({ ruleId, line }: { ruleId: string; line: number }) => ({
            ruleId,
            line,
          })),
        );
      },
    );
    eslint.stdin?.end(source);
  });
}

describe('the lint rule against focused and skipped tests', () => {
  it.each(['test/e2e/lint-probe.e2e-spec.ts', 'libs/domain/src/lint-probe.spec.ts'])(
    'flags every focused or skipped test in %s, and nothing else',
    async (fileName) => {
      const messages = await lintAs(fileName, SNIPPET);
      expect(messages).toEqual(
        bannedLines.map((line) => ({ ruleId: 'no-restricted-syntax', line })),
      );
    },
    // ESLint loads typescript-eslint for each run: seconds, more on a busy machine.
    60_000,
  );
});
