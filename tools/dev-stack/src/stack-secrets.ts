import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * TEMPORAL_PAYLOAD_KEYS for a stack started without one. The persistent dev stack keeps its key
 * so that its workflows survive restarts.
 */
export function stackPayloadKeys(dataDir: string, persistent: boolean): string {
  return stackSecret(
    dataDir,
    persistent,
    'payload-key',
    () => `dev-${new Date().toISOString().slice(0, 10)}:${randomBytes(32).toString('base64')}`,
  );
}

/**
 * ACTION_LINK_SECRET for a stack started without one. The persistent dev stack keeps its secret
 * so that the links in the emails it sent still work after a restart.
 */
export function stackActionLinkSecret(dataDir: string, persistent: boolean): string {
  return stackSecret(dataDir, persistent, 'action-link-secret', () =>
    randomBytes(32).toString('base64'),
  );
}

/**
 * AUDIT_CHECKPOINT_SIGNING_KEY and AUDIT_CHECKPOINT_PUBLIC_KEYS for a stack started without them:
 * an Ed25519 pair. The persistent dev stack keeps it, so its old checkpoints still verify.
 */
export function stackCheckpointKeys(
  dataDir: string,
  persistent: boolean,
): { signingKey: string; publicKeys: string } {
  const [signingKey, publicKeys] = stackSecret(dataDir, persistent, 'audit-checkpoint-keys', () => {
    const pair = generateKeyPairSync('ed25519');
    return [
      pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
      pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    ].join(' ');
  }).split(' ');
  return { signingKey, publicKeys };
}

/**
 * The web app's client secret at the stack's identity provider. The persistent dev stack keeps
 * it, so a web app configured with it goes on signing people in after a restart.
 */
export function stackWebClientSecret(dataDir: string, persistent: boolean): string {
  return stackSecret(dataDir, persistent, 'web-client-secret', () =>
    randomBytes(32).toString('base64url'),
  );
}

/** SESSION_SECRET for the web app: signs its session cookie. */
export function stackWebSessionSecret(dataDir: string, persistent: boolean): string {
  return stackSecret(dataDir, persistent, 'web-session-secret', () =>
    randomBytes(32).toString('base64url'),
  );
}

/** The password of the stack's application login role (see prepareDatabase in stack.ts). */
export function stackDatabasePassword(dataDir: string, persistent: boolean): string {
  return stackSecret(dataDir, persistent, 'database-app-password', () =>
    randomBytes(18).toString('base64url'),
  );
}

/** A throwaway stack gets a fresh secret; the persistent one keeps it beside its data. */
function stackSecret(
  dataDir: string,
  persistent: boolean,
  fileName: string,
  create: () => string,
): string {
  const file = join(dataDir, fileName);
  if (persistent && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = create();
  if (persistent) {
    mkdirSync(dataDir, { recursive: true });
    // Only the owner may read it; 'wx' never overwrites a secret another start just wrote.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  }
  return secret;
}
