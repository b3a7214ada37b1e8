import { NativeConnection, Worker } from '@temporalio/worker';
import { workflowsPath } from '@safeguard/workflows';
import { createActionActivities, ActionActivityDeps } from './activities/action-activities';

export interface WorkerOptions extends ActionActivityDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
}

/** One worker serves every process type; Temporal spreads work across however many run. */
export function createWorker(options: WorkerOptions): Promise<Worker> {
  const { connection, namespace, taskQueue, ...deps } = options;
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowsPath,
    activities: { ...createActionActivities(deps) },
  });
}
