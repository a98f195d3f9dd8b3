// Read-model projection: each workflow transition becomes one append-only event row, keyed by
// complaint and sequence, and moves the complaint row forward only if it is newer; the transitions
// the reporter is told about queue their notices in the same transaction.
import { EVENT_FREE_TEXT, type ProjectedTransition, type TransitionRecord } from '../workflows/messages.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import { reporterNoticeRows } from './reporter-notices.js';

const asDate = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

/** The transition as the history may repeat it: free text stays in the Update that brought it. */
function withoutFreeText({ seq, type, status, detail }: TransitionRecord): ProjectedTransition {
  const kept = Object.entries(detail).filter(([field]) => !EVENT_FREE_TEXT[type].includes(field));
  return { seq, type, status, detail: Object.fromEntries(kept) };
}

export function createProjectionActivities(prisma: PrismaClient) {
  return {
    /** Answers what it wrote (without free text), so the auditor's timeline can say which transition each step was. */
    async projectTransition(t: TransitionRecord): Promise<ProjectedTransition> {
      const m = t.readModel;
      const notices = reporterNoticeRows(t);
      await prisma.$transaction([
        prisma.complaintEvent.createMany({
          data: [
            {
              complaintId: t.complaintId,
              seq: t.seq,
              type: t.type,
              status: t.status,
              actorId: t.actor?.id ?? null,
              actorRole: t.actor?.role ?? null,
              detail: t.detail as object,
              occurredAt: new Date(t.occurredAt),
            },
          ],
          skipDuplicates: true,
        }),
        prisma.complaint.updateMany({
          where: { id: t.complaintId, lastEventSeq: { lt: t.seq } },
          data: {
            status: t.status,
            agencyId: t.agencyId,
            lastEventSeq: t.seq,
            complexity: m.complexity,
            assigneeId: m.assigneeId,
            firstResponseAt: asDate(m.firstResponseAt),
            resolvedAt: asDate(m.resolvedAt),
            closedAt: asDate(m.closedAt),
            rating: m.rating,
            redirectCount: m.redirectCount,
            nextDeadlineAt: asDate(m.nextDeadlineAt),
            escalationLevel: m.escalationLevel,
            ...(m.resolutionDueAt !== undefined ? { resolutionDueAt: asDate(m.resolutionDueAt) } : {}),
            ...(m.disposedAt !== undefined ? { disposedAt: asDate(m.disposedAt) } : {}),
          },
        }),
        // In the same transaction: a projected transition the reporter must hear of is never left untold.
        ...(notices.length > 0 ? [prisma.notification.createMany({ data: notices, skipDuplicates: true })] : []),
      ]);
      return withoutFreeText(t);
    },
  };
}
