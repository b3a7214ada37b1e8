import { ConfigurationError, EnvReader } from './env-reader';
import { readTemporalSettings } from './temporal-settings';

describe('EnvReader', () => {
  it('reports every bad variable at once, by name', () => {
    const env = new EnvReader({ DATABASE_URL: 'mysql://x/y', PORT: '99999', DEBUG: 'maybe' });
    env.url('DATABASE_URL', ['postgres']);
    env.port('PORT', 3000);
    env.boolean('DEBUG', false);
    env.string('SMTP_URL');
    let error: unknown;
    try {
      env.assertValid();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems).toEqual([
      'DATABASE_URL must be a URL using postgres (got mysql:)',
      'PORT must be a port number from 0 to 65535 (got "99999")',
      'DEBUG must be true or false (got "maybe")',
      'SMTP_URL is required',
    ]);
  });

  it('uses defaults for absent or blank variables', () => {
    const env = new EnvReader({ HOST: '  ' });
    expect(env.string('HOST', '127.0.0.1')).toBe('127.0.0.1');
    expect(env.port('PORT', 3000)).toBe(3000);
    expect(() => env.assertValid()).not.toThrow();
  });
});

describe('Temporal settings', () => {
  it('defaults to a local dev server without TLS', () => {
    const settings = readTemporalSettings(new EnvReader({}));
    expect(settings).toMatchObject({
      address: 'localhost:7233',
      namespace: 'default',
      taskQueue: 'safeguarding',
      connection: { address: 'localhost:7233', tls: false },
    });
  });

  it('turns TLS on for Temporal Cloud when an API key is given', () => {
    const settings = readTemporalSettings(
      new EnvReader({
        TEMPORAL_ADDRESS: 'eu-west-2.aws.api.temporal.io:7233',
        TEMPORAL_NAMESPACE: 'safeguarding.a1b2c',
        TEMPORAL_API_KEY: 'secret-key',
      }),
    );
    expect(settings.connection.apiKey).toBe('secret-key');
    expect(settings.connection.tls).toEqual(expect.objectContaining({ clientCertPair: undefined }));
  });

  it('asks for the key when only a client certificate is given', () => {
    const env = new EnvReader({
      TEMPORAL_TLS_CERT_PATH: '/nonexistent/cert.pem',
      TEMPORAL_TLS: 'false',
    });
    readTemporalSettings(env);
    expect(() => env.assertValid()).toThrow('TEMPORAL_TLS_KEY_PATH is required');
  });
});
