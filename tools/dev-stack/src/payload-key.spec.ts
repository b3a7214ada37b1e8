import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stackPayloadKeys } from './payload-key';

describe('the dev stack’s payload key', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'payload-key-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is kept, readable by its owner only, and reused by the persistent stack', () => {
    const first = stackPayloadKeys(dataDir, true);
    expect(first).toMatch(/^dev-\d{4}-\d{2}-\d{2}:[A-Za-z0-9+/]{43}=$/);
    expect(statSync(join(dataDir, 'payload-key')).mode & 0o777).toBe(0o600);
    expect(stackPayloadKeys(dataDir, true)).toBe(first);
  });

  it('is fresh and never written down for a throwaway stack', () => {
    expect(stackPayloadKeys(dataDir, false)).not.toBe(stackPayloadKeys(dataDir, false));
    expect(existsSync(join(dataDir, 'payload-key'))).toBe(false);
  });
});
