import { EnvReader, readTemporalSettings, TemporalSettings } from '@safeguard/platform';

export const API_CONFIG = Symbol('API_CONFIG');

export interface HttpLimits {
  /** Origins allowed to call the API from a browser; none unless configured. */
  corsOrigins: string[];
  /** Requests a client may make per minute on one API instance. */
  rateLimitPerMinute: number;
  /** Largest JSON body accepted, in bytes. */
  maxBodyBytes: number;
}

export interface ApiConfig {
  port: number;
  host: string;
  databaseUrl: string;
  temporal: TemporalSettings;
  http: HttpLimits;
}

export function readApiConfig(environment: NodeJS.ProcessEnv): ApiConfig {
  const env = new EnvReader(environment);
  const config: ApiConfig = {
    port: env.port('PORT', 3000),
    host: env.string('HOST', '127.0.0.1'),
    databaseUrl: env.url('DATABASE_URL', ['postgres', 'postgresql']),
    temporal: readTemporalSettings(env),
    http: {
      corsOrigins: env.list('CORS_ORIGINS'),
      rateLimitPerMinute: env.wholeNumber('RATE_LIMIT_PER_MINUTE', 600),
      maxBodyBytes: env.wholeNumber('MAX_BODY_BYTES', 100_000),
    },
  };
  env.assertValid();
  return config;
}
