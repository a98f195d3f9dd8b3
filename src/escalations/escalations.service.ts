import { Injectable } from '@nestjs/common';
import { ComplaintAccessService } from '../access/complaint-access.service.js';
import { escalationsAddressedTo } from '../access/complaint-access.js';
import type { Officer } from '../auth/officer.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, toPage } from '../common/cursor.js';
import { NotFoundError } from '../common/domain-errors.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { ComplaintsService, type OfficerRequest } from '../complaints/complaints.service.js';
import type { ComplaintStatusView } from '../complaints/dto/complaint-status.view.js';
import type { EscalationPage, ListEscalationsQuery } from './escalations.dto.js';

/** Escalation inbox: escalations on complaints the officer may see, newest first. */
@Injectable()
export class EscalationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly access: ComplaintAccessService,
    private readonly complaints: ComplaintsService,
  ) {}

  async list(query: ListEscalationsQuery, officer: Officer): Promise<EscalationPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    const rows = await this.prisma.escalation.findMany({
      where: await this.inboxWhere(query, officer),
      include: { complaint: { select: { trackingId: true } } },
      orderBy: [{ firedAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    });
    return toPage(rows, limit, (e) => ({
      id: e.id,
      key: e.key,
      trackingId: e.complaint.trackingId,
      stage: e.stage,
      level: e.level,
      receiverRole: e.receiverRole,
      agencyId: e.agencyId,
      dueAt: e.dueAt.toISOString(),
      firedAt: e.firedAt.toISOString(),
      acknowledgedAt: e.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: e.acknowledgedBy,
      acknowledgementComment: e.acknowledgementComment,
      reroutedFrom: e.reroutedFrom,
    }));
  }

  /** How many escalations the inbox lists with the same filters (by default: addressed to the officer, not acknowledged). */
  async count(query: Pick<ListEscalationsQuery, 'mine' | 'open'>, officer: Officer): Promise<number> {
    return this.prisma.escalation.count({ where: await this.inboxWhere(query, officer) });
  }

  private async inboxWhere(query: Pick<ListEscalationsQuery, 'mine' | 'open'>, officer: Officer): Promise<Prisma.EscalationWhereInput> {
    return {
      complaint: await this.access.visibleWhere(officer),
      ...((query.mine ?? true) ? escalationsAddressedTo(officer) : {}),
      ...((query.open ?? true) ? { acknowledgedAt: null } : {}),
    };
  }

  /** Through the complaint's workflow, like every action: visibility (404) and receiver (403) apply. */
  async acknowledge(id: string, comment: string | undefined, by: OfficerRequest): Promise<ComplaintStatusView> {
    const escalation = await this.prisma.escalation.findFirst({
      where: { id, complaint: await this.access.visibleWhere(by.officer) },
      select: { key: true, complaint: { select: { trackingId: true } } },
    });
    if (!escalation) throw new NotFoundError('notFound.escalation', id);
    return this.complaints.acknowledgeEscalation(escalation.complaint.trackingId, { escalationKey: escalation.key, comment }, by);
  }
}
