// The what-if replay's activities: one batch of past complaints replayed under the complaint's own policy
// and under the what-if one (the pure core, policy-replay.ts), with deadlines planned by the same business
// calendar the planDeadline activity uses; the batch's counts and differing complaints stored in one
// transaction, keyed so a retried batch replaces its own rows. Complaints are only read.
import { Context } from '@temporalio/activity';
import type { AgencyDayOff } from './business-calendar.js';
import type { CalendarProvider } from './calendar-source.js';
import { failingPermanently } from './permanent-failures.js';
import { compareReplays, countReplays, replayComplaint, unlikeRecord, type ExtensionsFound, type PastComplaint, type PlanDeadline, type ReplayDifference, type ReplayOutcome } from './policy-replay.js';
import type { SlaPolicy } from '../src/policy/sla-policy.js';
import type { Prisma, PrismaClient } from '../src/generated/prisma/client.js';
import type { EventType, PlannedDeadline, PolicyReplayBatchInput, PolicyReplayCursor, PolicyReplayBatchResult, PolicyReplayEnding, SlaPolicyVersion } from '../workflows/messages.js';

/** Events neither re-driven nor compared with (breaches are: the current side is checked against them). */
const NOT_READ: EventType[] = ['ESCALATED', 'ESCALATION_ACKNOWLEDGED', 'DEADLINES_RETIMED'];

/** Complaints after the cursor, in (submitted_at, id) order: served by the index of that pair. */
const after = (cursor: PolicyReplayCursor): Prisma.ComplaintWhereInput => {
  const at = new Date(cursor.submittedAt);
  return { OR: [{ submittedAt: { gt: at } }, { submittedAt: at, id: { gt: cursor.complaintId } }] };
};

export interface PolicyReplayDependencies {
  prisma: PrismaClient;
  calendar: CalendarProvider;
  /** The policy file: each complaint is replayed under its own frozen version for the "current" side. */
  policy: SlaPolicy;
}

