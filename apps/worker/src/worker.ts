import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { workflowsPath } from '@safeguard/workflows';
import { createActionActivities } from './activities/action-activities';
import type { ActivityDeps } from './activities/activity-deps';
import { createDigestActivities } from './activities/digest-activities';
import { createDisagreementActivities } from './activities/disagreement-activities';
import { createEnquiryActivities } from './activities/enquiry-activities';
import { createMeetingActivities } from './activities/meeting-activities';

export interface WorkerOptions extends ActivityDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** Carries failureConverterPath, which the bundler compiles into workflow code. */
  dataConverter: DataConverter;
}

/** One worker serves every process type; Temporal spreads work across however many run. */
export function createWorker(options: WorkerOptions): Promise<Worker> {
  const { connection, namespace, taskQueue, dataConverter, ...deps } = options;
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    dataConverter,
    workflowsPath,
    activities: {
      ...createActionActivities(deps),
      ...createMeetingActivities(deps),
      ...createDigestActivities(deps),
      ...createEnquiryActivities(deps),
      ...createDisagreementActivities(deps),
    },
  });
}
