import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { AuditedRequest } from '../audit/audit-trail.interceptor.js';
import { CredentialThrottles, type ThrottlePolicy } from '../auth/credential-throttle.js';
import { hashSecret, verifySecret } from '../auth/passwords.js';
import { NotFoundError, TooManyAttemptsError } from '../common/domain-errors.js';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { normaliseAccessCode } from '../complaints/access-code.js';

export const ACCESS_CODE_HEADER = 'x-access-code';

/**
 * Reporter routes: the X-Access-Code header must match the complaint's stored hash. A wrong code and an
 * unknown tracking ID answer the same 404 after the same work (an argon2 verification either way), so
 * neither the answer nor its time tells whether the complaint exists. Guesses at one tracking ID are
 * slowed whatever address they come from (CredentialThrottles): after TRACKING_FREE_ATTEMPTS wrong
 * codes each further try waits, the wait doubling.
 */
@Injectable()
export class AccessCodeGuard implements CanActivate {
  /** Verified against when there is no complaint (or no code): the same cost as a wrong code. */
  private readonly noComplaintHash = hashSecret('tenggat: no such complaint');
  private readonly throttle: ThrottlePolicy;

  constructor(
    private readonly prisma: PrismaService,
    private readonly throttles: CredentialThrottles,
    config: AppConfig,
  ) {
    this.throttle = { freeAttempts: config.trackingFreeAttempts, maxDelaySeconds: config.credentialMaxDelaySeconds };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const trackingId = String(request.params.trackingId ?? '').toUpperCase();
    const key = `access-code:${trackingId}`;
    const claim = await this.throttles.claim(key, this.throttle);
    if (!claim.allowed) throw new TooManyAttemptsError('tooMany.accessCodes', claim.retryAfterSeconds);
    const complaint = await this.prisma.complaint.findUnique({ where: { trackingId }, select: { accessCodeHash: true } });
    const code = normaliseAccessCode(request.header(ACCESS_CODE_HEADER) ?? '');
    const valid = await verifySecret(complaint?.accessCodeHash ?? (await this.noComplaintHash), code);
    if (!valid || !complaint) throw new NotFoundError('notFound.complaintWithCode', trackingId);
    await this.throttles.succeeded(key);
    request.reporterOf = trackingId;
    return true;
  }
}
