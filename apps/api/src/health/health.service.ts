import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { DataSource } from 'typeorm';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

export type CheckStatus = 'up' | 'down';

export interface DependencyCheck {
  status: CheckStatus;
  detail?: string;
}

export interface Readiness {
  status: 'ready' | 'not-ready';
  checks: { database: DependencyCheck; temporal: DependencyCheck; worker: DependencyCheck };
}

const CHECK_TIMEOUT_MS = 3_000;
/** Workers long-poll for up to a minute, so a live poller's last access can be that old. */
const POLLER_FRESHNESS_MS = 90_000;

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporalClient: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async readiness(): Promise<Readiness> {
    const [database, temporalCheck, worker] = await Promise.all([
      this.checkDatabase(),
      this.checkTemporal(),
      this.checkWorkerPolling(),
    ]);
    const allUp = [database, temporalCheck, worker].every((c) => c.status === 'up');
    return {
      status: allUp ? 'ready' : 'not-ready',
      checks: { database, temporal: temporalCheck, worker },
    };
  }

  private async checkDatabase(): Promise<DependencyCheck> {
    return this.attempt(async () => {
      await this.dataSource.query('SELECT 1');
      return { status: 'up' };
    });
  }

  private async checkTemporal(): Promise<DependencyCheck> {
    return this.attempt(() =>
      this.withDeadline(async () => {
        await this.temporalClient.workflowService.getSystemInfo({});
        return { status: 'up' };
      }),
    );
  }

  /** Ready only if some worker has polled our task queue recently, not merely started. */
  private async checkWorkerPolling(): Promise<DependencyCheck> {
    return this.attempt(() =>
      this.withDeadline(async () => {
        const { pollers } = await this.temporalClient.workflowService.describeTaskQueue({
          namespace: this.config.temporal.namespace,
          taskQueue: { name: this.config.temporal.taskQueue },
          taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        });
        const now = Date.now();
        const live = (pollers ?? []).filter((poller) => {
          const seconds = Number(poller.lastAccessTime?.seconds ?? 0);
          return now - seconds * 1000 < POLLER_FRESHNESS_MS;
        });
        return live.length > 0
          ? { status: 'up', detail: `${live.length} worker poller(s)` }
          : {
              status: 'down',
              detail: `no worker is polling task queue ${this.config.temporal.taskQueue}`,
            };
      }),
    );
  }

  private withDeadline<T>(check: () => Promise<T>): Promise<T> {
    return this.temporalClient.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, check);
  }

  private async attempt(check: () => Promise<DependencyCheck>): Promise<DependencyCheck> {
    try {
      return await check();
    } catch (error) {
      return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
    }
  }
}
