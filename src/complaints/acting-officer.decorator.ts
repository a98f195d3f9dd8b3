import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RequestWithOfficer } from '../auth/auth.decorators.js';
import { readIdempotencyKey } from '../common/idempotency-key.decorator.js';
import { handlerLocale } from '../i18n/locale.js';
import type { OfficerRequest } from './complaints.service.js';

/** The signed-in officer taking an action, with the request's Idempotency-Key and language. */
export const ActingOfficer = createParamDecorator((_: unknown, ctx: ExecutionContext): OfficerRequest => {
  const request = ctx.switchToHttp().getRequest<RequestWithOfficer>();
  return { officer: request.officer!, idempotencyKey: readIdempotencyKey(request), locale: handlerLocale(request) };
});
