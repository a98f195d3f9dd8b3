import { setTimeout as sleep } from 'node:timers/promises';
import { isGrpcServiceError, ServiceError } from '@temporalio/client';

/**
 * Retries calls the Temporal service could not complete (a ServiceError: e.g. right after a worker
 * restart the server may abort an update whose workflow task went to the old worker's sticky queue, or
 * refuse it while that workflow task is being retried after a failure).
 * A refusal by the workflow itself is final. Callers pass a fixed update ID so a retry is never applied twice.
 */
export async function retryServiceErrors<T>(call: () => Promise<T>, attempts = 5): Promise<T> {
  // Waits 1 s, 2 s, … between attempts.
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      // Unreachable is not worth waiting out here: the caller answers 503 at once.
      if (!(error instanceof ServiceError) || temporalUnavailable(error) || attempt >= attempts) throw error;
      await sleep(attempt * 1000);
    }
  }
}

/** gRPC codes that mean the Temporal service could not be reached in time (as opposed to refusing a call): DEADLINE_EXCEEDED, UNAVAILABLE. */
const UNREACHABLE_GRPC_CODES = new Set([4, 14]);

/** Whether `error` says Temporal is unreachable right now. */
export function temporalUnavailable(error: unknown): boolean {
  for (let e = error as { cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (isGrpcServiceError(e) && UNREACHABLE_GRPC_CODES.has(e.code)) return true;
    e = e.cause as typeof e;
  }
  return false;
}
