import { EnvReader } from '@safeguard/platform';

export interface WebConfig {
  port: number;
  host: string;
  /** Where the web app reaches the API, server to server. */
  apiUrl: string;
  /** The web app's own address as people's browsers see it: redirects, cookies, email links. */
  publicWebUrl: string;
  oidc: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    /** Entra ID: add the API's scope, e.g. `api://<api app id>/access`. */
    scopes: string;
  };
  session: {
    /** The web app's own login: the sessions table and nothing else. */
    databaseUrl: string;
    /** Signs the session cookie. */
    secret: string;
    idleMs: number;
    absoluteMs: number;
  };
}

export function readWebConfig(environment: NodeJS.ProcessEnv): WebConfig {
  const env = new EnvReader(environment);
  const config: WebConfig = {
    port: env.port('PORT', 3001),
    host: env.string('HOST', '127.0.0.1'),
    apiUrl: env.url('API_URL', ['http', 'https']).replace(/\/$/, ''),
    publicWebUrl: env.url('PUBLIC_WEB_URL', ['http', 'https']).replace(/\/$/, ''),
    oidc: {
      issuer: env.url('OIDC_ISSUER', ['http', 'https']),
      clientId: env.string('OIDC_CLIENT_ID'),
      clientSecret: env.string('OIDC_CLIENT_SECRET'),
      scopes: env.string('OIDC_SCOPES', 'openid email profile'),
    },
    session: {
      databaseUrl: env.url('SESSION_DATABASE_URL', ['postgres', 'postgresql']),
      secret: env.string('SESSION_SECRET'),
      idleMs: env.wholeNumber('SESSION_IDLE_MINUTES', 30) * 60_000,
      absoluteMs: env.wholeNumber('SESSION_MAX_HOURS', 10) * 3_600_000,
    },
  };
  if (config.session.secret && config.session.secret.length < 32) {
    env.problem('SESSION_SECRET must be at least 32 characters (openssl rand -base64 32)');
  }
  env.assertValid();
  return config;
}

/** Cookies are Secure everywhere but a developer's own machine over plain http. */
export function servedOverHttps(config: WebConfig): boolean {
  return new URL(config.publicWebUrl).protocol === 'https:';
}
