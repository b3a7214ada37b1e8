import 'reflect-metadata';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { assertApplicationConnection, dataSourceOptions } from '@safeguard/persistence';
import { createLogger, loggableError, loggableMeta } from '@safeguard/platform';
import { startCheckpointSigner } from './audit-checkpoint-signer';
import { readWorkerConfig } from './config';
import { createSmtpMailer } from './mail/mailer';
import { ensureDailyDigestSchedule } from './schedules';
import { createWorker } from './worker';

const log = createLogger('worker');

async function main(): Promise<void> {
  const config = readWorkerConfig(process.env);
  Runtime.install({
    logger: new DefaultLogger('INFO', ({ level, message, meta }) =>
      log[
        level === 'TRACE' ? 'trace' : (level.toLowerCase() as 'debug' | 'info' | 'warn' | 'error')
      ](loggableMeta(meta), message),
    ),
  });

  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
  await assertApplicationConnection(dataSource);
  const signer = startCheckpointSigner({
    dataSource,
    key: config.auditCheckpoints.signingKey,
    intervalMs: config.auditCheckpoints.intervalMs,
    log,
  });
  const mailer = createSmtpMailer(config.smtpUrl, config.mailFrom);
  const connection = await NativeConnection.connect(config.temporal.connection);
  try {
    const worker = await createWorker({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      dataConverter: config.temporal.dataConverter,
      dataSource,
      mailer,
      publicWebUrl: config.publicWebUrl,
      actionLinkSecret: config.actionLinkSecret,
      log,
    });
    const client = new Client({
      connection: await Connection.connect(config.temporal.connection),
      namespace: config.temporal.namespace,
      dataConverter: config.temporal.dataConverter,
    });
    await ensureDailyDigestSchedule(client, config.temporal.taskQueue);
    await client.connection.close();
    log.info(
      {
        address: config.temporal.address,
        namespace: config.temporal.namespace,
        taskQueue: config.temporal.taskQueue,
      },
      'worker polling',
    );
    // Runs until SIGINT/SIGTERM, which the Temporal runtime turns into a graceful shutdown.
    await worker.run();
  } finally {
    signer.stop();
    await connection.close();
    mailer.close();
    await dataSource.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log.fatal({ err: loggableError(error) }, 'worker stopped');
    process.exit(1);
  },
);
