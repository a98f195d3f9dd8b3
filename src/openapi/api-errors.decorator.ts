// The error answers an operation documents, all with one schema: ErrorBodyView (AllExceptionsFilter's
// shape), or the Open311 error list on Open311 paths. Descriptions are shared; a route may say more.
import { applyDecorators } from '@nestjs/common';
import { ApiResponse, type ApiResponseOptions } from '@nestjs/swagger';
import { ErrorBodyView } from '../common/error-body.view.js';
import { Open311ErrorView } from '../open311/dto/open311.views.js';

export const ERROR_DESCRIPTIONS = {
  400: 'Bad input; the message names each field and what is wrong with it. Nothing was changed',
  401: 'No valid credential: a missing, malformed or expired bearer token, or a wrong API key',
  403: 'Signed in, but this role, agency or integration client may not do this',
  404: 'No such resource visible to the caller',
  409: 'Not allowed in the current state; a lifecycle refusal names the state and the allowed actions',
  413: 'Body larger than the 64 kB limit',
  415: 'The body or a file is not of a type this route accepts',
  422: 'The Idempotency-Key was already used for a different request',
  429: 'Budget spent: wait for Retry-After seconds',
  500: 'Unexpected failure; quote requestId to the operator',
  503: 'PostgreSQL or Temporal is unreachable right now; nothing was changed, retry after Retry-After seconds',
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;
/** A status with the shared description, or with a route's own. */
export type ErrorAnswer = ErrorStatus | [ErrorStatus, string];

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1, maximum: 86_400 } } };

function errorResponses(answers: ErrorAnswer[], schema: { type: Function; isArray?: boolean }): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...answers.map((answer) => {
      const [status, description] = Array.isArray(answer) ? answer : [answer, ERROR_DESCRIPTIONS[answer]];
      const headers = status === 429 || status === 503 ? RETRY_AFTER : undefined;
      return ApiResponse({ status, description, ...schema, ...(headers ? { headers } : {}) } as ApiResponseOptions);
    }),
  );
}

/** The JSON API's error answers of a route or a whole controller. */
export const ApiErrors = (...answers: ErrorAnswer[]) => errorResponses(answers, { type: ErrorBodyView });

/** Open311's: a list of {code, description}, in the format of the path's extension. */
export const ApiOpen311Errors = (...answers: ErrorAnswer[]) => errorResponses(answers, { type: Open311ErrorView, isArray: true });

/** What any operation can answer: a bad token is refused even on open routes, and any route can fail or lose a dependency. */
export const ApiCommonErrors = () => ApiErrors(401, 500, 503);
