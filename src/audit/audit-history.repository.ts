import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';

/** What the history needs of a complaint: how to find its workflow. Never reporter identity. */
const complaintSelect = { trackingId: true, workflowId: true, status: true } satisfies Prisma.ComplaintSelect;

export type AuditedComplaint = Prisma.ComplaintGetPayload<{ select: typeof complaintSelect }>;

@Injectable()
export class AuditHistoryRepository {
  constructor(private readonly prisma: PrismaService) {}

  findComplaint(trackingId: string): Promise<AuditedComplaint | null> {
    return this.prisma.complaint.findUnique({ where: { trackingId }, select: complaintSelect });
  }
}
