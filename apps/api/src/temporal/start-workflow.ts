import type { Client, Workflow, WorkflowStartOptions } from '@temporalio/client';
import { ProblemException } from '../common/problem';

/**
 * Starts a workflow inside the transaction recording what it will chase. If Temporal refuses,
 * the caller gets 503 and the transaction rolls back: nothing is recorded without its workflow.
 */
export async function startOrUnavailable<T extends Workflow>(
  temporal: Client,
  workflow: T,
  options: WorkflowStartOptions<T>,
  what: string,
): Promise<void> {
  try {
    await temporal.workflow.start(workflow, options);
  } catch (error) {
    throw ProblemException.unavailable(
      `the workflow service did not accept the ${what} (${error instanceof Error ? error.name : 'error'}); nothing was recorded`,
    );
  }
}
