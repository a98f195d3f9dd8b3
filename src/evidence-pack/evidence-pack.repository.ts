import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';

/** The facts of a complaint that never change after submission: what the pack quotes. Never reporter identity. */
const factsSelect = {
  id: true,
  trackingId: true,
  workflowId: true,
  title: true,
  chronology: true,
  occurredAt: true,
  regency: true,
  district: true,
  village: true,
  areaCode: true,
  classification: true,
  channel: true,
  anonymous: true,
  confidential: true,
  submittedAt: true,
  policyVersion: true,
  ombudsmanConsent: { select: { givenAt: true } },
} satisfies Prisma.ComplaintSelect;

export type PackComplaintRow = Prisma.ComplaintGetPayload<{ select: typeof factsSelect }>;

export const EVIDENCE_PACK_DOWNLOADED = 'EVIDENCE_PACK_DOWNLOADED';

@Injectable()
export class EvidencePackRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The complaint if it matches `where` too (the caller's scope); null otherwise. */
  findComplaint(trackingId: string, where: Prisma.ComplaintWhereInput = {}): Promise<PackComplaintRow | null> {
    return this.prisma.complaint.findFirst({ where: { AND: [{ trackingId }, where] }, select: factsSelect });
  }

  /** Read only to put it into a pack the reporter consented to. */
  reporterIdentity(complaintId: string) {
    return this.prisma.reporterIdentity.findUnique({ where: { complaintId }, select: { name: true, phone: true, email: true, nik: true } });
  }

  agencyNames(ids: string[]): Promise<{ id: string; name: string }[]> {
    return ids.length ? this.prisma.agency.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : Promise.resolve([]);
  }

  /** Records the reporter's consent once; a repeated consent keeps the first time. Answers the time it holds. */
  async giveConsent(complaintId: string, at: Date): Promise<Date> {
    const row = await this.prisma.ombudsmanConsent.upsert({ where: { complaintId }, create: { complaintId, givenAt: at }, update: {}, select: { givenAt: true } });
    return row.givenAt;
  }

  /** The audit entry of the download that issued a pack with this content digest (the first, if several). */
  findIssue(contentSha256: string) {
    return this.prisma.auditLog.findFirst({
      where: { action: EVIDENCE_PACK_DOWNLOADED, detail: { path: ['contentSha256'], equals: contentSha256 } },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      select: { at: true, actorId: true, actorRole: true, trackingId: true, detail: true },
    });
  }
}
