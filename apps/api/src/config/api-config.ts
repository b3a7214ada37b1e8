import { EnvReader, readTemporalSettings, TemporalSettings } from '@safeguard/platform';

export const API_CONFIG = Symbol('API_CONFIG');

export interface ApiConfig {
  port: number;
  host: string;
  databaseUrl: string;
  temporal: TemporalSettings;
}

export function readApiConfig(environment: NodeJS.ProcessEnv): ApiConfig {
  const env = new EnvReader(environment);
  const config: ApiConfig = {
    port: env.port('PORT', 3000),
    host: env.string('HOST', '127.0.0.1'),
    databaseUrl: env.url('DATABASE_URL', ['postgres', 'postgresql']),
    temporal: readTemporalSettings(env),
  };
  env.assertValid();
  return config;
}
