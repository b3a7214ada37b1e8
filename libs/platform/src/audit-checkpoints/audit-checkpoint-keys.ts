import { createHash, createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import type { EnvReader } from '../env-reader';

/** The key the worker signs checkpoints with, and the id verifiers know it by. */
export interface CheckpointSigningKey {
  keyId: string;
  privateKey: KeyObject;
}

/** How often the heads of the chronology's chains are signed (the verifier allows twice this). */
export function readCheckpointIntervalMs(env: EnvReader): number {
  return env.wholeNumber('AUDIT_CHECKPOINT_INTERVAL_SECONDS', 300) * 1000;
}

/**
 * AUDIT_CHECKPOINT_SIGNING_KEY: an Ed25519 private key, base64 of its PKCS#8 DER
 * (`openssl genpkey -algorithm ed25519 -outform DER | base64 -w0`). Only the worker holds it: the
 * database never does, so whoever can write to the database cannot sign a checkpoint.
 * Problems name the variable, never its value.
 */
export function readCheckpointSigningKey(env: EnvReader): CheckpointSigningKey | undefined {
  const encoded = env.string('AUDIT_CHECKPOINT_SIGNING_KEY');
  if (!encoded) return undefined;
  try {
    const privateKey = createPrivateKey({
      key: strictBase64(encoded),
      format: 'der',
      type: 'pkcs8',
    });
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    return { keyId: checkpointKeyId(createPublicKey(privateKey)), privateKey };
  } catch {
    env.problem(
      'AUDIT_CHECKPOINT_SIGNING_KEY must be base64 of an Ed25519 private key in PKCS#8 DER (openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)',
    );
    return undefined;
  }
}

/**
 * AUDIT_CHECKPOINT_PUBLIC_KEYS: the public halves verifiers trust, comma-separated, each base64
 * of its SPKI DER (`openssl pkey -inform DER -in key.der -pubout -outform DER | base64 -w0`).
 * Keep a retired key listed for as long as checkpoints it signed are the latest ones checked.
 */
export function readCheckpointPublicKeys(env: EnvReader): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  const listed = env.list('AUDIT_CHECKPOINT_PUBLIC_KEYS');
  if (listed.length === 0) env.problem('AUDIT_CHECKPOINT_PUBLIC_KEYS is required');
  for (const [index, encoded] of listed.entries()) {
    try {
      const publicKey = createPublicKey({
        key: strictBase64(encoded),
        format: 'der',
        type: 'spki',
      });
      if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
      keys.set(checkpointKeyId(publicKey), publicKey);
    } catch {
      env.problem(
        `AUDIT_CHECKPOINT_PUBLIC_KEYS item ${index + 1} must be base64 of an Ed25519 public key in SPKI DER`,
      );
    }
  }
  return keys;
}

/** Names a public key by its own bytes, so a verifier holding several knows which one signed. */
export function checkpointKeyId(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** Round-tripping refuses what Buffer would silently skip (stray characters, bad padding). */
function strictBase64(encoded: string): Buffer {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length === 0 || bytes.toString('base64') !== encoded) throw new Error('not base64');
  return bytes;
}
