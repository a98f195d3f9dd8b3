import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Request, Response } from 'express';
import { Prisma } from '../generated/prisma/client.js';
import { ILLEGAL_TRANSITION, type IllegalTransitionDetails } from '../../workflows/messages.js';
import { databaseUnavailable } from '../database/database-errors.js';
import { temporalUnavailable } from '../temporal/retry-service-errors.js';
import { AppConfig } from '../config/app-config.js';
import { localeOf } from '../i18n/locale.js';
import { Message, message, render, type Locale } from '../i18n/messages.js';
import type { ErrorBodyView } from './error-body.view.js';
import { DependencyUnavailableError, IdempotencyKeyReusedError, InvalidFieldError, NotFoundError, ProcessEndedError, RequestValidationError, TooManyAttemptsError, UploadRefusedError } from './domain-errors.js';
import { isOpen311Path, renderOpen311Errors } from '../open311/open311-format.js';
import { actionRefusal } from './action-refusal.js';

/** What an answer says before it is rendered in the caller's language. */
type Text = Message | string;

/** What every error answer carries (the OpenAPI document's one error schema), its text not yet rendered. */
type ErrorBody<T = string> = Omit<ErrorBodyView, 'message'> & { message: T | T[] };
/** The fields some answers add (a lifecycle 409, a 5xx). */
type ErrorExtras = Pick<ErrorBodyView, 'state' | 'allowedActions' | 'requestId' | 'candidates'>;

/** Errors from body-parser carry a `type`; these are the client's fault. */
const BODY_PARSER_ERRORS: Record<string, [HttpStatus, Message]> = {
  'entity.parse.failed': [HttpStatus.BAD_REQUEST, message('body.malformedJson')],
  'entity.too.large': [HttpStatus.PAYLOAD_TOO_LARGE, message('body.tooLarge', { limit: '64 kB' })],
  'parameters.too.many': [HttpStatus.PAYLOAD_TOO_LARGE, message('body.tooManyFields')],
  'querystring.parse.rangeError': [HttpStatus.BAD_REQUEST, message('body.nestedTooDeeply')],
  'charset.unsupported': [HttpStatus.UNSUPPORTED_MEDIA_TYPE, message('body.charsetUnsupported')],
  'encoding.unsupported': [HttpStatus.UNSUPPORTED_MEDIA_TYPE, message('body.encodingUnsupported')],
};

/** The tracking ID inside a complaint's workflow ID (complaintWorkflowId), to name it as people know it. */
const trackingIdOf = (workflowId: string | undefined): string => (workflowId ?? '').replace(/^complaint-/, '');

/** Nest's own answer to a path no controller serves. */
const NO_ROUTE = /^Cannot (\S+) (.*)$/;

/** What a 503 asks clients to wait before trying again. */
const RETRY_AFTER_SECONDS = 5;

const PRISMA_STATUS: Record<string, HttpStatus> = {
  P2002: HttpStatus.CONFLICT,
  P2025: HttpStatus.NOT_FOUND,
  P2003: HttpStatus.BAD_REQUEST,
};

