import { generateKeyPairSync } from 'node:crypto';
import { ConfigurationError, EnvReader } from '../env-reader';
import {
  checkpointKeyId,
  readCheckpointIntervalMs,
  readCheckpointPublicKeys,
  readCheckpointSigningKey,
} from './audit-checkpoint-keys';

function problemsOf(read: (env: EnvReader) => unknown, env: NodeJS.ProcessEnv): string[] {
  const reader = new EnvReader(env);
  read(reader);
  try {
    reader.assertValid();
    return [];
  } catch (error) {
    return (error as ConfigurationError).problems;
  }
}

describe('audit checkpoint keys', () => {
  const pair = generateKeyPairSync('ed25519');
  const privateDer = pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  const publicDer = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

  it('reads the signing key and names it as the verifier names its public half', () => {
    const env = new EnvReader({ AUDIT_CHECKPOINT_SIGNING_KEY: privateDer });
    const key = readCheckpointSigningKey(env);
    const trusted = readCheckpointPublicKeys(
      new EnvReader({ AUDIT_CHECKPOINT_PUBLIC_KEYS: `${publicDer}` }),
    );
    expect(key?.keyId).toBe(checkpointKeyId(pair.publicKey));
    expect([...trusted.keys()]).toEqual([key?.keyId]);
  });

  it('trusts several public keys, so a retired key still verifies what it signed', () => {
    const retired = generateKeyPairSync('ed25519').publicKey;
    const listed = `${publicDer}, ${retired.export({ type: 'spki', format: 'der' }).toString('base64')}`;
    const keys = readCheckpointPublicKeys(new EnvReader({ AUDIT_CHECKPOINT_PUBLIC_KEYS: listed }));
    expect([...keys.keys()]).toEqual([checkpointKeyId(pair.publicKey), checkpointKeyId(retired)]);
  });

  it('requires the keys, and names a bad one without printing it', () => {
    expect(problemsOf(readCheckpointSigningKey, {})).toEqual([
      'AUDIT_CHECKPOINT_SIGNING_KEY is required',
    ]);
    expect(problemsOf(readCheckpointPublicKeys, {})).toEqual([
      'AUDIT_CHECKPOINT_PUBLIC_KEYS is required',
    ]);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    for (const bad of [
      publicDer,
      `${privateDer}x`,
      rsa.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    ]) {
      const problems = problemsOf(readCheckpointSigningKey, { AUDIT_CHECKPOINT_SIGNING_KEY: bad });
      expect(problems).toEqual([expect.stringMatching(/^AUDIT_CHECKPOINT_SIGNING_KEY must be/)]);
      expect(problems.join()).not.toContain(bad.slice(0, 16));
    }
    expect(
      problemsOf(readCheckpointPublicKeys, { AUDIT_CHECKPOINT_PUBLIC_KEYS: `${publicDer},nope` }),
    ).toEqual([
      'AUDIT_CHECKPOINT_PUBLIC_KEYS item 2 must be base64 of an Ed25519 public key in SPKI DER',
    ]);
  });

  it('signs every five minutes unless told otherwise', () => {
    expect(readCheckpointIntervalMs(new EnvReader({}))).toBe(300_000);
    expect(
      readCheckpointIntervalMs(new EnvReader({ AUDIT_CHECKPOINT_INTERVAL_SECONDS: '60' })),
    ).toBe(60_000);
  });
});
