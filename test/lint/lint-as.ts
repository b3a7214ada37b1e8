import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');

export interface Probe {
  /** The path, from the repository root, the source is linted as: the config applies as there. */
  fileName: string;
  source: string;
}

export interface LintMessage {
  ruleId: string | null;
  line: number;
  message: string;
}

// Jest cannot load ESLint's ESM config in its module system, so ESLint runs in a child process:
// one for all the probes, since loading it (and typescript-eslint) takes seconds.
const LINT_PROBES = `
import { ESLint } from 'eslint';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { fileName, source } of JSON.parse(input)) {
  const [result] = await eslint.lintText(source, { filePath: fileName, warnIgnored: true });
  results.push(result.messages.map(({ ruleId, line, message }) => ({ ruleId, line, message })));
}
process.stdout.write(JSON.stringify(results));
`;

/** Lints each probe as if it were that file in the repository, with its real config. */
export function lintAs(probes: Probe[]): Promise<LintMessage[][]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '--eval', LINT_PROBES],
      { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`eslint did not run: ${error.message}\n${stderr}`));
        resolve(JSON.parse(stdout));
      },
    );
    child.stdin?.end(JSON.stringify(probes));
  });
}
