import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { ReporterChannel } from '../../activities/reporter-notices.js';

/** What reporter notices read: the complaint as the notice may name it, and the contact, each at send time. */
@Injectable()
export class ReporterNoticeRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The complaint's tracking ID, title, confidentiality and zone, and the announced event's detail. Never the chronology. */
  findNoticeSubject(complaintId: string, seq: number) {
    return this.prisma.complaint.findUnique({
      where: { id: complaintId },
      select: {
        trackingId: true,
        title: true,
        confidential: true,
        policyVersion: true,
        agency: { select: { timeZone: true } },
        events: { where: { seq }, select: { detail: true } },
      },
    });
  }

  /** The reporter's phone number or e-mail address for one channel: the only read of identity for notices, never stored beside them. */
  async contactFor(complaintId: string, channel: ReporterChannel): Promise<string | null> {
    const identity = await this.prisma.reporterIdentity.findUnique({ where: { complaintId }, select: { phone: true, email: true } });
    const contact = channel === 'SMS' ? identity?.phone : identity?.email;
    return contact?.trim() ? contact.trim() : null;
  }
}
