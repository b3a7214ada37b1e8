/**
 * What every long-running workflow here does the same way: waiting for an instant unless
 * something happens first, deciding when its history is long enough to continue as new, and
 * how its activities are retried. Written once, so the processes read like their procedures.
 */
import { condition, workflowInfo, type ActivityOptions } from '@temporalio/workflow';

/** Activities write the read model or send a message: brief, and retried until they succeed. */
export const DEFAULT_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
};

/** Continue-as-new once the history passes this many events, unless the input says otherwise. */
export const DEFAULT_HISTORY_LIMIT = 1000;

/**
 * The continue-as-new check: true once the history is past the limit, or the server suggests it.
 */
export function historyIsLong(historyLimit: number = DEFAULT_HISTORY_LIMIT): () => boolean {
  return () => workflowInfo().historyLength > historyLimit || workflowInfo().continueAsNewSuggested;
}

/** Waits for the instant (epoch ms) unless the condition comes true first. */
export async function waitUntil(instant: number, done: () => boolean): Promise<void> {
  const remaining = instant - Date.now();
  if (remaining > 0) await condition(done, remaining);
}
