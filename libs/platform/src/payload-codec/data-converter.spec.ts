import { ApplicationFailure, defaultPayloadConverter } from '@temporalio/common';
import { loadDataConverter } from '@temporalio/common/lib/internal-non-workflow/data-converter-helpers';
import {
  decodeOptionalFailureToOptionalError,
  encodeErrorToFailure,
} from '@temporalio/common/lib/internal-non-workflow/codec-helpers';
import { randomBytes } from 'node:crypto';
import { ENCRYPTED_ENCODING } from './aes-gcm-payload-codec';
import { encryptingDataConverter } from './data-converter';

describe('encrypting data converter', () => {
  const converter = loadDataConverter(
    encryptingDataConverter({ keys: new Map([['k1', randomBytes(32)]]), currentKeyId: 'k1' }),
  );

  it('encrypts failure messages and stack traces, and restores them on decode', async () => {
    const error = ApplicationFailure.nonRetryable('Owner Priya Shah is away', 'StageConflict');
    const failure = await encodeErrorToFailure(converter, error);

    expect(failure.message).toBe('Encoded failure');
    expect(failure.stackTrace).toBe('');
    expect(failure.applicationFailureInfo?.type).toBe('StageConflict');
    const attributes = failure.encodedAttributes!;
    expect(Buffer.from(attributes.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(attributes.data!).toString()).not.toContain('Priya');
    expect(() => defaultPayloadConverter.fromPayload(attributes)).toThrow();

    const decoded = await decodeOptionalFailureToOptionalError(converter, failure);
    expect(decoded).toBeInstanceOf(ApplicationFailure);
    expect(decoded?.message).toBe('Owner Priya Shah is away');
  });
});
