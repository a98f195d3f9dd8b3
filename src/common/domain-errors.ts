// Errors the domain speaks in; the one exception filter turns them into HTTP answers, rendering their
// text (a Message) in the caller's language. Error.message is the English text, for logs.
import { message, type Message, type MessageKey } from '../i18n/messages.js';

/** An official regency/city, district or village a refused place could have meant, and where it lies. */
export interface PlaceCandidate {
  areaCode: string;
  name: string;
  within: string;
}

/** A refusal worded for people: `text` is rendered per request; `message` (English) is for logs. */
export abstract class LocalizedError extends Error {
  constructor(readonly text: Message | Message[]) {
    super([text].flat().map(String).join('; '));
  }
}

type NotFoundKey = Extract<MessageKey, `notFound.${string}`>;
// Errors the domain speaks in; the one exception filter turns them into HTTP answers.
import type { ComplaintState } from '../../workflows/messages.js';

/** The thing asked for does not exist (or is not visible to the caller). → 404 */
export class NotFoundError extends LocalizedError {
  constructor(what: NotFoundKey, id: string) {
    super(message(what, { id }));
    this.name = 'NotFoundError';
  }
}

/** A field's value cannot be accepted (e.g. it names something that does not exist). → 400 naming the field */
export class InvalidFieldError extends LocalizedError {
  constructor(
    readonly field: string,
    problem: Message,
    /** Values the field could take instead (the nearest official regencies), for the caller to choose from. */
    readonly candidates?: PlaceCandidate[],
  ) {
    super(message('field.problem', { field, problem }));
    this.name = 'InvalidFieldError';
  }
}

/** The request's fields break their rules (ValidationPipe, input sanity): one text per problem. → 400 */
export class RequestValidationError extends LocalizedError {
  constructor(readonly problems: Message[]) {
    super(problems);
    this.name = 'RequestValidationError';
  }
}

/** An Idempotency-Key was reused for a different request. → 422 */
export class IdempotencyKeyReusedError extends LocalizedError {
  constructor() {
    super(message('idempotency.reused'));
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
export class ProcessEndedError extends LocalizedError {
  constructor(
    readonly state: ComplaintState,
    action: string,
  ) {
    super(message('conflict.illegalTransition', { action, state, allowed: message('conflict.noActions') }));
    this.name = 'ProcessEndedError';
  }
}

/** A budget or a credential's wait is spent: try again after `retryAfterSeconds`. → 429 with Retry-After */
export class TooManyAttemptsError extends LocalizedError {
  constructor(
    what: Extract<MessageKey, `tooMany.${string}`>,
    readonly retryAfterSeconds: number,
    params: Record<string, Message> = {},
  ) {
    super(message(what, { ...params, seconds: retryAfterSeconds }));
    this.name = 'TooManyAttemptsError';
  }
}

/**
 * An evidence upload refused as a whole (nothing stored): a file too large (413), not an accepted type by its
 * content (415), damaged, badly named or too many (400), or not attachable in the complaint's state (409).
 */
export class UploadRefusedError extends LocalizedError {
  constructor(
    readonly status: 400 | 409 | 413 | 415,
    text: Message,
  ) {
    super(text);
    this.name = 'UploadRefusedError';
  }
}
