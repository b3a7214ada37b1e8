import {
  createRemoteJWKSet,
  decodeJwt,
  generateKeyPair,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
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

/** An issuer the API accepts tokens from, and how its tokens name the person signing in. */
export interface TrustedIssuer {
  /** The `iss` of its tokens. */
  issuer: string;
  emailClaim: string;
  subjectClaim: string;
  /** Whether its subjects are bound to people at their first sign-in (see matchSignIn). */
  bindsSubject: boolean;
}

export interface VerifiedToken {
  claims: JWTPayload;
  /** The issuer whose key signed it. */
  issuer: TrustedIssuer;
}

/**
 * Checks a bearer token's signature, issuer, audience, expiry and algorithm against the trusted
 * issuer it names, and returns its claims; throws for anything else.
 */
export type TokenVerifier = (token: string) => Promise<VerifiedToken>;

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
  const verified = new ExpiringCache<string, VerifiedToken>(VERIFIED_TOKENS_KEPT);
  return async (token) => {
    const known = verified.get(token);
    if (known) return known;
    const { claims, issuer } = await verify(token);
    // Every request that sends this token shares it: none may change it for the others.
    const result = Object.freeze({ claims: Object.freeze(claims), issuer });
    const { exp } = claims;
    const untilExpiry = typeof exp === 'number' ? exp * 1000 - Date.now() : 0;
    verified.set(token, result, Math.min(VERIFIED_TOKEN_TTL_MS, untilExpiry));
    return result;
  };
}

/** A trusted issuer and what its tokens are checked with. */
interface IssuerCheck {
  trusted: TrustedIssuer;
  keys: JWTVerifyGetKey;
  algorithms: string[];
}

function checkingVerifier(config: AuthConfig, devIssuer?: DevIssuer): TokenVerifier {
  const issuers: IssuerCheck[] = [];
  if (config.oidc) {
    const { issuer, jwksUrl, emailClaim, subjectClaim } = config.oidc;
    issuers.push({
      trusted: Object.freeze({ issuer, emailClaim, subjectClaim, bindsSubject: true }),
      // jose caches the issuer's keys and refetches on an unknown key id, so rotation just works.
      keys: createRemoteJWKSet(new URL(jwksUrl)),
      algorithms: ['RS256', 'ES256'],
    });
  }
  if (config.devIssuer) {
    if (!devIssuer) throw new Error('the dev issuer is enabled but was not created');
    const key = devIssuer.publicKey;
    issuers.push({
      trusted: Object.freeze({
        issuer: DEV_ISSUER,
        emailClaim: 'email',
        subjectClaim: 'sub',
        // A test convenience, not an identity provider: see SignInIdentity.bindsSubject.
        bindsSubject: false,
      }),
      keys: async () => key,
      algorithms: ['RS256'],
    });
  }
  return async (token) => {
    // The unverified `iss` only chooses whose keys to check the token with; that check then
    // requires the same issuer, so a token can only ever be accepted as its signer's.
    const named = decodeJwt(token).iss;
    const check = issuers.find(({ trusted }) => trusted.issuer === named);
    if (!check) throw new Error('the token is not from a trusted issuer');
    const { payload } = await jwtVerify(token, check.keys, {
      issuer: check.trusted.issuer,
      audience: config.audience,
      clockTolerance: config.clockSkewSeconds,
      algorithms: check.algorithms,
    });
    return { claims: payload, issuer: check.trusted };
  };
}
