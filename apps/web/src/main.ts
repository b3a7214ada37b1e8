import { createLogger, loggableError } from '@safeguard/platform';
import { createApp } from './app';
import { readWebConfig } from './config';

const log = createLogger('web');

async function main(): Promise<void> {
  const config = readWebConfig(process.env);
  const { app, close } = createApp(config, log);
  const server = app.listen(config.port, config.host, () =>
    log.info({ url: config.publicWebUrl }, 'web listening'),
  );
  const stop = () =>
    server.close(() => {
      close().finally(() => process.exit(0));
    });
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  log.fatal({ err: loggableError(error) }, 'web failed to start');
  process.exit(1);
});
