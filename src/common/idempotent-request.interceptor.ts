import { applyDecorators, type CallHandler, ConflictException, type ExecutionContext, Injectable, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Response } from 'express';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import type { AuditedRequest } from '../audit/audit-trail.interceptor.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { IdempotencyKeyReusedError } from './domain-errors.js';
import { IDEMPOTENCY_KEY_SCHEMA, readIdempotencyKey } from './idempotency-key.decorator.js';
import { hashRequest } from './request-hash.js';
import { message } from '../i18n/messages.js';

/** How long a repeat waits for the first request's answer before saying it is still in progress. */
const WAIT_FOR_FIRST_MS = 10_000;
/** A first request with no answer after this long died with its process; a repeat may run again. */
const ABANDONED_AFTER_MS = 60_000;

/**
 * POST actions with an Idempotency-Key: the first request runs and its answer is stored; a repeat by the
 * same caller to the same path gets that answer (header Idempotent-Replayed), a different body with the
 * same key gets 422. Refusals are not stored, so a corrected retry can succeed. The services also derive
 * the Workflow Update ID from the key, so even a repeat racing a crash is applied once.
 */
@Injectable()
export class IdempotentRequestInterceptor implements NestInterceptor {
  constructor(private readonly prisma: PrismaService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = readIdempotencyKey(request);
    if (key === undefined) return next.handle();
    const caller = request.officer?.id ?? (request.reporterOf ? `reporter:${request.reporterOf}` : `address:${request.ip}`);
    const id = { scope: `${caller} ${request.method} ${request.originalUrl.split('?')[0]}`, key };
    const requestHash = hashRequest(request.body);
    return from(this.claim(id, requestHash)).pipe(
      mergeMap((stored) => {
        if (stored) {
          response.status(stored.statusCode).setHeader('Idempotent-Replayed', 'true');
          return [stored.body];
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.prisma.idempotentRequest.update({
              where: { scope_key: id },
              data: { statusCode: response.statusCode, body: (body ?? null) as Prisma.InputJsonValue },
            });
            return body;
          }),
          catchError((error: unknown) => from(this.prisma.idempotentRequest.delete({ where: { scope_key: id } })).pipe(mergeMap(() => throwError(() => error)))),
        );
      }),
    );
  }

  /** null: this request is the first and runs; otherwise the stored answer of the first. */
  private async claim(id: { scope: string; key: string }, requestHash: string): Promise<{ statusCode: number; body: unknown } | null> {
    const waitUntil = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const { count } = await this.prisma.idempotentRequest.createMany({ data: [{ ...id, requestHash }], skipDuplicates: true });
      if (count === 1) return null;
      const first = await this.prisma.idempotentRequest.findUnique({ where: { scope_key: id } });
      if (!first) continue; // the first request failed and let its key go: run this one
      if (first.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
      if (first.statusCode !== null) return { statusCode: first.statusCode, body: first.body };
      if (Date.now() - first.createdAt.getTime() > ABANDONED_AFTER_MS) {
        await this.prisma.idempotentRequest.deleteMany({ where: { ...id, statusCode: null, createdAt: first.createdAt } });
        continue;
      }
      if (Date.now() > waitUntil) throw new ConflictException(message('conflict.idempotencyInProgress'));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Honours the Idempotency-Key header on a POST (see IdempotentRequestInterceptor). */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotentRequestInterceptor),
    ApiHeader({ name: 'Idempotency-Key', required: false, schema: IDEMPOTENCY_KEY_SCHEMA, description: 'Repeat the request safely: the same key answers the same result, applied once' }),
    ApiErrors(422),
  );
