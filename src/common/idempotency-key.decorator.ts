import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { message } from '../i18n/messages.js';
import { RequestValidationError } from './domain-errors.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

/** The header's schema in the OpenAPI document. */
export const IDEMPOTENCY_KEY_SCHEMA = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' } as const;

/** The optional Idempotency-Key header, checked: 1 to 128 visible ASCII characters. */
export function readIdempotencyKey(request: Request): string | undefined {
  const value = request.header('idempotency-key');
  if (value !== undefined && !IDEMPOTENCY_KEY.test(value)) {
    throw new RequestValidationError([message('validation.idempotencyKey')]);
  }
  return value;
}

export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined =>
  readIdempotencyKey(ctx.switchToHttp().getRequest<Request>()),
);
