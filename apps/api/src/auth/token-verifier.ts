import {
  createRemoteJWKSet,
  generateKeyPair,
  jwtVerify,
  type JWTPayload,
  type KeyLike,
  SignJWT,
} from 'jose';
import type { AuthConfig } from '../config/api-config';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export const DEV_ISSUER = 'urn:safeguarding:dev-issuer';
const DEV_TOKEN_LIFETIME_SECONDS = 3600;

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
