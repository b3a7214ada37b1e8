import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { readApiConfig } from './config/api-config';

/**
 * Writes the OpenAPI document generated from the code. Preview mode builds the module graph
 * without instantiating providers, so no database or Temporal is needed.
 */
async function writeOpenApi(path: string): Promise<void> {
  const config = readApiConfig({
    DATABASE_URL: 'postgres://unused/openapi',
    TEMPORAL_PAYLOAD_KEYS: `unused:${randomBytes(32).toString('base64')}`,
    ACTION_LINK_SECRET: randomBytes(32).toString('base64'),
    AUDIT_CHECKPOINT_PUBLIC_KEYS: generateKeyPairSync('ed25519')
      .publicKey.export({ type: 'spki', format: 'der' })
      .toString('base64'),
    // The document describes the stack a developer runs, development token issuer included.
    AUTH_DEV_ISSUER: 'true',
    ...process.env,
  });
  const app = await NestFactory.create(AppModule.forConfig(config), {
    preview: true,
    logger: false,
  });
  const document = configureApp(app);
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

writeOpenApi(process.argv[2] ?? 'docs/openapi.json').catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
