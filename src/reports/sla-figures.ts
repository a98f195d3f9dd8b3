// Pure arithmetic of the SLA report: who may see which rows, the reporting period, and the figures
// made from the counts PostgreSQL grouped. No I/O, so it is unit-tested on its own.
import { DateTime } from 'luxon';
import type { Officer, Role } from '../auth/officer.js';
import { InvalidFieldError } from '../common/domain-errors.js';
import type { SlaFigures, SlaReportRow } from './dto/sla-report.view.js';
import { message } from '../i18n/messages.js';

export const DEFAULT_PERIOD_DAYS = 30;
/** Escalation levels every row shows, even at zero (the default ladder's); higher levels appear when they occur. */
export const REPORTED_ESCALATION_LEVELS = [1, 2, 3] as const;

/** Roles that see only their own agency's row; everyone else allowed on the route sees every agency. */
export const AGENCY_SCOPED_ROLES: readonly Role[] = ['AGENCY_ADMIN', 'COMPLAINT_MANAGER'];

/** Which rows a report covers: every group, one agency, or the not-yet-disposed (national verification) group. */
export type ReportScope = { kind: 'all' } | { kind: 'agency'; agencyId: string } | { kind: 'national' };

/**
 * The rows an officer may see for the requested agency, or null when it is not theirs (the caller
 * answers 404 whether or not that agency exists, so nothing leaks).
 */
export function reportScope(officer: Pick<Officer, 'role' | 'agencyId'>, requested: string | undefined): ReportScope | null {
  if (!AGENCY_SCOPED_ROLES.includes(officer.role)) return requested ? { kind: 'agency', agencyId: requested } : { kind: 'all' };
  if (officer.agencyId) return requested === undefined || requested === officer.agencyId ? { kind: 'agency', agencyId: officer.agencyId } : null;
  // A national complaint manager oversees what has not reached an agency yet (as in src/access).
  if (officer.role === 'COMPLAINT_MANAGER' && requested === undefined) return { kind: 'national' };
  return null;
}

export interface Period {
  from: DateTime;
  to: DateTime;
}

/**
 * The half-open period [from, to). A date without a time is midnight at its start in `zone`; an
 * instant without an offset is read in `zone`. Defaults: `to` = now, `from` = 30 days before `to`.
 */
export function resolvePeriod(query: { from?: string; to?: string }, now: Date, zone: string): Period {
  const to = query.to === undefined ? DateTime.fromJSDate(now, { zone }) : parseInstant('to', query.to, zone);
  const from = query.from === undefined ? to.minus({ days: DEFAULT_PERIOD_DAYS }) : parseInstant('from', query.from, zone);
  if (from >= to) throw new InvalidFieldError('from', message('field.fromBeforeTo', { to: String(to.toISO()) }));
  return { from, to };
}

function parseInstant(field: string, value: string, zone: string): DateTime {
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid) throw new InvalidFieldError(field, message('field.isoDateOrInstant'));
  return parsed;
}

/** Share of `part` in `whole`, in percent with one decimal; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}

export function roundTo(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** What PostgreSQL counts per group (see SlaReportRepository). */
export interface SlaCounts {
  received: number;
  verified: number;
  verifiedOnTime: number;
  responded: number;
  respondedOnTime: number;
  resolved: number;
  resolvedOnTime: number;
  medianFirstResponseHours: number | null;
  meanRating: number | null;
  rated: number;
}

export interface SlaCountsRow extends SlaCounts {
  /** null: not yet disposed (national verification); on the totals row, null too. */
  agencyId: string | null;
  agencyName: string | null;
  isTotal: boolean;
}

export interface EscalationCountRow {
  /** The agency that owned the late stage; null = national (verification, redirects). */
  agencyId: string | null;
  agencyName: string | null;
  isTotal: boolean;
  level: number;
  count: number;
}

export const NO_COUNTS: SlaCounts = {
  received: 0,
  verified: 0,
  verifiedOnTime: 0,
  responded: 0,
  respondedOnTime: 0,
  resolved: 0,
  resolvedOnTime: 0,
  medianFirstResponseHours: null,
  meanRating: null,
  rated: 0,
};

export function toFigures(c: SlaCounts, escalations: Record<string, number>): SlaFigures {
  return {
    received: c.received,
    verified: c.verified,
    verifiedOnTimePct: percent(c.verifiedOnTime, c.verified),
    firstResponses: c.responded,
    followUpCompletionPct: percent(c.responded, c.verified),
    followUpOnTimePct: percent(c.respondedOnTime, c.responded),
    resolved: c.resolved,
    resolvedOnTimePct: percent(c.resolvedOnTime, c.resolved),
    medianFirstResponseHours: roundTo(c.medianFirstResponseHours, 2),
    meanSatisfaction: roundTo(c.meanRating, 2),
    ratings: c.rated,
    escalations,
  };
}

/**
 * The report's rows and totals from the grouped counts. `required` is an agency that gets a row even
 * when it received nothing in the period (the one asked for).
 */
export function buildSlaRows(
  counts: SlaCountsRow[],
  escalations: EscalationCountRow[],
  required?: { agencyId: string; agencyName: string },
): { rows: SlaReportRow[]; totals: SlaFigures } {
  const levels = [...new Set([...REPORTED_ESCALATION_LEVELS, ...escalations.map((e) => e.level)])].sort((a, b) => a - b);
  const byLevel = (isTotal: boolean, agencyId: string | null): Record<string, number> =>
    Object.fromEntries(
      levels.map((level) => [
        String(level),
        escalations.find((e) => e.isTotal === isTotal && e.level === level && (isTotal || e.agencyId === agencyId))?.count ?? 0,
      ]),
    );
  const groups = counts.filter((c) => !c.isTotal);
  const ensureRow = (agencyId: string | null, agencyName: string | null) => {
    if (!groups.some((c) => c.agencyId === agencyId)) groups.push({ ...NO_COUNTS, agencyId, agencyName, isTotal: false });
  };
  if (required) ensureRow(required.agencyId, required.agencyName);
  // An agency charged with escalations has a row even when its complaints moved on to another agency.
  for (const e of escalations.filter((e) => !e.isTotal)) ensureRow(e.agencyId, e.agencyName);
  const rows = groups
    .sort((a, b) => (a.agencyId ?? '').localeCompare(b.agencyId ?? ''))
    .map((c) => ({ agencyId: c.agencyId, agencyName: c.agencyName, ...toFigures(c, byLevel(false, c.agencyId)) }));
  const total = counts.find((c) => c.isTotal) ?? NO_COUNTS;
  return { rows, totals: toFigures(total, byLevel(true, null)) };
}
