import { defaultPayloadConverter } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { ConfigurationError, EnvReader } from '../env-reader';
import { readTemporalSettings } from '../temporal-settings';
import { KEY_ID_METADATA } from './aes-gcm-payload-codec';

const key = () => randomBytes(32).toString('base64');

function problemsFor(env: NodeJS.ProcessEnv): string[] {
  const reader = new EnvReader(env);
  readTemporalSettings(reader);
  try {
    reader.assertValid();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  return [];
}

async function keyIdUsedBy(env: NodeJS.ProcessEnv): Promise<string> {
  const reader = new EnvReader(env);
  const { dataConverter } = readTemporalSettings(reader);
  reader.assertValid();
  const [encoded] = await dataConverter.payloadCodecs![0].encode([
    defaultPayloadConverter.toPayload('x'),
  ]);
  return Buffer.from(encoded.metadata![KEY_ID_METADATA]).toString();
}

describe('payload keys configuration', () => {
  it('is required: there is no plaintext mode', () => {
    expect(problemsFor({})).toEqual(['TEMPORAL_PAYLOAD_KEYS is required']);
  });

  it('encrypts with the first key unless TEMPORAL_PAYLOAD_KEY_ID names another', async () => {
    const keys = `k1:${key()}, k2:${key()}`;
    expect(await keyIdUsedBy({ TEMPORAL_PAYLOAD_KEYS: keys })).toBe('k1');
    expect(await keyIdUsedBy({ TEMPORAL_PAYLOAD_KEYS: keys, TEMPORAL_PAYLOAD_KEY_ID: 'k2' })).toBe(
      'k2',
    );
  });

  it('names every bad entry without repeating any key material', () => {
    const short = randomBytes(16).toString('base64');
    const bare = key();
    const good = key();
    const env = {
      TEMPORAL_PAYLOAD_KEYS: `short:${short},${bare},bad!id:${good},notb64:${'*'.repeat(44)},dup:${good},dup:${good}`,
    };
    const problems = problemsFor(env);
    expect(problems).toEqual([
      'TEMPORAL_PAYLOAD_KEYS key short must be standard base64 of exactly 32 bytes (openssl rand -base64 32)',
      'TEMPORAL_PAYLOAD_KEYS entry 2 must be keyId:base64Key, the id 1 to 64 letters, digits, ".", "_" or "-"',
      'TEMPORAL_PAYLOAD_KEYS entry 3 must be keyId:base64Key, the id 1 to 64 letters, digits, ".", "_" or "-"',
      'TEMPORAL_PAYLOAD_KEYS key notb64 must be standard base64 of exactly 32 bytes (openssl rand -base64 32)',
      'TEMPORAL_PAYLOAD_KEYS names key dup more than once',
    ]);
    const message = problems.join('\n');
    for (const material of [short, bare, good]) expect(message).not.toContain(material);
  });

  it('refuses a current key id that is not among the keys, without echoing the value', () => {
    const secret = key();
    expect(
      problemsFor({ TEMPORAL_PAYLOAD_KEYS: `k1:${key()}`, TEMPORAL_PAYLOAD_KEY_ID: secret }),
    ).toEqual(['TEMPORAL_PAYLOAD_KEY_ID must be one of the key ids in TEMPORAL_PAYLOAD_KEYS (k1)']);
  });

  it('refuses a list with no entries', () => {
    expect(problemsFor({ TEMPORAL_PAYLOAD_KEYS: ' , ' })).toEqual([
      'TEMPORAL_PAYLOAD_KEYS must hold at least one keyId:base64Key',
    ]);
  });

  it('never falls back to plaintext when used without asserting the configuration', async () => {
    const { dataConverter } = readTemporalSettings(new EnvReader({}));
    await expect(
      dataConverter.payloadCodecs![0].encode([defaultPayloadConverter.toPayload('x')]),
    ).rejects.toThrow('TEMPORAL_PAYLOAD_KEYS is not configured');
  });
});
