import type { EnvReader } from '../env-reader';
import { ACTION_LINK_SECRET_MIN_BYTES } from './action-link';

/**
 * ACTION_LINK_SECRET: the HMAC key the worker signs action links with and the API checks them
 * with, so both must share it. There is one: changing it invalidates every link already emailed
 * (their recipients sign in instead), which is the way to revoke them all at once.
 * Problems name the variable, never its value; an invalid secret reads as empty.
 */
export function readActionLinkSecret(env: EnvReader): Uint8Array {
  const encoded = env.string('ACTION_LINK_SECRET');
  if (!encoded) return Buffer.alloc(0);
  const secret = Buffer.from(encoded, 'base64');
  // Round-tripping refuses what Buffer would silently skip (stray characters, bad padding).
  if (secret.length < ACTION_LINK_SECRET_MIN_BYTES || secret.toString('base64') !== encoded) {
    env.problem(
      `ACTION_LINK_SECRET must be standard base64 of at least ${ACTION_LINK_SECRET_MIN_BYTES} bytes (openssl rand -base64 32)`,
    );
    return Buffer.alloc(0);
  }
  return secret;
}
