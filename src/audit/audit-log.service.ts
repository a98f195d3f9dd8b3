import { Injectable, Logger } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';

export interface AuditEntry {
  actorId: string;
  actorRole: string;
  action: string;
  trackingId?: string | null;
  method: string;
  path: string;
  statusCode: number;
  requestId?: string | null;
  /** The client's own X-Request-Id, if it sent one: for matching with its logs, never trusted as ours. */
  correlationId?: string | null;
  detail?: Prisma.InputJsonValue;
}

/** Appends to the API audit log (append-only table). Never holds reporter identity, only that it was viewed. */
@Injectable()
export class AuditLogService {
  private readonly logger = new Logger(AuditLogService.name);

  constructor(private readonly prisma: PrismaService) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.prisma.auditLog.create({ data: { ...entry, detail: entry.detail ?? {} } });
  }

  /** For entries written after the answer has gone out: a failure is logged, never thrown at nobody. */
  recordInBackground(entry: AuditEntry): void {
    this.record(entry).catch((err: unknown) => this.logger.error({ err, action: entry.action }, 'audit log write failed'));
  }

  /** For an action on an escalation: the entry carries the tracking ID of the escalation's complaint. */
  recordForEscalationInBackground(escalationId: string, entry: Omit<AuditEntry, 'trackingId'>): void {
    this.prisma.escalation
      .findUnique({ where: { id: escalationId }, select: { complaint: { select: { trackingId: true } } } })
      .then((row) => this.record({ ...entry, trackingId: row?.complaint.trackingId ?? null, detail: { escalationId } }))
      .catch((err: unknown) => this.logger.error({ err, action: entry.action }, 'audit log write failed'));
  }

  forComplaint(trackingId: string) {
    return this.prisma.auditLog.findMany({ where: { trackingId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  }
}
