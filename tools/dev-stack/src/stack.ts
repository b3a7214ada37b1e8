import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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
  stackWebClientSecret,
  stackWebSessionSecret,
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
  /** The development OpenID Connect provider (dev-identity-provider.ts). */
  identity: number;
  /** The web app's; the identity provider sends people back to it. */
  web: number;
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
  /**
   * Where the API, the worker and the identity provider write their logs; omitted, they go to
   * this terminal, prefixed.
   */
  logDir?: string;
  onLog?: (line: string) => void;
  /**
   * The apps to start (default both). Without the worker, start-up waits for the API's /health
   * rather than /ready, which needs a polling worker; start one later with startApp.
   */
  apps?: readonly AppName[];
}

/** The web app as a client of the stack's identity provider. */
export interface WebClient {
  id: string;
  secret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
}

export interface RunningStack {
  apiUrl: string;
  /** The identity provider's issuer (its discovery document is under /.well-known/). */
  identityUrl: string;
  /** The web app's address, to which the identity provider sends people back. */
  webUrl: string;
  webClient: WebClient;
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
 * The whole stack: real Postgres, real Temporal, a real SMTP catcher, a real OpenID Connect
 * provider whose accounts are the directory's people, then the API and the worker as separate
 * processes, exactly as they run in production: the database migrated by its owner, the apps
 * connecting as a login that owns nothing. DATABASE_URL (an owner's, able to create roles),
 * TEMPORAL_ADDRESS and SMTP_URL point at existing services instead of starting local ones;
 * TEMPORAL_PAYLOAD_KEYS, ACTION_LINK_SECRET and the AUDIT_CHECKPOINT_ keys, when set, replace
 * the stack's own.
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
    const databaseUrls = await prepareDatabase(
      databaseUrl,
      stackDatabasePassword(options.dataDir, options.persistent),
    );
    const appDatabaseUrl = databaseUrls.app;
    const output: AppOutput = options.logDir
      ? { logDir: options.logDir }
      : { relayToTerminal: true };

    const webUrl = `http://127.0.0.1:${options.ports.web}`;
    const webClient: WebClient = {
      id: 'safeguarding-web',
      secret: stackWebClientSecret(options.dataDir, options.persistent),
      redirectUri: `${webUrl}/auth/callback`,
      postLogoutRedirectUri: `${webUrl}/signed-out`,
    };
    const identity = await startDevIdentityProvider(
      options.ports.identity,
      appDatabaseUrl,
      webClient,
      output,
    );
    stops.push(identity.stop);

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
      // Every "Open …" link in an email goes to the web service.
      PUBLIC_WEB_URL: webUrl,
      // Two issuers: the identity provider, as Entra ID in production, and the API's own
      // development issuer, whose tokens the tests and tools take from POST /dev/tokens.
      AUTH_ISSUER: identity.issuer,
      AUTH_JWKS_URL: identity.jwksUrl,
      AUTH_AUDIENCE: API_AUDIENCE,
      AUTH_DEV_ISSUER: 'true',
    };
    const apps = options.apps ?? (['worker', 'api', 'web'] as const);
    for (const app of (['worker', 'api'] as const).filter((name) => apps.includes(name))) {
      const child = startApp(app, appEnv, output);
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
    if (apps.includes('web')) {
      const web = startApp(
        'web',
        {
          ...process.env,
          PORT: String(options.ports.web),
          API_URL: apiUrl,
          PUBLIC_WEB_URL: webUrl,
          OIDC_ISSUER: identity.issuer,
          OIDC_CLIENT_ID: webClient.id,
          OIDC_CLIENT_SECRET: webClient.secret,
          SESSION_DATABASE_URL: databaseUrls.webSessions,
          SESSION_SECRET: stackWebSessionSecret(options.dataDir, options.persistent),
        },
        output,
      );
      stops.push(() => stopChild(web));
      await waitFor(
        'the web app to answer /health',
        async () => ((await fetch(`${webUrl}/health`)).ok ? true : undefined),
        60_000,
      );
    }
    return {
      apiUrl,
      identityUrl: identity.issuer,
      webUrl,
      webClient,
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

/** The `aud` of the access tokens the API accepts, from either issuer. */
const API_AUDIENCE = 'safeguarding-api';

/**
 * The development identity provider (dev-identity-provider.ts) in its own process, once its
 * discovery document answers. The web app is its one client.
 */
async function startDevIdentityProvider(
  port: number,
  databaseUrl: string,
  webClient: WebClient,
  output: AppOutput,
): Promise<{ issuer: string; jwksUrl: string; stop(): Promise<void> }> {
  const issuer = `http://127.0.0.1:${port}`;
  const child = startNodeProgram(
    'identity',
    join(repoRoot, 'tools', 'dev-stack', 'dist', 'dev-identity-provider.js'),
    {
      ...process.env,
      IDP_PORT: String(port),
      IDP_ISSUER: issuer,
      IDP_DATABASE_URL: databaseUrl,
      IDP_API_AUDIENCE: API_AUDIENCE,
      IDP_CLIENTS: JSON.stringify([
        {
          client_id: webClient.id,
          client_secret: webClient.secret,
          redirect_uris: [webClient.redirectUri],
          post_logout_redirect_uris: [webClient.postLogoutRedirectUri],
        },
      ]),
      // Its sessions live in its memory and end with it, so its cookies' key may as well.
      IDP_COOKIE_KEYS: randomBytes(32).toString('base64url'),
    },
    output,
  );
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`the identity provider exited with code ${code} (see its log)`)),
    ),
  );
  exited.catch(() => undefined);
  try {
    const discovery = await Promise.race([
      waitFor('the identity provider', async () => {
        const response = await fetch(`${issuer}/.well-known/openid-configuration`);
        return response.ok ? ((await response.json()) as { jwks_uri: string }) : undefined;
      }),
      exited,
    ]);
    return { issuer, jwksUrl: discovery.jwks_uri, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

export type AppName = 'api' | 'worker' | 'web';

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
  return startNodeProgram(app, join(repoRoot, 'apps', app, 'dist', 'main.js'), env, output);
}

function startNodeProgram(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  output: AppOutput,
): ChildProcess {
  const child = spawn(process.execPath, [script], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (output.logDir) {
    const file = createWriteStream(join(output.logDir, `${name}.log`), { flags: 'a' });
    child.stdout?.pipe(file);
    child.stderr?.pipe(file);
  }
  if (output.relayToTerminal) {
    const prefix = `[${name}] `.padEnd(11);
    const relay = (chunk: Buffer) =>
      process.stdout.write(chunk.toString().replace(/^(?=.)/gm, prefix));
    child.stdout?.on('data', relay);
    child.stderr?.on('data', relay);
  }
  return child;
}
