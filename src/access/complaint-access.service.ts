import { Injectable } from '@nestjs/common';
import { AuditLogService } from '../audit/audit-log.service.js';
import type { Officer } from '../auth/officer.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { IDENTITY_ROLES, visibleComplaints } from './complaint-access.js';

/** The request an identity view is audited under. */
export interface TracedRequest {
  path: string;
  requestId: string | null;
  correlationId: string | null;
}

export interface ReporterIdentityView {
  name: string | null;
  phone: string | null;
  email: string | null;
  nik: string | null;
}

/** Applies complaint-access.ts: scoping filters and identity disclosure. */
@Injectable()
export class ComplaintAccessService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogService,
  ) {}

  async visibleWhere(officer: Officer): Promise<Prisma.ComplaintWhereInput> {
    return visibleComplaints(officer, await this.unitMembers(officer));
  }

  /**
   * The reporter's identity, for VERIFIER and SYSADMIN only (null for everyone else, anonymous or not);
   * each disclosure is written to the audit log before the identity leaves this method.
   */
  async reporterIdentity(complaintId: string, trackingId: string, officer: Officer, request: TracedRequest): Promise<ReporterIdentityView | null> {
    if (!IDENTITY_ROLES.includes(officer.role)) return null;
    const identity = await this.prisma.reporterIdentity.findUnique({
      where: { complaintId },
      select: { name: true, phone: true, email: true, nik: true },
    });
    if (!identity) return null;
    await this.audit.record({
      actorId: officer.id,
      actorRole: officer.role,
      action: 'REPORTER_IDENTITY_VIEWED',
      trackingId,
      method: 'GET',
      path: request.path,
      statusCode: 200,
      requestId: request.requestId,
      correlationId: request.correlationId,
    });
    return identity;
  }

  /** Officers of the officer's unit and every unit below it, in one round trip (UNION stops at a cycle). */
  private async unitMembers(officer: Officer): Promise<string[]> {
    if (!officer.unitId || !['SUPERVISOR', 'LIAISON'].includes(officer.role)) return [];
    const members = await this.prisma.$queryRaw<{ id: string }[]>`
      WITH RECURSIVE subtree(id) AS (
        SELECT ${officer.unitId}::text
        UNION
        SELECT u.id FROM units u JOIN subtree s ON u.parent_unit_id = s.id
      )
      SELECT users.id FROM users JOIN subtree ON users.unit_id = subtree.id`;
    return members.map((m) => m.id);
  }
}
