import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { assertApplicationConnection } from '@safeguard/persistence';
import { createLogger, loggableError } from '@safeguard/platform';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { hardenHttp } from './common/http-hardening';
import { assignRequestId } from './common/request-id';
import { readApiConfig } from './config/api-config';

async function bootstrap(): Promise<void> {
  const config = readApiConfig(process.env);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.use(assignRequestId);
  await assertApplicationConnection(app.get(DataSource));
  hardenHttp(app, config.http);
  configureApp(app);
  await app.listen(config.port, config.host);
  app.get(Logger).log(`API listening on http://${config.host}:${config.port}`);
}

bootstrap().catch((error: unknown) => {
  createLogger('api').fatal({ err: loggableError(error) }, 'API failed to start');
  process.exit(1);
});
