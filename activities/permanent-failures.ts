// An activity failure that retrying cannot fix is non-retryable: the workflow hears of it at once (and
// alerts the operator) instead of retrying forever with its handler lock held and its clocks stopped.
import { ApplicationFailure } from '@temporalio/common';
import { permanentDatabaseError } from '../src/database/database-errors.js';
import { PERMANENT_FAILURE } from '../workflows/messages.js';

function permanentReason(error: unknown): string | null {
  // An unknown zone or an unreadable duration: the calendar's input is wrong, not its mood.
  if (error instanceof RangeError) return error.message;
  return permanentDatabaseError(error);
}

/** The same activities, each failing non-retryably (type PermanentFailure) when its error is permanent. */
export function failingPermanently<T extends Record<string, (...args: never[]) => Promise<unknown>>>(activities: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, activity] of Object.entries(activities)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await activity(...args);
      } catch (error) {
        const reason = permanentReason(error);
        if (reason === null) throw error;
        throw ApplicationFailure.create({ type: PERMANENT_FAILURE, message: `${name}: ${reason}: ${(error as Error).message.split('\n').at(-1)}`, nonRetryable: true, cause: error as Error });
      }
    };
  }
  return wrapped as T;
}
