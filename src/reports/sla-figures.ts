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

/**
 * What a report row stands for. Grouped by agency: the agency (null = not yet disposed, national
 * verification). Grouped by province: the province code of the complaint's place (null = no area code).
 * On the totals row, null too.
 */
export interface SlaGroup {
  key: string | null;
  name: string | null;
}

export interface SlaCountsRow extends SlaCounts, SlaGroup {
  isTotal: boolean;
}

/** Grouped by agency, the key is the agency that owned the late stage (null = national: verification, redirects). */
export interface EscalationCountRow extends SlaGroup {
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

export type SlaGroupFigures = SlaGroup & SlaFigures;

/** A row of the report grouped by agency. */
export const toAgencyRow = ({ key, name, ...figures }: SlaGroupFigures): SlaReportRow => ({ agencyId: key, agencyName: name, ...figures });

/** The province group of complaints without an area code. */
export const UNKNOWN_PROVINCE = 'unknown';

/** A row of the report grouped by province: `provinceName` names the province of `key`, null for none. */
export const toProvinceRow = ({ key, name: _name, ...figures }: SlaGroupFigures, provinceName: (code: string) => string | null): SlaReportRow => ({
  agencyId: null,
  agencyName: null,
  provinceCode: key ?? UNKNOWN_PROVINCE,
  provinceName: key === null ? null : provinceName(key),
  ...figures,
});

/**
 * The report's groups and totals from the grouped counts. `required` is a group that gets a row even
 * when it received nothing in the period (the agency asked for).
 */
export function buildSlaRows(
  counts: SlaCountsRow[],
  escalations: EscalationCountRow[],
  required?: { key: string; name: string },
): { rows: SlaGroupFigures[]; totals: SlaFigures } {
  const levels = [...new Set([...REPORTED_ESCALATION_LEVELS, ...escalations.map((e) => e.level)])].sort((a, b) => a - b);
  const byLevel = (isTotal: boolean, key: string | null): Record<string, number> =>
    Object.fromEntries(
      levels.map((level) => [
        String(level),
        escalations.find((e) => e.isTotal === isTotal && e.level === level && (isTotal || e.key === key))?.count ?? 0,
      ]),
    );
  const groups = counts.filter((c) => !c.isTotal);
  const ensureRow = (key: string | null, name: string | null) => {
    if (!groups.some((c) => c.key === key)) groups.push({ ...NO_COUNTS, key, name, isTotal: false });
  };
  if (required) ensureRow(required.key, required.name);
  // An agency charged with escalations has a row even when its complaints moved on to another agency.
  for (const e of escalations.filter((e) => !e.isTotal)) ensureRow(e.key, e.name);
  const rows = groups.sort((a, b) => (a.key ?? '').localeCompare(b.key ?? '')).map((c) => ({ key: c.key, name: c.name, ...toFigures(c, byLevel(false, c.key)) }));
  const total = counts.find((c) => c.isTotal) ?? NO_COUNTS;
  return { rows, totals: toFigures(total, byLevel(true, null)) };
}
