import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Every key that may still be found in a history, and the one new payloads are encrypted with. */
export interface PayloadKeyring {
  keys: ReadonlyMap<string, Uint8Array>;
  currentKeyId: string;
}

/**
 * Encrypts whole payloads (metadata and data) so histories at rest hold nothing readable.
 * The key id travels in clear metadata, so keys rotate by adding a new current key while
 * older ones stay to decrypt histories written under them.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  // Private fields stay out of JSON and util.inspect, so a logged settings object leaks no key.
  readonly #keys: ReadonlyMap<string, Buffer>;
  readonly #currentKeyId: string;

  constructor(keyring: PayloadKeyring) {
    for (const [keyId, key] of keyring.keys) {
      if (key.length !== KEY_BYTES) throw new Error(`Payload key ${keyId} is not 32 bytes`);
    }
    if (!keyring.keys.has(keyring.currentKeyId)) {
      throw new Error(`The current payload key ${keyring.currentKeyId} is not among the keys`);
    }
    this.#keys = new Map([...keyring.keys].map(([keyId, key]) => [keyId, Buffer.from(key)]));
    this.#currentKeyId = keyring.currentKeyId;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    // Payloads written before encryption was switched on still decode, unchanged.
    return payloads.map((payload) =>
      metadataText(payload, 'encoding') === ENCRYPTED_ENCODING ? this.decrypt(payload) : payload,
    );
  }

  private encrypt(payload: Payload): Payload {
    const keyId = this.#currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key(keyId), iv);
    // The key id is authenticated too, so a payload cannot be relabelled to another key.
    cipher.setAAD(Buffer.from(keyId));
    const plaintext = temporal.api.common.v1.Payload.encode(payload).finish();
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return {
      metadata: {
        encoding: Buffer.from(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: Buffer.from(keyId),
      },
      data: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]),
    };
  }

  private decrypt(payload: Payload): Payload {
    const keyId = metadataText(payload, KEY_ID_METADATA);
    if (keyId === undefined) throw new Error('Encrypted payload has no encryption-key-id');
    const data = Buffer.from(payload.data ?? []);
    if (data.length < IV_BYTES + TAG_BYTES) {
      throw new Error(`Encrypted payload under key ${keyId} is truncated`);
    }
    const decipher = createDecipheriv(ALGORITHM, this.key(keyId), data.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plaintext: Buffer;
    try {
      plaintext = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch (cause) {
      throw new Error(`Encrypted payload under key ${keyId} failed authentication`, { cause });
    }
    return temporal.api.common.v1.Payload.decode(plaintext);
  }

  private key(keyId: string): Buffer {
    const key = this.#keys.get(keyId);
    if (!key) {
      throw new Error(
        `Payload encrypted with unknown key id ${keyId}: add that key to TEMPORAL_PAYLOAD_KEYS`,
      );
    }
    return key;
  }
}

function metadataText(payload: Payload, name: string): string | undefined {
  const value = payload.metadata?.[name];
  return value ? Buffer.from(value).toString('utf8') : undefined;
}
