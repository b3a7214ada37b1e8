import {
  createRemoteJWKSet,
  generateKeyPair,
  jwtVerify,
  type JWTPayload,
  type KeyLike,
  SignJWT,
} from 'jose';
import { ExpiringCache } from '../common/expiring-cache';
import type { AuthConfig } from '../config/api-config';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export const DEV_ISSUER = 'urn:safeguarding:dev-issuer';
const DEV_TOKEN_LIFETIME_SECONDS = 3600;
/**
 * A client sends the same token with every request until it expires, and checking its signature
 * is a good part of each request's CPU, so a verified token is remembered for a minute (never
 * past its expiry). Nothing is lost by it: a token cannot be revoked before it expires anyway, and
 * jose already keeps an issuer's keys for up to ten minutes after they leave its key set.
 */
const VERIFIED_TOKEN_TTL_MS = 60_000;
const VERIFIED_TOKENS_KEPT = 10_000;

/** Checks a bearer token's signature, issuer, audience and expiry, and returns its claims. */
export type TokenVerifier = (token: string) => Promise<JWTPayload>;

/** Signs short-lived tokens for people in the directory; only ever on in development and demos. */
export class DevIssuer {
  readonly lifetimeSeconds = DEV_TOKEN_LIFETIME_SECONDS;

  private constructor(
    private readonly privateKey: KeyLike,
    readonly publicKey: KeyLike,
    private readonly audience: string,
  ) {}

  static async create(audience: string): Promise<DevIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    return new DevIssuer(privateKey, publicKey, audience);
  }

  sign(personId: string, email: string): Promise<string> {
    return new SignJWT({ email })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(DEV_ISSUER)
      .setAudience(this.audience)
      .setSubject(personId)
      .setIssuedAt()
      .setExpirationTime(`${this.lifetimeSeconds}s`)
      .sign(this.privateKey);
  }
}

export function createTokenVerifier(config: AuthConfig, devIssuer?: DevIssuer): TokenVerifier {
  return rememberingVerified(checkingVerifier(config, devIssuer));
}

function rememberingVerified(verify: TokenVerifier): TokenVerifier {
  const verified = new ExpiringCache<string, JWTPayload>(VERIFIED_TOKENS_KEPT);
  return async (token) => {
    const known = verified.get(token);
    if (known) return known;
    const claims = Object.freeze(await verify(token));
    const untilExpiry = typeof claims.exp === 'number' ? claims.exp * 1000 - Date.now() : 0;
    verified.set(token, claims, Math.min(VERIFIED_TOKEN_TTL_MS, untilExpiry));
    return claims;
  };
}

function checkingVerifier(config: AuthConfig, devIssuer?: DevIssuer): TokenVerifier {
  const common = { audience: config.audience, clockTolerance: config.clockSkewSeconds };
  if (config.mode === 'dev-issuer') {
    if (!devIssuer) throw new Error('the dev issuer is enabled but was not created');
    const key = devIssuer.publicKey;
    return async (token) =>
      (await jwtVerify(token, key, { ...common, issuer: DEV_ISSUER })).payload;
  }
  // jose caches the issuer's keys and refetches on an unknown key id, so rotation just works.
  const keys = createRemoteJWKSet(new URL(config.jwksUrl));
  return async (token) =>
    (
      await jwtVerify(token, keys, {
        ...common,
        issuer: config.issuer,
        algorithms: ['RS256', 'ES256'],
      })
    ).payload;
}
