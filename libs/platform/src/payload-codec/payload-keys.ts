import type { EnvReader } from '../env-reader';
import type { PayloadKeyring } from './aes-gcm-payload-codec';

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const KEY_BYTES = 32;

/**
 * Reads TEMPORAL_PAYLOAD_KEYS (`keyId:base64Key,…`) and TEMPORAL_PAYLOAD_KEY_ID (the key new
 * payloads are encrypted with; the first by default). Returns undefined when anything is wrong,
 * having told `env` why. Problems name variables and key ids, never key material.
 */
export function readPayloadKeyring(env: EnvReader): PayloadKeyring | undefined {
  const raw = env.string('TEMPORAL_PAYLOAD_KEYS');
  if (!raw) return undefined;
  const keys = new Map<string, Uint8Array>();
  let valid = true;
  const invalid = (message: string) => {
    env.problem(message);
    valid = false;
  };
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) invalid('TEMPORAL_PAYLOAD_KEYS must hold at least one keyId:base64Key');
  entries.forEach((entry, index) => {
    const separator = entry.indexOf(':');
    const keyId = entry.slice(0, Math.max(separator, 0)).trim();
    const encoded = entry.slice(separator + 1).trim();
    if (separator < 0 || !KEY_ID.test(keyId)) {
      // Without a well-formed id this entry may be a bare key: identify it by position only.
      invalid(
        `TEMPORAL_PAYLOAD_KEYS entry ${index + 1} must be keyId:base64Key, the id 1 to 64 letters, digits, ".", "_" or "-"`,
      );
      return;
    }
    if (keys.has(keyId)) invalid(`TEMPORAL_PAYLOAD_KEYS names key ${keyId} more than once`);
    const key = Buffer.from(encoded, 'base64');
    // Round-tripping refuses what Buffer would silently skip (stray characters, bad padding).
    if (key.length !== KEY_BYTES || key.toString('base64') !== encoded) {
      invalid(
        `TEMPORAL_PAYLOAD_KEYS key ${keyId} must be standard base64 of exactly 32 bytes (openssl rand -base64 32)`,
      );
    }
    keys.set(keyId, key);
  });
  const firstKeyId = keys.keys().next().value;
  const currentKeyId = env.string('TEMPORAL_PAYLOAD_KEY_ID', firstKeyId ?? '');
  if (currentKeyId && !keys.has(currentKeyId)) {
    invalid(
      `TEMPORAL_PAYLOAD_KEY_ID must be one of the key ids in TEMPORAL_PAYLOAD_KEYS (${[...keys.keys()].join(', ')})`,
    );
  }
  return valid ? { keys, currentKeyId } : undefined;
}
