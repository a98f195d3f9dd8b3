// Loaded by path (DataConverter.failureConverterPath) in workers, clients and the workflow bundle; CommonJS
// (.cts) because the SDK loads it with require().
import { DefaultFailureConverter } from '@temporalio/common';

/** Failure messages and stack traces travel as an encoded payload, through the encryption codec: they can quote input. */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
