import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Client,
  type UpdateDefinition,
  type Workflow,
  type WorkflowStartOptions,
} from '@temporalio/client';
import {
  appendChronology,
  type ChronologyFact,
  type PolicyVersionEntity,
} from '@safeguard/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { NO_SUCH_PARTNERSHIP } from '../auth/principal';
import { ProblemException } from '../common/problem';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { PoliciesService } from '../policies/policies.service';
import { startOrUnavailable } from './start-workflow';
import { TEMPORAL_CLIENT } from './temporal.module';
import { startedWithin } from './workflow-updates';

/** The process a use case has just recorded, and how to start it (see processStart). */
export interface ProcessStart {
  workflow: Workflow;
  workflowId: string;
  args: unknown[];
  /** What the 503 says the workflow service did not accept ("meeting", "enquiry"…). */
  what: string;
  /** What the chronology records of it, appended once the workflow has started. */
  chronology: ChronologyFact[];
  /**
   * The workflow's "started" Update, if it opens something the caller should see in the answer:
   * waited for (briefly) after the commit.
   */
  started?: UpdateDefinition<unknown, []>;
}

/** A ProcessStart whose arguments are checked against its workflow's. */
export function processStart<T extends Workflow>(
  start: Omit<ProcessStart, 'workflow' | 'args'> & { workflow: T; args: Parameters<T> },
): ProcessStart {
  return start;
}

/**
 * The one way a use case records something and starts the process that chases it: in one
 * transaction, under the partnership's current policy version (422 if there is none), the caller
 * writes its rows, the workflow starts, and the chronology records it. If Temporal refuses the
 * start, the transaction rolls back and the caller gets 503: nothing is recorded without its
 * workflow, and nothing accepted is lost.
 */
@Injectable()
export class ProcessStarter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly policies: PoliciesService,
  ) {}

  /**
   * `record` writes the rows, inside the transaction, and says which workflow to start
   * (processStart); whatever else it returns comes back to the caller once committed.
   */
  async recordAndStart<S extends ProcessStart>(
    partnershipId: string,
    record: (db: EntityManager, policy: PolicyVersionEntity) => Promise<S>,
  ): Promise<S> {
    const process = await this.dataSource.transaction(async (db) => {
      const policy = await this.policies.latest(db, partnershipId);
      if (!policy) {
        throw ProblemException.unprocessable('partnershipId', NO_SUCH_PARTNERSHIP);
      }
      const recorded = await record(db, policy);
      // Start before appending: the chronology append holds its chain's lock until commit,
      // and the Temporal round trip should not be inside that lock.
      const options: WorkflowStartOptions = {
        taskQueue: this.config.temporal.taskQueue,
        workflowId: recorded.workflowId,
        args: recorded.args,
      };
      await startOrUnavailable(this.temporal, recorded.workflow, options, recorded.what);
      for (const fact of recorded.chronology) await appendChronology(db, fact);
      return recorded;
    });
    if (process.started) {
      await startedWithin(this.temporal, process.workflowId, process.started);
    }
    return process;
  }
}
