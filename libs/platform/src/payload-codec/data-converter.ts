import type { DataConverter, PayloadCodec } from '@temporalio/common';
import { AesGcmPayloadCodec, PayloadKeyring } from './aes-gcm-payload-codec';

/**
 * Loaded by path, not passed as an instance: the worker bundles it into workflow code, and
 * the client and activities require() it, so all three encode failures the same way.
 */
export const encodingFailureConverterPath = require.resolve('./failure-converter');

/**
 * Stands in while configuration is invalid. Callers assert the configuration before use, but
 * if one ever did not, nothing would fall back to writing plaintext.
 */
const refusingCodec: PayloadCodec = {
  encode: () => Promise.reject(new Error('TEMPORAL_PAYLOAD_KEYS is not configured')),
  decode: () => Promise.reject(new Error('TEMPORAL_PAYLOAD_KEYS is not configured')),
};

/** Encrypts every payload and every failure message the API and worker send to Temporal. */
export function encryptingDataConverter(keyring: PayloadKeyring | undefined): DataConverter {
  return {
    payloadCodecs: [keyring ? new AesGcmPayloadCodec(keyring) : refusingCodec],
    failureConverterPath: encodingFailureConverterPath,
  };
}
