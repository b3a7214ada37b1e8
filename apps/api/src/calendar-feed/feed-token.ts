import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes in base64url: 43 characters, no padding. */
const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The token is the whole credential of a feed URL, so it carries 256 bits of randomness. */
export function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isFeedToken(value: string): boolean {
  return FEED_TOKEN.test(value);
}

/**
 * What is stored and looked up. A plain hash suffices (no salt or stretching): the token is
 * random, not a password, and the lookup by hash means no comparison of secrets can leak timing.
 */
export function feedTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
