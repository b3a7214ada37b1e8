import 'reflect-metadata';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrateDatabase } from '@safeguard/persistence';
import { createLogger } from '@safeguard/platform';
import { readWorkerConfig } from './config';
import { createSmtpMailer } from './mail/mailer';
import { createWorker } from './worker';

const log = createLogger('worker');

async function main(): Promise<void> {
  const config = readWorkerConfig(process.env);
  Runtime.install({
    logger: new DefaultLogger('INFO', ({ level, message, meta }) =>
      log[
        level === 'TRACE' ? 'trace' : (level.toLowerCase() as 'debug' | 'info' | 'warn' | 'error')
      ](meta ?? {}, message),
    ),
  });

  await migrateDatabase(config.databaseUrl);
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
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
      publicBaseUrl: config.publicBaseUrl,
      actionLinkSecret: config.actionLinkSecret,
      log,
    });
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
    await connection.close();
    mailer.close();
    await dataSource.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log.fatal({ err: error }, 'worker stopped');
    process.exit(1);
  },
);
