// The SLA report's only database code: two grouped queries over the read model, in one snapshot.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { Prisma } from '../generated/prisma/client.js';
import type { ComplaintState, EventType, OfficerStage } from '../../workflows/messages.js';
import type { EscalationCountRow, ReportScope, SlaCountsRow } from './sla-figures.js';
import type { ReportGrouping } from './dto/sla-report.query.js';

// The lifecycle's own names, checked by the compiler, sent as query parameters.
const event = (type: EventType) => type;
const stage = (name: OfficerStage) => name;
const state = (name: ComplaintState) => name;

export interface ReportWindow {
  from: Date;
  to: Date;
}

@Injectable()
export class SlaReportRepository {
  constructor(private readonly prisma: PrismaService) {}

  agencyName(id: string): Promise<{ name: string } | null> {
    return this.prisma.agency.findUnique({ where: { id }, select: { name: true } });
  }

  /**
   * Counts per group (GROUPING SETS: one row per group plus the totals row) and escalations per group and
   * level, in one snapshot (see slaReportQueries).
   */
  async counts(window: ReportWindow, scope: ReportScope, groupBy: ReportGrouping = 'agency'): Promise<{ counts: SlaCountsRow[]; escalations: EscalationCountRow[] }> {
    const queries = slaReportQueries(window, scope, groupBy);
    const [counts, escalations] = await this.prisma.$transaction(
      [this.prisma.$queryRaw<SlaCountsRow[]>(queries.counts), this.prisma.$queryRaw<EscalationCountRow[]>(queries.escalations)],
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
    );
    return { counts, escalations };
  }
}

/**
 * The report's two queries (exported so the bench can EXPLAIN them). By agency: the agency holding the
 * complaint, and for escalations the owner of the late stage. By province: the first two characters of
 * the complaint's area code (null without one), for both.
 */
export function slaReportQueries(window: ReportWindow, scope: ReportScope, groupBy: ReportGrouping): { counts: Prisma.Sql; escalations: Prisma.Sql } {
  const facts = complaintFacts(window, scope);
  const where = scopeFilter(scope);
  const byProvince = groupBy === 'province';
  // The group's key and name (the name of a province comes from the reference data, in the service).
  const group = byProvince ? Prisma.sql`f.province_code` : Prisma.sql`f.agency_id`;
  const groupName = byProvince ? Prisma.sql`NULL::text` : Prisma.sql`a.name`;
  const groupSet = byProvince ? Prisma.sql`(f.province_code)` : Prisma.sql`(f.agency_id, a.name)`;
  const escalationGroup = byProvince ? Prisma.sql`left(c.area_code, 2)` : Prisma.sql`x.agency_id`;
  const escalationName = byProvince ? Prisma.sql`NULL::text` : Prisma.sql`a.name`;
  const escalationSet = byProvince ? Prisma.sql`(left(c.area_code, 2), x.level)` : Prisma.sql`(x.agency_id, a.name, x.level)`;
  return {
    counts: Prisma.sql`
      WITH ${facts}
      SELECT ${group} AS "key",
             ${groupName} AS "name",
             GROUPING(${group}) = 1 AS "isTotal",
             count(*)::int AS "received",
             count(*) FILTER (WHERE f.disposed_at IS NOT NULL)::int AS "verified",
             count(*) FILTER (WHERE f.disposed_at IS NOT NULL AND NOT f.verification_breached)::int AS "verifiedOnTime",
             count(f.first_response_at)::int AS "responded",
             count(*) FILTER (WHERE f.first_response_at IS NOT NULL AND NOT f.follow_up_breached)::int AS "respondedOnTime",
             count(*) FILTER (WHERE f.resolved)::int AS "resolved",
             count(*) FILTER (WHERE f.resolved AND NOT f.resolution_breached)::int AS "resolvedOnTime",
             percentile_cont(0.5) WITHIN GROUP (
               ORDER BY (extract(epoch FROM f.first_response_at - f.disposed_at) / 3600)::float8
             ) AS "medianFirstResponseHours",
             avg(f.rating)::float8 AS "meanRating",
             count(f.rating)::int AS "rated"
      FROM facts f
      LEFT JOIN agencies a ON a.id = f.agency_id
      ${where}
      GROUP BY GROUPING SETS (${groupSet}, ())`,
    // Each escalation counts against the owner of its stage (null: national verification and redirects),
    // whichever agency has the complaint now.
    escalations: Prisma.sql`
      SELECT ${escalationGroup} AS "key",
             ${escalationName} AS "name",
             GROUPING(${escalationGroup}) = 1 AS "isTotal",
             x.level AS "level",
             count(*)::int AS "count"
      FROM escalations x
      JOIN complaints c ON c.id = x.complaint_id AND c.submitted_at >= ${window.from} AND c.submitted_at < ${window.to}
      LEFT JOIN agencies a ON a.id = x.agency_id
      ${escalationScope(scope)}
      GROUP BY GROUPING SETS (${escalationSet}, (x.level))`,
  };
}

