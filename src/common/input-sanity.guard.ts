import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { firstUnacceptableField } from '../../workflows/lifecycle/storable-text.js';
import { message } from '../i18n/messages.js';
import { RequestValidationError } from './domain-errors.js';

/**
 * One edge rule for every endpoint, before validation pipes and handlers see the request: text that
 * PostgreSQL cannot store (U+0000, unpaired surrogates) and JSON nested deeper than a small limit are
 * refused with 400 naming the field — in bodies (JSON and forms), query strings and path parameters.
 */
@Injectable()
export class InputSanityGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const found =
      firstUnacceptableField(request.params) ??
      firstUnacceptableField(request.query, 'query') ??
      (request.body && typeof request.body === 'object' ? firstUnacceptableField(request.body) : null);
    if (found) throw new RequestValidationError([message(found.wording.key, found.wording.params)]);
    return true;
  }
}
