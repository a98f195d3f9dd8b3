// Escalations and reminders. Each writes its record and its notification into the outbox in one
// transaction, keyed by workflow, clock and level, so a retried activity never doubles either;
// the outbox dispatcher (src/notifications) delivers them.
import { randomUUID } from 'node:crypto';
import type { Stage } from '../workflows/messages.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';

export interface NotificationRecord {
  key: string;
  complaintId: string;
  trackingId: string;
  kind: 'REMINDER' | 'ESCALATION';
  stage: Stage | 'redirection';
  level: number;
  receiverRole: string;
  agencyId: string | null;
  dueAt: string;
}

export interface EscalationRecord {
  key: string;
  complaintId: string;
  trackingId: string;
  stage: Stage | 'redirection';
  level: number;
  receiverRole: string;
  agencyId: string | null;
  dueAt: string;
  firedAt: string;
}

/** What a receiver is told: no reporter data, only what identifies the case and the deadline. */
function outboxRow(n: NotificationRecord) {
  return {
    id: randomUUID(),
    key: n.key,
    complaintId: n.complaintId,
    kind: n.kind,
    receiverRole: n.receiverRole,
    agencyId: n.agencyId,
    payload: { trackingId: n.trackingId, kind: n.kind, stage: n.stage, level: n.level, dueAt: n.dueAt },
  };
}

export function createEscalationActivities(prisma: PrismaClient) {
  return {
    /** Answers the record: a local activity's input is not in history, its result is (auditors read it). */
    async recordEscalation(e: EscalationRecord): Promise<EscalationRecord> {
      await prisma.$transaction([
        prisma.escalation.createMany({
          data: [
            {
              id: randomUUID(),
              key: e.key,
              complaintId: e.complaintId,
              stage: e.stage,
              level: e.level,
              receiverRole: e.receiverRole,
              agencyId: e.agencyId,
              dueAt: new Date(e.dueAt),
              firedAt: new Date(e.firedAt),
            },
          ],
          skipDuplicates: true,
        }),
        prisma.notification.createMany({ data: [outboxRow({ ...e, kind: 'ESCALATION' })], skipDuplicates: true }),
      ]);
      return e;
    },

    async notify(n: NotificationRecord): Promise<NotificationRecord> {
      await prisma.notification.createMany({ data: [outboxRow(n)], skipDuplicates: true });
      return n;
    },

    async markEscalationAcknowledged(a: { key: string; acknowledgedBy: string; acknowledgedAt: string }): Promise<void> {
      await prisma.escalation.updateMany({
        where: { key: a.key, acknowledgedAt: null },
        data: { acknowledgedAt: new Date(a.acknowledgedAt), acknowledgedBy: a.acknowledgedBy },
      });
    },
  };
}
