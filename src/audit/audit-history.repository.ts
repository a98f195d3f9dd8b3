import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { REPORTER_NOTICE_KIND } from '../../activities/reporter-notices.js';

/** What the history needs of a complaint: how to find its workflow. Never reporter identity. */
const complaintSelect = { trackingId: true, workflowId: true, status: true } satisfies Prisma.ComplaintSelect;

export type AuditedComplaint = Prisma.ComplaintGetPayload<{ select: typeof complaintSelect }>;

@Injectable()
export class AuditHistoryRepository {
  constructor(private readonly prisma: PrismaService) {}

  findComplaint(trackingId: string): Promise<AuditedComplaint | null> {
    return this.prisma.complaint.findUnique({ where: { trackingId }, select: complaintSelect });
  }

  /** Reporter notices sent or refused for good, oldest first: channel and event only (the rows hold no contact). */
  reporterNoticesSettled(trackingId: string) {
    return this.prisma.notification.findMany({
      where: { complaint: { trackingId }, kind: REPORTER_NOTICE_KIND, OR: [{ sentAt: { not: null } }, { failedAt: { not: null } }] },
      select: { channel: true, payload: true, attempts: true, sentAt: true, failedAt: true, lastError: true },
      orderBy: { createdAt: 'asc' },
    });
  }
}
