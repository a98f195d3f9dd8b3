import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Request, Response } from 'express';
import { Prisma } from '../generated/prisma/client.js';
import { ILLEGAL_TRANSITION, type IllegalTransitionDetails } from '../../workflows/messages.js';
import { databaseUnavailable } from '../database/database-errors.js';
import { temporalUnavailable } from '../temporal/retry-service-errors.js';
import type { ErrorBodyView } from './error-body.view.js';
import { DependencyUnavailableError, IdempotencyKeyReusedError, InvalidFieldError, NotFoundError, ProcessEndedError, TooManyAttemptsError } from './domain-errors.js';
import { isOpen311Path, renderOpen311Errors } from '../open311/open311-format.js';

/** What every error answer carries: the one error schema of the OpenAPI document. */
type ErrorBody = ErrorBodyView;
/** The fields some answers add (a lifecycle 409, a 5xx). */
type ErrorExtras = Pick<ErrorBodyView, 'state' | 'allowedActions' | 'requestId'>;

/** Errors from body-parser carry a `type`; these are the client's fault. */
const BODY_PARSER_ERRORS: Record<string, [HttpStatus, string]> = {
  'entity.parse.failed': [HttpStatus.BAD_REQUEST, 'body: malformed JSON'],
  'entity.too.large': [HttpStatus.PAYLOAD_TOO_LARGE, 'body: larger than the 64 kB limit'],
  'parameters.too.many': [HttpStatus.PAYLOAD_TOO_LARGE, 'body: too many form fields'],
  'querystring.parse.rangeError': [HttpStatus.BAD_REQUEST, 'body: form fields nested too deeply'],
  'charset.unsupported': [HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'body: charset must be utf-8'],
  'encoding.unsupported': [HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'body: unsupported Content-Encoding'],
};

/** What a 503 asks clients to wait before trying again. */
const RETRY_AFTER_SECONDS = 5;

const PRISMA_STATUS: Record<string, HttpStatus> = {
  P2002: HttpStatus.CONFLICT,
  P2025: HttpStatus.NOT_FOUND,
  P2003: HttpStatus.BAD_REQUEST,
};

/**
 * The one place errors become HTTP answers: domain, Temporal and Prisma errors get their status;
 * anything else is a 500 carrying the request ID, with no stack or request data in the answer.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, String(request.id ?? ''));
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, `${request.method} ${request.route?.path ?? ''} failed`);
    }
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (exception instanceof TooManyAttemptsError) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    if (isOpen311Path(request.path)) {
      // Open311 clients expect the spec's error list, in the format the path's extension asks for.
      const message = typeof body.requestId === 'string' && body.requestId ? `${[body.message].flat().join('; ')} (request ID ${body.requestId})` : body.message;
      const open311 = renderOpen311Errors(request.path, body.statusCode, message);
      response.status(body.statusCode).setHeader('Content-Type', open311.contentType).send(open311.body);
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, requestId: string): ErrorBody {
    const parserError = BODY_PARSER_ERRORS[bodyParserErrorType(exception)];
    if (parserError) return body(...parserError);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message = typeof res === 'string' ? res : ((res as { message?: string | string[] }).message ?? exception.message);
      return body(status, message);
    }
    if (exception instanceof NotFoundError || exception instanceof WorkflowNotFoundError) {
      return body(HttpStatus.NOT_FOUND, exception.message);
    }
    if (exception instanceof ProcessEndedError) {
      return body(HttpStatus.CONFLICT, exception.message, { state: exception.state, allowedActions: [] });
    }
    if (exception instanceof InvalidFieldError) return body(HttpStatus.BAD_REQUEST, [exception.message]);
    if (exception instanceof IdempotencyKeyReusedError) return body(HttpStatus.UNPROCESSABLE_ENTITY, exception.message);
    if (exception instanceof TooManyAttemptsError) return body(HttpStatus.TOO_MANY_REQUESTS, exception.message);
    if (exception instanceof WorkflowUpdateFailedError) return updateRejected(exception);
    if (exception instanceof DependencyUnavailableError || databaseUnavailable(exception)) {
      const dependency = exception instanceof DependencyUnavailableError ? exception.dependency : 'PostgreSQL';
      return body(HttpStatus.SERVICE_UNAVAILABLE, `${dependency} is unreachable right now; nothing was changed, try again shortly`, { requestId });
    }
    if (temporalUnavailable(exception)) {
      return body(HttpStatus.SERVICE_UNAVAILABLE, 'Temporal did not answer in time; try again shortly (with the same Idempotency-Key an action is applied at most once)', { requestId });
    }
    if (exception instanceof Prisma.PrismaClientKnownRequestError && PRISMA_STATUS[exception.code]) {
      return body(PRISMA_STATUS[exception.code], `database refused the change (${exception.code})`);
    }
    return body(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error', { requestId });
  }
}

/** body-parser's error type, on the error itself or on the cause Nest wrapped it in. */
function bodyParserErrorType(exception: unknown): string {
  const e = exception as { type?: unknown; cause?: { type?: unknown } } | null;
  const type = e?.type ?? e?.cause?.type;
  return typeof type === 'string' ? type : '';
}

function body(statusCode: number, message: string | string[], extra: ErrorExtras = {}): ErrorBody {
  const error = HttpStatus[statusCode]?.toString().replaceAll('_', ' ').toLowerCase() ?? 'error';
  return { statusCode, error: error.charAt(0).toUpperCase() + error.slice(1), message, ...extra };
}

/** A validator's refusal: an illegal transition is a 409 naming the state and what is allowed. */
function updateRejected(error: WorkflowUpdateFailedError): ErrorBody {
  const cause = error.cause;
  if (cause instanceof ApplicationFailure && cause.type === ILLEGAL_TRANSITION) {
    const details = cause.details?.[0] as IllegalTransitionDetails | undefined;
    return body(HttpStatus.CONFLICT, cause.message, { state: details?.state, allowedActions: details?.allowedActions });
  }
  return body(HttpStatus.BAD_REQUEST, cause?.message ?? error.message);
}
