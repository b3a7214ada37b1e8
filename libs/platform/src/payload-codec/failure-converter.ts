import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Moves failure messages and stack traces into a payload, where the payload codec encrypts
 * them. The SDK loads this module by path (DataConverter.failureConverterPath) because the
 * worker bundles it into workflow code: keep it free of Node APIs and of other imports.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
