import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stackActionLinkSecret, stackPayloadKeys, stackWebClientSecret } from './stack-secrets';

describe.each([
  ['payload key', stackPayloadKeys, 'payload-key', /^dev-\d{4}-\d{2}-\d{2}:[A-Za-z0-9+/]{43}=$/],
  ['action link secret', stackActionLinkSecret, 'action-link-secret', /^[A-Za-z0-9+/]{43}=$/],
  ['web client secret', stackWebClientSecret, 'web-client-secret', /^[A-Za-z0-9_-]{43}$/],
] as const)('the dev stack’s %s', (_name, secretFor, fileName, shape) => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'stack-secret-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is kept, readable by its owner only, and reused by the persistent stack', () => {
    const first = secretFor(dataDir, true);
    expect(first).toMatch(shape);
    expect(statSync(join(dataDir, fileName)).mode & 0o777).toBe(0o600);
    expect(secretFor(dataDir, true)).toBe(first);
  });

  it('is fresh and never written down for a throwaway stack', () => {
    expect(secretFor(dataDir, false)).not.toBe(secretFor(dataDir, false));
    expect(existsSync(join(dataDir, fileName))).toBe(false);
  });
});
