import {
  bootstrapAdmin,
  devToken,
  freePort,
  repoRoot,
  RunningStack,
  startStack,
} from '@safeguard/dev-stack';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_ENV } from './e2e-env';

const E2E_OPERATOR_EMAIL = 'operator@e2e-council.example';

declare global {
  var e2eStack: RunningStack | undefined;
}

/** Starts one real stack for the whole e2e run; each test creates the data it needs. */
export default async function globalSetup(): Promise<void> {
  const logDir = join(repoRoot, 'tmp', 'e2e-logs');
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'safeguarding-e2e-'));
  // Run as root, Postgres runs as the postgres user, which must be able to reach its folder.
  chmodSync(dataDir, 0o755);
  // Every e2e request comes from one address; the limit itself is tested on a separate instance.
  process.env.RATE_LIMIT_PER_MINUTE = '1000000';
  process.env.CREDENTIAL_RATE_LIMIT_PER_MINUTE = '1000000';
  const stack = await startStack({
    ports: {
      postgres: await freePort(),
      temporal: await freePort(),
      smtp: await freePort(),
      mailWeb: await freePort(),
      api: await freePort(),
      identity: await freePort(),
      web: await freePort(),
    },
    dataDir,
    persistent: false,
    taskQueue: `e2e-${randomUUID()}`,
    alwaysCatchMail: true,
    logDir,
  });
  globalThis.e2eStack = stack;
  await bootstrapAdmin(stack.databaseUrl, {
    partnership: 'E2E Safeguarding Board',
    nation: 'england-and-wales',
    agency: 'E2E County Council',
    agencyType: 'local-authority',
    name: 'E2E Operator',
    email: E2E_OPERATOR_EMAIL,
    roles: ['admin', 'safeguarding-lead'],
  });
  process.env[E2E_ENV.adminToken] = await devToken(stack.apiUrl, E2E_OPERATOR_EMAIL);
  process.env[E2E_ENV.apiUrl] = stack.apiUrl;
  process.env[E2E_ENV.mailWebUrl] = stack.mailWebUrl;
  process.env[E2E_ENV.identityUrl] = stack.identityUrl;
  process.env[E2E_ENV.webUrl] = stack.webUrl;
  process.env[E2E_ENV.webClient] = JSON.stringify(stack.webClient);
  process.env[E2E_ENV.databaseOwnerUrl] = stack.databaseUrl;
  process.env[E2E_ENV.appEnv] = JSON.stringify({
    DATABASE_URL: stack.appEnv.DATABASE_URL,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_TASK_QUEUE: stack.taskQueue,
    SMTP_URL: stack.smtpUrl,
    TEMPORAL_PAYLOAD_KEYS: stack.appEnv.TEMPORAL_PAYLOAD_KEYS,
    ACTION_LINK_SECRET: stack.appEnv.ACTION_LINK_SECRET,
    AUTH_ISSUER: stack.appEnv.AUTH_ISSUER,
    AUTH_JWKS_URL: stack.appEnv.AUTH_JWKS_URL,
    AUTH_AUDIENCE: stack.appEnv.AUTH_AUDIENCE,
    AUTH_DEV_ISSUER: stack.appEnv.AUTH_DEV_ISSUER,
    AUDIT_CHECKPOINT_SIGNING_KEY: stack.appEnv.AUDIT_CHECKPOINT_SIGNING_KEY,
    AUDIT_CHECKPOINT_PUBLIC_KEYS: stack.appEnv.AUDIT_CHECKPOINT_PUBLIC_KEYS,
  });
}
