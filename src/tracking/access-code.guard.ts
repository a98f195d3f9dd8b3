import { applyDecorators, type CanActivate, type ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { RateLimited } from '../auth/rate-limit.guard.js';
import { ApiCommonErrors, ApiErrors, type ErrorAnswer } from '../openapi/api-errors.decorator.js';
import type { AuditedRequest } from '../audit/audit-trail.interceptor.js';
import { CredentialThrottles, type ThrottlePolicy } from '../auth/credential-throttle.js';
import { NotFoundError, TooManyAttemptsError } from '../common/domain-errors.js';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { accessCodeMatches } from '../complaints/access-code.js';

export const ACCESS_CODE_HEADER = 'x-access-code';

/**
 * Reporter routes: the X-Access-Code header must be the complaint's access code (derived again from its ID
 * and compared in constant time, src/complaints/access-code.ts). A wrong code and an unknown tracking ID
 * answer the same 404 after the same work (one lookup, one derivation and comparison either way), so
 * neither the answer nor its time tells whether the complaint exists. Guesses at one tracking ID are
 * slowed whatever address they come from (CredentialThrottles): after TRACKING_FREE_ATTEMPTS wrong
 * codes each further try waits, the wait doubling.
 */
@Injectable()
export class AccessCodeGuard implements CanActivate {
  private readonly throttle: ThrottlePolicy;
  private readonly secret: string;

  constructor(
    private readonly prisma: PrismaService,
    private readonly throttles: CredentialThrottles,
    config: AppConfig,
  ) {
    this.throttle = { freeAttempts: config.trackingFreeAttempts, maxDelaySeconds: config.credentialMaxDelaySeconds };
    this.secret = config.accessCodeSecret;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const trackingId = String(request.params.trackingId ?? '').toUpperCase();
    const key = `access-code:${trackingId}`;
    const claim = await this.throttles.claim(key, this.throttle);
    if (!claim.allowed) throw new TooManyAttemptsError('tooMany.accessCodes', claim.retryAfterSeconds);
    const complaint = await this.prisma.complaint.findUnique({ where: { trackingId }, select: { id: true } });
    if (!accessCodeMatches(this.secret, complaint?.id, request.header(ACCESS_CODE_HEADER) ?? '')) throw new NotFoundError('notFound.complaintWithCode', trackingId);
    await this.throttles.succeeded(key);
    request.reporterOf = trackingId;
    return true;
  }
}

/**
 * A reporter's controller: no account, the tracking ID and the access code. Guards run in the order they
 * are applied, so the address's budget is spent before the code is checked.
 */
export const ReporterAccess = (...answers: ErrorAnswer[]) =>
  applyDecorators(
    ApiTags('reporter'),
    Public(),
    RateLimited('address'),
    UseGuards(AccessCodeGuard),
    ApiHeader({ name: 'X-Access-Code', required: true, description: 'The access code given with the tracking ID', example: '7K3M-9Q2X-4HTB', schema: { type: 'string', maxLength: 64 } }),
    ApiCommonErrors(),
    ApiErrors(...answers, [404, 'No complaint with this tracking ID and access code']),
  );