/**
 * The one place errors become HTTP answers: domain, Temporal and Prisma errors get their status;
 * anything else is a 500 carrying the request ID, with no stack or request data in the answer. Texts are
 * Messages until here, rendered in the request's language (Accept-Language, else DEFAULT_LOCALE).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = rendered(this.toBody(exception, String(request.id ?? '')), localeOf(request, this.config.defaultLocale));
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

  private toBody(exception: unknown, requestId: string): ErrorBody<Text> {
    const parserError = BODY_PARSER_ERRORS[bodyParserErrorType(exception)];
    if (parserError) return body(...parserError);
    if (exception instanceof HttpException) return body(exception.getStatus(), httpExceptionText(exception));
    if (exception instanceof WorkflowNotFoundError) return body(HttpStatus.NOT_FOUND, message('notFound.complaint', { id: trackingIdOf(exception.workflowId) }));
    if (exception instanceof NotFoundError) return body(HttpStatus.NOT_FOUND, exception.text);
    if (exception instanceof ProcessEndedError) {
      return body(HttpStatus.CONFLICT, exception.text, { state: exception.state, allowedActions: [] });
    }
    if (exception instanceof InvalidFieldError) return body(HttpStatus.BAD_REQUEST, [exception.text].flat(), exception.candidates ? { candidates: exception.candidates } : {});
    if (exception instanceof RequestValidationError) return body(HttpStatus.BAD_REQUEST, exception.problems);
    if (exception instanceof UploadRefusedError) return body(exception.status, exception.text);
    if (exception instanceof TooManyAttemptsError) return body(HttpStatus.TOO_MANY_REQUESTS, exception.text);
    if (exception instanceof IdempotencyKeyReusedError) return body(HttpStatus.UNPROCESSABLE_ENTITY, exception.text);
    if (exception instanceof WorkflowUpdateFailedError) return updateRejected(exception);
    if (exception instanceof DependencyUnavailableError || databaseUnavailable(exception)) {
      const dependency = exception instanceof DependencyUnavailableError ? exception.dependency : 'PostgreSQL';
      return body(HttpStatus.SERVICE_UNAVAILABLE, message('unavailable.dependency', { dependency }), { requestId });
    }
    if (temporalUnavailable(exception)) return body(HttpStatus.SERVICE_UNAVAILABLE, message('unavailable.temporal'), { requestId });
    if (exception instanceof Prisma.PrismaClientKnownRequestError && PRISMA_STATUS[exception.code]) {
      return body(PRISMA_STATUS[exception.code], message('conflict.databaseRefused', { code: exception.code }));
    }
    return body(HttpStatus.INTERNAL_SERVER_ERROR, message('internal.error'), { requestId });
  }
}

/** An HttpException's text: ours carry Messages; Nest's answer to an unknown route gets the catalog's. */
function httpExceptionText(exception: HttpException): Text | Text[] {
  const res = exception.getResponse();
  const text = res instanceof Message || typeof res === 'string' ? res : ((res as { message?: Text | Text[] }).message ?? exception.message);
  const route = exception instanceof NotFoundException && typeof text === 'string' ? NO_ROUTE.exec(text) : null;
  return route ? message('notFound.route', { method: route[1], path: route[2] }) : text;
}

function rendered(answer: ErrorBody<Text>, locale: Locale): ErrorBody {
  const text = answer.message;
  return { ...answer, message: Array.isArray(text) ? text.map((t) => render(t, locale)) : render(text, locale) };
}

/** body-parser's error type, on the error itself or on the cause Nest wrapped it in. */
function bodyParserErrorType(exception: unknown): string {
  const e = exception as { type?: unknown; cause?: { type?: unknown } } | null;
  const type = e?.type ?? e?.cause?.type;
  return typeof type === 'string' ? type : '';
}

function body(statusCode: number, text: Text | Text[], extra: ErrorExtras = {}): ErrorBody<Text> {
  const error = HttpStatus[statusCode]?.toString().replaceAll('_', ' ').toLowerCase() ?? 'error';
  return { statusCode, error: error.charAt(0).toUpperCase() + error.slice(1), message: text, ...extra };
}

/** A validator's refusal: an illegal transition is a 409 naming the state and what is allowed. */
function updateRejected(error: WorkflowUpdateFailedError): ErrorBody<Text> {
  const cause = error.cause;
  const text = cause instanceof ApplicationFailure ? actionRefusal(cause) : (cause?.message ?? error.message);
  if (cause instanceof ApplicationFailure && cause.type === ILLEGAL_TRANSITION) {
    const details = cause.details?.[0] as IllegalTransitionDetails | undefined;
    return body(HttpStatus.CONFLICT, text, { state: details?.state, allowedActions: details?.allowedActions });
  }
  return body(HttpStatus.BAD_REQUEST, text);
}
