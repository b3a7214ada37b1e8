import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { API_CONFIG, ApiConfig } from '../config/api-config';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/**
 * The Temporal client every use case starts, signals and updates workflows through.
 * The connection is lazy so the API comes up (and reports not-ready) while Temporal is down.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) =>
        new Client({
          connection: Connection.lazy(config.temporal.connection),
          namespace: config.temporal.namespace,
          dataConverter: config.temporal.dataConverter,
        }),
    },
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
