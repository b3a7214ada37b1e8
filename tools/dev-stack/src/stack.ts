import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { prepareDatabase } from './database';
import { startMailCatcher } from './mail-catcher';
import { repoRoot } from './paths';
import { waitFor } from './ports';
import { startEmbeddedPostgres } from './postgres';
import {
  stackActionLinkSecret,
  stackCheckpointKeys,
  stackDatabasePassword,
  stackPayloadKeys,
} from './stack-secrets';
import { startTemporalDevServer, stopChild } from './temporal-dev-server';

export interface StackPorts {
  postgres: number;
  temporal: number;
  /** Omit for a headless Temporal server. */
  temporalUi?: number;
  smtp: number;
  mailWeb: number;
  api: number;
}

export interface StackOptions {
  ports: StackPorts;
  /** Postgres data, the Temporal SQLite file, the dev payload key and link secret live here. */
  dataDir: string;
  /** Dev keeps data across restarts; tests start empty and throw it away. */
  persistent: boolean;
  taskQueue?: string;
  /** Tests read what was sent, so they always use the catcher even when SMTP_URL is set. */
  alwaysCatchMail?: boolean;
  /** Where the API and worker write their logs; omitted, they go to this terminal, prefixed. */
  logDir?: string;
  onLog?: (line: string) => void;
  /**
   * The apps to start (default both). Without the worker, start-up waits for the API's /health
   * rather than /ready, which needs a polling worker; start one later with startApp.
   */
  apps?: readonly AppName[];
}

export interface RunningStack {
  apiUrl: string;
  /** The owner's URL, for operator tools and tests that play the attacker; the apps get appEnv's. */
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  temporalUiUrl?: string;
  mailWebUrl?: string;
  smtpUrl: string;
  /** The environment the API and worker run with, for tests that start another worker. */
  appEnv: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/**
 * The whole stack: real Postgres, real Temporal, a real SMTP catcher, then the API and the
 * worker as separate processes, exactly as they run in production: the database migrated by its
 * owner, the apps connecting as a login that owns nothing. DATABASE_URL (an owner's, able to
 * create roles), TEMPORAL_ADDRESS and SMTP_URL point at existing services instead of starting
 * local ones; TEMPORAL_PAYLOAD_KEYS, ACTION_LINK_SECRET and the AUDIT_CHECKPOINT_ keys, when
 * set, replace the stack's own.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  const log = options.onLog ?? (() => undefined);
  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const postgres = await startEmbeddedPostgres({
        dataDir: join(options.dataDir, 'postgres'),
        port: options.ports.postgres,
        persistent: options.persistent,
        onLog: log,
      });
      stops.push(postgres.stop);
      databaseUrl = postgres.url;
    }
    const appDatabaseUrl = await prepareDatabase(
      databaseUrl,
      stackDatabasePassword(options.dataDir, options.persistent),
    );

    let temporalAddress = process.env.TEMPORAL_ADDRESS;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      const temporal = await startTemporalDevServer({
        port: options.ports.temporal,
        uiPort: options.ports.temporalUi,
        dbFile: options.persistent ? join(options.dataDir, 'temporal.sqlite') : undefined,
        onLog: log,
      });
      stops.push(temporal.stop);
      temporalAddress = temporal.address;
      temporalUiUrl = temporal.uiUrl;
    }

    let smtpUrl = options.alwaysCatchMail ? undefined : process.env.SMTP_URL;
    let mailWebUrl: string | undefined;
    if (!smtpUrl) {
      const catcher = await startMailCatcher({
        smtpPort: options.ports.smtp,
        httpPort: options.ports.mailWeb,
      });
      stops.push(catcher.stop);
      smtpUrl = catcher.smtpUrl;
      mailWebUrl = catcher.webUrl;
    }

    const apiUrl = `http://127.0.0.1:${options.ports.api}`;
    const taskQueue = options.taskQueue ?? process.env.TEMPORAL_TASK_QUEUE ?? 'safeguarding';
    const checkpointKeys = stackCheckpointKeys(options.dataDir, options.persistent);
    const appEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: appDatabaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SMTP_URL: smtpUrl,
      TEMPORAL_PAYLOAD_KEYS:
        process.env.TEMPORAL_PAYLOAD_KEYS || stackPayloadKeys(options.dataDir, options.persistent),
      ACTION_LINK_SECRET:
        process.env.ACTION_LINK_SECRET ||
        stackActionLinkSecret(options.dataDir, options.persistent),
      AUDIT_CHECKPOINT_SIGNING_KEY:
        process.env.AUDIT_CHECKPOINT_SIGNING_KEY || checkpointKeys.signingKey,
      AUDIT_CHECKPOINT_PUBLIC_KEYS:
        process.env.AUDIT_CHECKPOINT_PUBLIC_KEYS || checkpointKeys.publicKeys,
      PORT: String(options.ports.api),
      PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? apiUrl,
      // The local stack signs its own tokens for the people in its directory (POST /dev/tokens).
      AUTH_DEV_ISSUER: 'true',
    };
    const apps = options.apps ?? (['worker', 'api'] as const);
    for (const app of (['worker', 'api'] as const).filter((name) => apps.includes(name))) {
      const child = startApp(
        app,
        appEnv,
        options.logDir ? { logDir: options.logDir } : { relayToTerminal: true },
      );
      stops.push(() => stopChild(child));
    }
    if (apps.includes('api')) {
      const probe = apps.includes('worker') ? 'ready' : 'health';
      await waitFor(
        probe === 'ready' ? 'the API to report ready' : 'the API to answer /health',
        async () => ((await fetch(`${apiUrl}/${probe}`)).ok ? true : undefined),
        180_000,
      );
    }
    return {
      apiUrl,
      databaseUrl,
      temporalAddress,
      taskQueue,
      temporalUiUrl,
      mailWebUrl,
      smtpUrl,
      appEnv,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export type AppName = 'api' | 'worker';

export interface AppOutput {
  /** Append the app's output to <logDir>/<app>.log. */
  logDir?: string;
  /** Copy the app's output to this terminal, each line prefixed with the app's name. */
  relayToTerminal?: boolean;
}

/** Runs a built app (apps/<name>/dist/main.js) as its own process; its output stays readable from the child. */
export function startApp(
  app: AppName,
  env: NodeJS.ProcessEnv,
  output: AppOutput = {},
): ChildProcess {
  const child = spawn(process.execPath, [join(repoRoot, 'apps', app, 'dist', 'main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (output.logDir) {
    const file = createWriteStream(join(output.logDir, `${app}.log`), { flags: 'a' });
    child.stdout?.pipe(file);
    child.stderr?.pipe(file);
  }
  if (output.relayToTerminal) {
    const prefix = `[${app}] `.padEnd(9);
    const relay = (chunk: Buffer) =>
      process.stdout.write(chunk.toString().replace(/^(?=.)/gm, prefix));
    child.stdout?.on('data', relay);
    child.stderr?.on('data', relay);
  }
  return child;
}
