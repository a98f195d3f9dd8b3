// Escalations and reminders. Each writes its record and its notification into the outbox in one
// transaction, keyed by workflow, clock and level, so a retried activity never doubles either;
// the outbox dispatcher (src/notifications) delivers them.
import { randomUUID } from 'node:crypto';
import { NATIONAL_ADMIN_ROLE, NATIONAL_ROLES, type AcknowledgementRecord, type EscalationRecord, type NotificationRecord, type Role } from '../workflows/messages.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';

/** What a receiver is told: no reporter data, only what identifies the case and the deadline. */
function outboxRow(n: NotificationRecord) {
  return {
    id: randomUUID(),
    key: n.key,
    complaintId: n.complaintId,
    kind: n.kind,
    receiverRole: n.receiverRole,
    agencyId: n.agencyId,
    payload: { trackingId: n.trackingId, kind: n.kind, stage: n.stage, level: n.level, dueAt: n.dueAt, ...(n.detail ? { detail: n.detail } : {}) },
  };
}

export function createEscalationActivities(prisma: PrismaClient) {
  /** Whether an active account holds `role` for the escalation's agency (any, for national roles). */
  const someoneHolds = async (role: string, agencyId: string | null): Promise<boolean> => {
    const scope = NATIONAL_ROLES.includes(role as Role) ? {} : { agencyId };
    return (await prisma.user.count({ where: { role: role as Role, active: true, ...scope }, take: 1 })) > 0;
  };

  return {
    /**
     * Records the escalation and queues its notification. When nobody holds the receiver role for the
     * agency, it goes to the national admin instead (and says so): every escalation reaches someone
     * who can acknowledge it. Answers the record as stored: a local activity's input is not in history,
     * its result is (the workflow and the auditors read it).
     */
    async recordEscalation(requested: EscalationRecord): Promise<EscalationRecord> {
      const existing = await prisma.escalation.findUnique({ where: { key: requested.key }, select: { receiverRole: true, reroutedFrom: true } });
      let e = requested;
      if (existing) {
        e = { ...requested, receiverRole: existing.receiverRole, ...(existing.reroutedFrom ? { reroutedFrom: existing.reroutedFrom } : {}) };
      } else if (requested.receiverRole !== NATIONAL_ADMIN_ROLE && !(await someoneHolds(requested.receiverRole, requested.agencyId))) {
        e = { ...requested, receiverRole: NATIONAL_ADMIN_ROLE, reroutedFrom: `${requested.receiverRole} of ${requested.agencyId ?? 'the national level'} (no active account)` };
      }
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
              reroutedFrom: e.reroutedFrom ?? null,
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

    async markEscalationAcknowledged(a: AcknowledgementRecord): Promise<void> {
      await prisma.escalation.updateMany({
        where: { key: a.key, acknowledgedAt: null },
        data: { acknowledgedAt: new Date(a.acknowledgedAt), acknowledgedBy: a.acknowledgedBy, acknowledgementComment: a.comment ?? null },
      });
    },
  };
}
