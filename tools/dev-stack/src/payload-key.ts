import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * TEMPORAL_PAYLOAD_KEYS for a stack started without one. A throwaway stack gets a fresh key;
 * the persistent dev stack keeps its key beside its data, so its workflows survive restarts.
 */
export function stackPayloadKeys(dataDir: string, persistent: boolean): string {
  const file = join(dataDir, 'payload-key');
  if (persistent && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const entry = `dev-${new Date().toISOString().slice(0, 10)}:${randomBytes(32).toString('base64')}`;
  if (persistent) {
    mkdirSync(dataDir, { recursive: true });
    // Only the owner may read it; 'wx' never overwrites a key another start just wrote.
    writeFileSync(file, `${entry}\n`, { mode: 0o600, flag: 'wx' });
  }
  return entry;
}
