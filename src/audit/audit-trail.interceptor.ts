import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import type { Prisma } from '../generated/prisma/client.js';
import type { RequestWithOfficer } from '../auth/auth.decorators.js';
import { AuditLogService } from './audit-log.service.js';
import { traceOf } from '../common/request-trace.js';
import { AUDITED_AS, type AuditedAs } from './audited.decorator.js';

const CHANGES = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Reporter requests carry this instead of an officer (set by the access-code check). */
export type AuditedRequest = RequestWithOfficer & { reporterOf?: string };

/**
 * Global: every change (POST, PUT, PATCH, DELETE) made by a signed-in officer or by a reporter with an
 * access code is written to the audit log with its outcome, once the answer has gone out (refusals included).
 */
@Injectable()
export class AuditTrailInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditLogService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    if (CHANGES.includes(request.method)) {
      response.once('finish', () => {
        const actor = request.officer
          ? { actorId: request.officer.id, actorRole: request.officer.role }
          : request.reporterOf
            ? { actorId: 'reporter', actorRole: 'REPORTER' }
            : undefined;
        if (!actor) return;
        const as = this.reflector.get<AuditedAs | undefined>(AUDITED_AS, context.getHandler());
        const param = (name: string) => (typeof request.params?.[name] === 'string' ? request.params[name] : null);
        const entry = {
          ...actor,
          action: as?.action ?? context.getHandler().name,
          method: request.method,
          path: request.originalUrl.split('?')[0],
          statusCode: response.statusCode,
          ...traceOf(request),
        };
        const escalationId = as?.subject === 'escalation' ? param('id') : null;
        if (escalationId) {
          this.audit.recordForEscalationInBackground(escalationId, entry);
        } else {
          const detail = as?.withBody ? { body: request.body as Prisma.InputJsonValue } : undefined;
          this.audit.recordInBackground({ ...entry, trackingId: request.reporterOf ?? param('trackingId'), detail });
        }
      });
    }
    return next.handle();
  }
}