export function createPolicyReplayActivities({ prisma, calendar, policy }: PolicyReplayDependencies) {
  /** The version a complaint ran under: its own, or (a version since removed from the file) the one in force at its submission. */
  const ownVersion = (name: string, submittedAt: Date): SlaPolicyVersion => policy.all().find((v) => v.version === name) ?? policy.inForceAt(submittedAt);

  /** Each agency's zone and days off, for the calendar of its clocks. */
  const agencyCalendars = async (): Promise<Map<string, { timeZone: string; agencyDaysOff: AgencyDayOff[] }>> => {
    const agencies = await prisma.agency.findMany({ select: { id: true, timeZone: true, daysOff: { select: { date: true, reason: true } } } });
    return new Map(agencies.map((a) => [a.id, { timeZone: a.timeZone, agencyDaysOff: a.daysOff.map((d) => ({ date: d.date.toISOString().slice(0, 10), reason: d.reason })) }]));
  };

  return failingPermanently({
    /** Replays the next `limit` complaints of the period after `after` (submission order) and stores what it found. */
    async replayPolicyBatch(input: PolicyReplayBatchInput): Promise<PolicyReplayBatchResult> {
      const replay = await prisma.policyReplay.findUniqueOrThrow({ where: { id: input.replayId } });
      const whatIf = replay.policy as unknown as SlaPolicyVersion;
      const rows = await prisma.complaint.findMany({
        where: { submittedAt: { gte: replay.periodFrom, lt: replay.periodTo }, ...(input.after ? after(input.after) : {}) },
        orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
        take: input.limit,
        select: {
          id: true,
          trackingId: true,
          submittedAt: true,
          classification: true,
          channel: true,
          policyVersion: true,
          agencyId: true,
          events: {
            where: { type: { notIn: NOT_READ } },
            orderBy: { seq: 'asc' },
            select: { seq: true, type: true, actorId: true, actorRole: true, detail: true, occurredAt: true },
          },
        },
      });
      if (rows.length === 0) return { complaints: 0, differing: 0, unreplayable: 0, unlikeRecord: 0, last: input.after };

      const [businessCalendar, agencies] = await Promise.all([calendar.current(), agencyCalendars()]);
      // Both sides plan the same agency clocks alike: each plan once per batch (zone offsets are what a plan costs).
      const planned = new Map<string, PlannedDeadline>();
      const plan: PlanDeadline = (request) => {
        const key = JSON.stringify(request);
        let answer = planned.get(key);
        if (!answer) {
          answer = businessCalendar.plan(request, (request.agencyId && agencies.get(request.agencyId)) || { timeZone: request.defaultTimeZone, agencyDaysOff: [] });
          planned.set(key, answer);
        }
        // A copy: the lifecycle keeps what it is given on its clocks.
        return structuredClone(answer);
      };
      const asOf = replay.asOf.toISOString();

      // A complaint whose recorded history the lifecycle cannot run (a bug, or rows written by hand) is listed
      // with why, and the replay goes on: one bad history must not cost the report.
      const replays: { row: (typeof rows)[number]; current: ReplayOutcome; whatIf: ReplayOutcome; differences: ReplayDifference[]; unlikeRecord: boolean }[] = [];
      const failed: { row: (typeof rows)[number]; error: string }[] = [];
      for (const [n, row] of rows.entries()) {
        // Alive: a batch on a worker that died is retried after the heartbeat timeout, not the batch's whole timeout.
        if (n % 25 === 0) Context.current().heartbeat(n);
        const past: PastComplaint = {
          complaintId: row.id,
          trackingId: row.trackingId,
          submittedAt: row.submittedAt.toISOString(),
          classification: row.classification,
          channel: row.channel,
          events: row.events.map((e) => ({ ...e, detail: (e.detail ?? {}) as Record<string, unknown>, occurredAt: e.occurredAt.toISOString() })),
        };
        try {
          const extensions: ExtensionsFound = new Map();
          const current = replayComplaint(past, ownVersion(row.policyVersion, row.submittedAt), plan, asOf, extensions);
          const outcome = replayComplaint(past, whatIf, plan, asOf, extensions);
          replays.push({ row, current, whatIf: outcome, differences: compareReplays(current, outcome), unlikeRecord: unlikeRecord(past, current) });
        } catch (error) {
          failed.push({ row, error: (error as Error).message });
        }
      }
      const differing = replays.filter((r) => r.differences.length > 0);
      const unlike = replays.filter((r) => r.unlikeRecord).length;
      const ids = rows.map((r) => r.id);
      await prisma.$transaction([
        prisma.policyReplayBatch.deleteMany({ where: { replayId: replay.id, firstComplaintId: ids[0] } }),
        prisma.policyReplayBatch.create({
          data: { replayId: replay.id, firstComplaintId: ids[0], complaints: rows.length, counts: countReplays(replays) as unknown as Prisma.InputJsonValue },
        }),
        prisma.policyReplayDifference.deleteMany({ where: { replayId: replay.id, complaintId: { in: ids } } }),
        prisma.policyReplayDifference.createMany({
          data: [
            ...differing.map(({ row, current, differences }) => ({
              replayId: replay.id,
              complaintId: row.id,
              trackingId: row.trackingId,
              submittedAt: row.submittedAt,
              agencyId: row.agencyId,
              currentPolicyVersion: current.policyVersion,
              differences: differences as unknown as Prisma.InputJsonValue,
            })),
            ...failed.map(({ row, error }) => ({
              replayId: replay.id,
              complaintId: row.id,
              trackingId: row.trackingId,
              submittedAt: row.submittedAt,
              agencyId: row.agencyId,
              currentPolicyVersion: row.policyVersion,
              differences: [],
              error,
            })),
          ],
        }),
        prisma.policyReplay.update({
          where: { id: replay.id },
          data: {
            processed: input.processedBefore + rows.length,
            differing: input.differingBefore + differing.length,
            unreplayable: input.unreplayableBefore + failed.length,
            unlikeRecord: input.unlikeRecordBefore + unlike,
          },
        }),
      ]);
      const last = rows.at(-1)!;
      return { complaints: rows.length, differing: differing.length, unreplayable: failed.length, unlikeRecord: unlike, last: { submittedAt: last.submittedAt.toISOString(), complaintId: last.id } };
    },

    /** Marks the replay done, cancelled or failed (once: a replay that ended stays as it ended). */
    async finishPolicyReplay({ replayId, status, error }: PolicyReplayEnding): Promise<void> {
      await prisma.policyReplay.updateMany({ where: { id: replayId, status: 'RUNNING' }, data: { status, finishedAt: new Date(), error: error ?? null } });
    },
  });
}
