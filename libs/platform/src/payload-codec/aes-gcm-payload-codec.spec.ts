import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA } from './aes-gcm-payload-codec';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const codecWith = (keys: Record<string, Uint8Array>, currentKeyId: string) =>
  new AesGcmPayloadCodec({ keys: new Map(Object.entries(keys)), currentKeyId });

const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const payloadOf = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const valueOf = (payload: Payload): unknown => defaultPayloadConverter.fromPayload(payload);

describe('AES-256-GCM payload codec', () => {
  const value = { actionId: 'a1b2c3', note: 'Mrs Example' };

  it('round-trips a payload, metadata included, and hides both', async () => {
    const codec = codecWith({ k1 }, 'k1');
    const [encoded] = await codec.encode([payloadOf(value)]);

    expect(text(encoded.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(encoded.metadata?.[KEY_ID_METADATA])).toBe('k1');
    expect(Object.keys(encoded.metadata ?? {}).sort()).toEqual(['encoding', KEY_ID_METADATA]);
    expect(text(encoded.data)).not.toContain('Mrs Example');
    expect(text(encoded.data)).not.toContain('json/plain');

    const [decoded] = await codec.decode([encoded]);
    expect(text(decoded.metadata?.encoding)).toBe('json/plain');
    expect(valueOf(decoded)).toEqual(value);
  });

  it('uses a fresh IV for every payload, so equal values never look equal', async () => {
    const codec = codecWith({ k1 }, 'k1');
    const [first, second] = await codec.encode([payloadOf(value), payloadOf(value)]);
    expect(Buffer.from(first.data!).subarray(0, 12)).not.toEqual(
      Buffer.from(second.data!).subarray(0, 12),
    );
    expect(Buffer.from(first.data!)).not.toEqual(Buffer.from(second.data!));
  });

  it('refuses a payload whose ciphertext was tampered with', async () => {
    const codec = codecWith({ k1 }, 'k1');
    const [encoded] = await codec.encode([payloadOf(value)]);
    const data = Buffer.from(encoded.data!);
    data[20] ^= 0x01;
    await expect(codec.decode([{ ...encoded, data }])).rejects.toThrow(
      'Encrypted payload under key k1 failed authentication',
    );
  });

  it('refuses a payload relabelled with another key id', async () => {
    const [encoded] = await codecWith({ k1, k2 }, 'k1').encode([payloadOf(value)]);
    const relabelled = {
      ...encoded,
      metadata: { ...encoded.metadata, [KEY_ID_METADATA]: Buffer.from('k2') },
    };
    await expect(codecWith({ k1, k2 }, 'k2').decode([relabelled])).rejects.toThrow(
      'failed authentication',
    );
  });

  it('decodes old payloads after rotation and encrypts new ones with the current key', async () => {
    const [old] = await codecWith({ k1 }, 'k1').encode([payloadOf(value)]);
    const rotated = codecWith({ k1, k2 }, 'k2');

    expect(valueOf((await rotated.decode([old]))[0])).toEqual(value);
    const [fresh] = await rotated.encode([payloadOf(value)]);
    expect(text(fresh.metadata?.[KEY_ID_METADATA])).toBe('k2');
    // Once k1 is retired, only payloads written under it become unreadable.
    const retired = codecWith({ k2 }, 'k2');
    expect(valueOf((await retired.decode([fresh]))[0])).toEqual(value);
  });

  it('names an unknown key id, never a key', async () => {
    const [old] = await codecWith({ k1 }, 'k1').encode([payloadOf(value)]);
    const error = await codecWith({ k2 }, 'k2')
      .decode([old])
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('unknown key id k1');
    for (const key of [k1, k2]) {
      expect((error as Error).message).not.toContain(key.toString('base64'));
    }
  });

  it('passes payloads written before encryption through unchanged', async () => {
    const plain = payloadOf(value);
    const [decoded] = await codecWith({ k1 }, 'k1').decode([plain]);
    expect(decoded).toBe(plain);
  });

  it('refuses a keyring whose current key is missing or whose keys are not 32 bytes', () => {
    expect(() => codecWith({ k1 }, 'k2')).toThrow('current payload key k2 is not among the keys');
    expect(() => codecWith({ short: randomBytes(16) }, 'short')).toThrow(
      'Payload key short is not 32 bytes',
    );
  });

  it('keeps its keys out of JSON and inspection', () => {
    const codec = codecWith({ k1 }, 'k1');
    const shown = `${JSON.stringify(codec)}\n${inspect(codec, { depth: 5, showHidden: true })}`;
    expect(shown).not.toContain(k1.toString('base64'));
    expect(shown).not.toContain('Buffer');
  });
});
