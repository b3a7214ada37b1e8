import { Worker } from '@temporalio/worker';
import {
  quietTemporalRuntime,
  readHistoryFixtures,
  sourceBundlerOptions,
  workflowSourcesPath,
} from '@safeguard/dev-stack';
import { registeredWorkflows } from '@safeguard/workflows';

/**
 * Workflows run for months, so today's code must replay yesterday's histories exactly.
 * A change that would break a running workflow fails here; guard it with patched().
 * New fixtures: UPDATE_HISTORIES=1 npm test (existing ones are never overwritten).
 */
// Replaying bundles every workflow with webpack first: seconds, more on a busy two-core machine.
jest.setTimeout(120_000);

describe('replay of stored workflow histories', () => {
  const fixtures = readHistoryFixtures();
  beforeAll(quietTemporalRuntime);

  it('has at least one stored history for every workflow type', () => {
    const typesWithHistory = new Set(fixtures.map(({ history }) => workflowTypeOf(history)));
    expect(Object.keys(registeredWorkflows).filter((type) => !typesWithHistory.has(type))).toEqual(
      [],
    );
  });

  it('replays every stored history with the current workflow code', async () => {
    const failures: string[] = [];
    const results = Worker.runReplayHistories(
      { workflowsPath: workflowSourcesPath, bundlerOptions: sourceBundlerOptions },
      fixtures,
    );
    for await (const result of results) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});

function workflowTypeOf(history: unknown): string | undefined {
  const [first] = (history as { events?: Array<Record<string, any>> }).events ?? [];
  return first?.workflowExecutionStartedEventAttributes?.workflowType?.name;
}
