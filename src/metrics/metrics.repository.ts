import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { TERMINAL_STATES, type ComplaintState } from '../../workflows/messages.js';

export interface OutboxCount {
  kind: string;
  channel: string | null;
  count: number;
}

/** The whole-system figures /metrics reports, read at scrape time so every API replica reports the same. */
@Injectable()
export class MetricsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Open complaints per state (index on status). */
  async openComplaintsByStatus(): Promise<{ status: ComplaintState; count: number }[]> {
    const rows = await this.prisma.complaint.groupBy({ by: ['status'], where: { status: { notIn: [...TERMINAL_STATES] } }, _count: { _all: true } });
    return rows.map((r) => ({ status: r.status, count: r._count._all }));
  }

  /**
   * Open complaints past their resolution target (kept while overdue) or past a running deadline the
   * workflow has not marked breached yet (next_deadline_at skips breached clocks). Among open rows only.
   */
  overdueClocks(now: Date): Promise<number> {
    return this.prisma.complaint.count({
      where: { status: { notIn: [...TERMINAL_STATES] }, OR: [{ resolutionDueAt: { lt: now } }, { nextDeadlineAt: { lt: now } }] },
    });
  }

  /** Escalations ever fired (or, with `acknowledged`, acknowledged) per level: rows are never deleted, so these only grow. */
  async escalationsByLevel(acknowledged: boolean): Promise<{ level: number; count: number }[]> {
    const rows = await this.prisma.escalation.groupBy({ by: ['level'], where: acknowledged ? { acknowledgedAt: { not: null } } : {}, _count: { _all: true } });
    return rows.map((r) => ({ level: r.level, count: r._count._all }));
  }

  /** Notifications still to deliver (index on sent_at). */
  async outboxBacklog(): Promise<OutboxCount[]> {
    const rows = await this.prisma.notification.groupBy({
      by: ['kind', 'channel'],
      where: { sentAt: null, skippedAt: null, failedAt: null },
      _count: { _all: true },
    });
    return rows.map((r) => ({ kind: r.kind, channel: r.channel, count: r._count._all }));
  }

  /** Notifications the receiver refused for good. */
  async deliveryFailures(): Promise<OutboxCount[]> {
    const rows = await this.prisma.notification.groupBy({ by: ['kind', 'channel'], where: { failedAt: { not: null } }, _count: { _all: true } });
    return rows.map((r) => ({ kind: r.kind, channel: r.channel, count: r._count._all }));
  }
}
