// Errors the domain speaks in; the one exception filter turns them into HTTP answers.
import type { ComplaintState } from '../../workflows/messages.js';

/** The thing asked for does not exist (or is not visible to the caller). → 404 */
export class NotFoundError extends Error {
  constructor(resource: string, id: string) {
    super(`${resource} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

/** A field's value cannot be accepted (e.g. it names something that does not exist). → 400 naming the field */
export class InvalidFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'InvalidFieldError';
  }
}

/** An Idempotency-Key was reused for a different request. → 422 */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('Idempotency-Key was already used for a different request');
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** A dependency (PostgreSQL, Temporal) cannot be reached: at boot the process stops naming it; at runtime → 503. */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: 'PostgreSQL' | 'Temporal',
    where: string,
    setting: string,
    cause?: unknown,
  ) {
    super(`${dependency} is unreachable at ${where} (${setting})${cause instanceof Error ? `: ${cause.message.split('\n').filter(Boolean).at(-1)}` : ''}`);
    this.name = 'DependencyUnavailableError';
  }
}

/** The complaint's process has ended (closed or archived); no action applies any more. → 409 */
export class ProcessEndedError extends Error {
  constructor(
    readonly state: ComplaintState,
    action: string,
  ) {
    super(`cannot ${action}: complaint is ${state}; allowed actions: none`);
    this.name = 'ProcessEndedError';
  }
}

/** A budget or a credential's wait is spent: try again after `retryAfterSeconds`. → 429 with Retry-After */
export class TooManyAttemptsError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(`${message}; retry in ${retryAfterSeconds} s`);
    this.name = 'TooManyAttemptsError';
  }
}
