import type { CheckpointTrust } from '@safeguard/persistence';
import {
  EnvReader,
  readActionLinkSecret,
  readCheckpointIntervalMs,
  readCheckpointPublicKeys,
  readTemporalSettings,
  TemporalSettings,
} from '@safeguard/platform';

export const API_CONFIG = Symbol('API_CONFIG');

export interface HttpLimits {
  /** Origins allowed to call the API from a browser; none unless configured. */
  corsOrigins: string[];
  /** Requests a client may make per minute on one API instance, all routes together. */
  rateLimitPerMinute: number;
  /** Of those, requests to routes whose path is or issues a credential (links, feeds, tokens). */
  credentialRateLimitPerMinute: number;
  /** Largest JSON body accepted, in bytes. */
  maxBodyBytes: number;
}

/** An OIDC issuer whose signed JWTs the API accepts: production's (e.g. Microsoft Entra ID). */
export interface OidcIssuerConfig {
  issuer: string;
  jwksUrl: string;
  /** The claim holding the user's work email, which finds them at their first sign-in. */
  emailClaim: string;
  /** The stable subject bound to them then (`sub`; Entra ID: `oid`, with the tenant's `iss`). */
  subjectClaim: string;
}

/**
 * Who may call the API. Production: an OIDC issuer's signed JWTs. Development and demos: also
 * (or only) a built-in issuer for the people in the directory, off by default. A token is checked
 * against the one issuer its `iss` names.
 */
export interface AuthConfig {
  audience: string;
  clockSkewSeconds: number;
  /** Required unless the development issuer is on. */
  oidc: OidcIssuerConfig | undefined;
  devIssuer: boolean;
}

export interface ApiConfig {
  port: number;
  host: string;
  databaseUrl: string;
  temporal: TemporalSettings;
  http: HttpLimits;
  auth: AuthConfig;
  /** Base of the links the API hands out (calendar feeds); unset: the request's own origin. */
  publicBaseUrl: string | undefined;
  /** Checks the action links the worker signs into reminder emails. */
  actionLinkSecret: Uint8Array;
  /** Checks the audit trail's signed checkpoints (the worker signs them). */
  auditCheckpoints: CheckpointTrust;
}

export function readApiConfig(environment: NodeJS.ProcessEnv): ApiConfig {
  const env = new EnvReader(environment);
  const config: ApiConfig = {
    port: env.port('PORT', 3000),
    host: env.string('HOST', '127.0.0.1'),
    databaseUrl: env.url('DATABASE_URL', ['postgres', 'postgresql']),
    temporal: readTemporalSettings(env),
    auth: readAuthConfig(env),
    publicBaseUrl: env.optional('PUBLIC_BASE_URL')
      ? env.url('PUBLIC_BASE_URL', ['https', 'http'])
      : undefined,
    actionLinkSecret: readActionLinkSecret(env),
    auditCheckpoints: {
      publicKeys: readCheckpointPublicKeys(env),
      intervalMs: readCheckpointIntervalMs(env),
    },
    http: {
      corsOrigins: env.list('CORS_ORIGINS'),
      rateLimitPerMinute: env.wholeNumber('RATE_LIMIT_PER_MINUTE', 600),
      credentialRateLimitPerMinute: env.wholeNumber('CREDENTIAL_RATE_LIMIT_PER_MINUTE', 30),
      maxBodyBytes: env.wholeNumber('MAX_BODY_BYTES', 100_000),
    },
  };
  env.assertValid();
  return config;
}

function readAuthConfig(env: EnvReader): AuthConfig {
  const devIssuer = env.boolean('AUTH_DEV_ISSUER', false);
  return {
    audience: env.string('AUTH_AUDIENCE', 'safeguarding-api'),
    clockSkewSeconds: env.wholeNumber('AUTH_CLOCK_SKEW_SECONDS', 60, 0),
    // The development issuer may stand alone (tools, demos); otherwise the OIDC issuer is required.
    oidc:
      devIssuer && !env.optional('AUTH_ISSUER')
        ? undefined
        : {
            issuer: env.url('AUTH_ISSUER', ['https', 'http']),
            jwksUrl: env.url('AUTH_JWKS_URL', ['https', 'http']),
            emailClaim: env.string('AUTH_EMAIL_CLAIM', 'email'),
            subjectClaim: env.string('AUTH_SUBJECT_CLAIM', 'sub'),
          },
    devIssuer,
  };
}
