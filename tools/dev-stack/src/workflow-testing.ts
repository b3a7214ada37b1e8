import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { historyToJSON, type History } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime, Worker, type BundleOptions } from '@temporalio/worker';
import { existsSync, readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, temporalTestServerPath } from './paths';
import { LondonDay } from './timeline';

/** Keeps test output readable: the SDK logs every worker state change at INFO. */
export function quietTemporalRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // A runtime is process-wide; an earlier test file in this jest worker already installed it.
  }
}

/**
 * The real time-skipping test server, from the binary our scripts install (never downloaded).
 *
 * The server starts at the real current time. `TIMELINE_TODAY=YYYY-MM-DD` (tests only) moves
 * its clock on to midnight London of that day first, so the timeline specs can be run as if
 * today were another date: `npm test` does so for dates years apart, which proves no spec
 * depends on the day it runs.
 */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  quietTemporalRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  const today = process.env.TIMELINE_TODAY;
  if (today) {
    const wait = london(`${LondonDay.of(today).iso} 00:00`) - (await env.currentTimeMs());
    if (wait < 0) {
      await env.teardown();
      throw new Error(`TIMELINE_TODAY=${today} is in the past: the test clock only moves forward`);
    }
    await env.sleep(wait);
  }
  return env;
}

/** The Europe/London day the test server's clock is on: where a spec's timeline starts from. */
export async function serverToday(env: TestWorkflowEnvironment): Promise<LondonDay> {
  return LondonDay.containing(await env.currentTimeMs());
}

/** A running worker on a test environment; `stop` shuts it down and tears the server down. */
export interface WorkflowTestRig {
  env: TestWorkflowEnvironment;
  stop(): Promise<void>;
}

/**
 * The time-skipping server plus a worker running the workflows from source with the given
 * activities. The activities factory receives the environment, e.g. to read its clock.
 */
export async function startWorkflowTestRig(
  taskQueue: string,
  activities: (env: TestWorkflowEnvironment) => object,
): Promise<WorkflowTestRig> {
  const env = await createTimeSkippingEnvironment();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: workflowSourcesPath,
    bundlerOptions: sourceBundlerOptions,
    activities: activities(env),
  });
  const running = worker.run();
  return {
    env,
    stop: async () => {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}

const librarySources = ['domain', 'workflows'];

/** Bundles workflows from the library sources, so tests never run a stale build. */
export const sourceBundlerOptions: Pick<BundleOptions, 'webpackConfigHook'> = {
  webpackConfigHook: (config) => ({
    ...config,
    resolve: {
      ...config.resolve,
      alias: {
        ...(config.resolve?.alias as Record<string, string> | undefined),
        ...Object.fromEntries(
          librarySources.map((name) => [`@safeguard/${name}`, join(repoRoot, 'libs', name, 'src')]),
        ),
      },
    },
  }),
};

export const workflowSourcesPath = join(repoRoot, 'libs', 'workflows', 'src', 'workflows.ts');

/** Stored histories that every workflow change must still replay (test/fixtures/histories). */
export const historiesDir = join(repoRoot, 'test', 'fixtures', 'histories');

/**
 * Saves a finished run's history as a replay fixture when UPDATE_HISTORIES=1. Existing fixtures
 * are never overwritten: they stand for workflows already running in production.
 */
export function storeHistoryFixture(name: string, history: History): void {
  if (process.env.UPDATE_HISTORIES !== '1') return;
  mkdirSync(historiesDir, { recursive: true });
  const file = join(historiesDir, `${name}.json`);
  // The canonical JSON form, the same as `temporal workflow show --output json` exports.
  if (!existsSync(file))
    writeFileSync(file, `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 2)}\n`);
}

export function readHistoryFixtures(): Array<{ workflowId: string; history: unknown }> {
  if (!existsSync(historiesDir)) return [];
  return readdirSync(historiesDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      workflowId: file.replace(/\.json$/, ''),
      history: JSON.parse(readFileSync(join(historiesDir, file), 'utf8')),
    }));
}

const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * 'YYYY-MM-DD HH:MM:SS' in Europe/London, by Intl rather than the working-day clock, so timeline
 * specs do not check the clock against itself.
 */
export function londonReading(ms: number): string {
  const part = Object.fromEntries(
    LONDON_CLOCK.formatToParts(new Date(ms)).map(({ type, value }) => [type, value]),
  );
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

/** The instant of a Europe/London reading 'YYYY-MM-DD HH:MM' (GMT or BST). */
export function london(reading: string): number {
  const asIfUtc = Date.parse(`${reading.replace(' ', 'T')}:00Z`);
  const hour = 60 * 60_000;
  const instant = [asIfUtc, asIfUtc - hour].find((ms) => londonReading(ms) === `${reading}:00`);
  if (instant === undefined) throw new Error(`no such London time: ${reading}`);
  return instant;
}

export const londonIso = (reading: string): string => new Date(london(reading)).toISOString();

/** Moves the test server's clock on to a Europe/London reading 'YYYY-MM-DD HH:MM'. */
export async function sleepUntilLondon(env: TestWorkflowEnvironment, reading: string) {
  const wait = london(reading) - (await env.currentTimeMs());
  if (wait < 0) throw new Error(`the test clock is already past ${reading}`);
  await env.sleep(wait);
}

/** Polls (in real time, the clock held) until the assertion holds: children act on their own. */
export async function eventually(assertion: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await assertion();
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The reason a workflow's update validator gave for refusing a command with this failure type. */
export async function refusalOf(update: Promise<unknown>, failureType: string): Promise<string> {
  const error = await update.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (!(cause instanceof ApplicationFailure) || cause.type !== failureType) {
    throw new Error(`expected the command to be refused with ${failureType}, got ${String(error)}`);
  }
  return cause.message;
}
