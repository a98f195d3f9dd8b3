// Read-model projection: each workflow transition becomes one append-only event row, keyed by
// complaint and sequence, and moves the complaint row forward only if it is newer.
import type { Actor, ComplaintState, Complexity } from '../workflows/messages.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';

/** The queryable columns of the complaint row, as the workflow sees them after the transition. */
export interface ReadModelFields {
  complexity: Complexity | null;
  assigneeId: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  rating: number | null;
  redirectCount: number;
  nextDeadlineAt: string | null;
  escalationLevel: number;
}

export interface TransitionRecord {
  complaintId: string;
  seq: number;
  type: string;
  status: ComplaintState;
  agencyId: string | null;
  actor: Actor | null;
  detail: Record<string, unknown>;
  occurredAt: string;
  readModel: ReadModelFields;
}

const asDate = (iso: string | null) => (iso ? new Date(iso) : null);

export function createProjectionActivities(prisma: PrismaClient) {
  return {
    async projectTransition(t: TransitionRecord): Promise<void> {
      const m = t.readModel;
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
          },
        }),
      ]);
    },
  };
}
