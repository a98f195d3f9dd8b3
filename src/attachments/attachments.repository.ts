import { Injectable } from '@nestjs/common';
import { PUBLICLY_VISIBLE } from '../access/complaint-access.js';
import { PrismaService } from '../database/prisma.service.js';
import type { AttachmentPurpose, Prisma } from '../generated/prisma/client.js';

const attachmentSelect = {
  id: true,
  purpose: true,
  fileName: true,
  mediaType: true,
  sizeBytes: true,
  sha256: true,
  removedMetadata: true,
  uploadedById: true,
  createdAt: true,
  publishedAt: true,
} satisfies Prisma.AttachmentSelect;

export type AttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof attachmentSelect }>;

export interface NewAttachment {
  id: string;
  complaintId: string;
  purpose: AttachmentPurpose;
  position: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  removedMetadata: number;
  uploadedById: string | null;
}

/** Evidence files' metadata (the bytes are in the FileStore). */
@Injectable()
export class AttachmentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  countOf(complaintId: string): Promise<number> {
    return this.prisma.attachment.count({ where: { complaintId } });
  }

  /** Stores all of an upload's metadata or none (createMany is one statement); a taken position refuses all. */
  async createAll(rows: NewAttachment[]): Promise<AttachmentRow[]> {
    await this.prisma.attachment.createMany({ data: rows });
    return this.prisma.attachment.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: attachmentSelect, orderBy: { position: 'asc' } });
  }

  listOf(complaintId: string, onlyPublished = false): Promise<AttachmentRow[]> {
    return this.prisma.attachment.findMany({
      where: { complaintId, ...(onlyPublished ? { publishedAt: { not: null } } : {}) },
      select: attachmentSelect,
      orderBy: { position: 'asc' },
    });
  }

  find(complaintId: string, id: string): Promise<AttachmentRow | null> {
    return this.prisma.attachment.findFirst({ where: { id, complaintId }, select: attachmentSelect });
  }

  /** Published (or withdrawn: null) by `officerId`; null when the file is not the complaint's. */
  async setPublished(complaintId: string, id: string, officerId: string, published: boolean): Promise<AttachmentRow | null> {
    const { count } = await this.prisma.attachment.updateMany({
      where: { id, complaintId },
      data: published ? { publishedAt: new Date(), publishedById: officerId } : { publishedAt: null, publishedById: null },
    });
    return count === 0 ? null : this.find(complaintId, id);
  }

  /** The ID of a complaint the public may see (public list, Open311), or null. */
  async publicComplaintId(trackingId: string): Promise<string | null> {
    const row = await this.prisma.complaint.findFirst({ where: { ...PUBLICLY_VISIBLE, trackingId }, select: { id: true } });
    return row?.id ?? null;
  }

  /** The first published image of each publicly visible complaint among `complaintIds` (Open311 media_url). */
  async firstPublishedImages(complaintIds: string[]): Promise<Map<string, string>> {
    if (complaintIds.length === 0) return new Map();
    const rows = await this.prisma.attachment.findMany({
      where: { complaintId: { in: complaintIds }, publishedAt: { not: null }, mediaType: { startsWith: 'image/' } },
      select: { id: true, complaintId: true },
      orderBy: { position: 'asc' },
    });
    const first = new Map<string, string>();
    for (const row of rows) if (!first.has(row.complaintId)) first.set(row.complaintId, row.id);
    return first;
  }
}
