import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { AuditedRequest } from '../audit/audit-trail.interceptor.js';
import { verifySecret } from '../auth/passwords.js';
import { NotFoundError } from '../common/domain-errors.js';
import { PrismaService } from '../database/prisma.service.js';
import { normaliseAccessCode } from '../complaints/access-code.js';

export const ACCESS_CODE_HEADER = 'x-access-code';

/**
 * Reporter routes: the X-Access-Code header must match the complaint's stored hash. A wrong code and an
 * unknown tracking ID answer the same 404, so neither tells whether the complaint exists.
 */
@Injectable()
export class AccessCodeGuard implements CanActivate {
  constructor(private readonly prisma: PrismaService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const trackingId = String(request.params.trackingId ?? '');
    const code = request.header(ACCESS_CODE_HEADER);
    const complaint = await this.prisma.complaint.findUnique({ where: { trackingId }, select: { accessCodeHash: true } });
    const valid = !!code && !!complaint?.accessCodeHash && (await verifySecret(complaint.accessCodeHash, normaliseAccessCode(code)));
    if (!valid) throw new NotFoundError('complaint with this tracking ID and access code', trackingId);
    request.reporterOf = trackingId;
    return true;
  }
}