/**
 * One row per complaint submitted in the window, with the facts the figures need. Event types and
 * details are those the workflow projects (workflows/lifecycle/complaint-case.ts, `project(...)`):
 * - disposition: the latest VERIFIED or REDIRECTED event; until the first, the complaint belongs to
 *   the national verification group (agency_id null), whatever agency the reporter named;
 * - first response: the first FOLLOWED_UP or RESOLVED event after that disposition, so an answer
 *   given by an agency the complaint was later redirected away from does not count for the next one;
 * - breaches: DEADLINE_BREACHED events, written exactly when a deadline passes, detail { stage, dueAt };
 *   agency stages count only after the latest disposition (the new agency's clocks start afresh);
 * - resolved: the answer stands (AWAITING_FEEDBACK or CLOSED; a dispute reopens the complaint).
 */
function complaintFacts(window: ReportWindow, scope: ReportScope): Prisma.Sql {
  const agencyOnly = scope.kind === 'agency' ? Prisma.sql`AND c.agency_id = ${scope.agencyId}` : Prisma.empty;
  return Prisma.sql`
    scoped AS (
      SELECT c.id, c.agency_id, c.status, c.rating, left(c.area_code, 2) AS province_code
      FROM complaints c
      WHERE c.submitted_at >= ${window.from} AND c.submitted_at < ${window.to} ${agencyOnly}
    ),
    disposition AS (
      SELECT e.complaint_id, max(e.seq) AS seq, (array_agg(e.occurred_at ORDER BY e.seq DESC))[1] AS occurred_at
      FROM complaint_events e
      JOIN scoped s ON s.id = e.complaint_id
      WHERE e.type IN (${event('VERIFIED')}, ${event('REDIRECTED')})
      GROUP BY e.complaint_id
    ),
    facts AS (
      SELECT s.id,
             CASE WHEN d.seq IS NULL THEN NULL ELSE s.agency_id END AS agency_id,
             s.rating,
             s.province_code,
             s.status::text IN (${state('AWAITING_FEEDBACK')}, ${state('CLOSED')}) AS resolved,
             d.occurred_at AS disposed_at,
             min(e.occurred_at) FILTER (WHERE e.type IN (${event('FOLLOWED_UP')}, ${event('RESOLVED')}) AND e.seq > d.seq) AS first_response_at,
             coalesce(bool_or(e.type = ${event('DEADLINE_BREACHED')} AND e.detail->>'stage' = ${stage('verification')}), false) AS verification_breached,
             coalesce(bool_or(e.type = ${event('DEADLINE_BREACHED')} AND e.detail->>'stage' = ${stage('firstFollowUp')} AND e.seq > d.seq), false)
               AS follow_up_breached,
             coalesce(bool_or(e.type = ${event('DEADLINE_BREACHED')} AND e.detail->>'stage' = ${stage('resolution')} AND e.seq > d.seq), false)
               AS resolution_breached
      FROM scoped s
      LEFT JOIN disposition d ON d.complaint_id = s.id
      LEFT JOIN complaint_events e ON e.complaint_id = s.id AND e.type IN (${event('DEADLINE_BREACHED')}, ${event('FOLLOWED_UP')}, ${event('RESOLVED')})
      GROUP BY s.id, s.agency_id, s.rating, s.status, s.province_code, d.seq, d.occurred_at
    )`;
}

function escalationScope(scope: ReportScope): Prisma.Sql {
  if (scope.kind === 'agency') return Prisma.sql`WHERE x.agency_id = ${scope.agencyId}`;
  if (scope.kind === 'national') return Prisma.sql`WHERE x.agency_id IS NULL`;
  return Prisma.empty;
}

function scopeFilter(scope: ReportScope): Prisma.Sql {
  if (scope.kind === 'agency') return Prisma.sql`WHERE f.agency_id = ${scope.agencyId}`;
  if (scope.kind === 'national') return Prisma.sql`WHERE f.agency_id IS NULL`;
  return Prisma.empty;
}
