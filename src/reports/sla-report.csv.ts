// The SLA report as CSV: one line per agency row plus a totals line, columns in snake_case with units.
import { stringify } from 'csv-stringify/sync';
import type { SlaFigures, SlaReportView } from './dto/sla-report.view.js';
import { UNKNOWN_PROVINCE } from './sla-figures.js';

const FIGURE_COLUMNS: [string, (f: SlaFigures) => number | null][] = [
  ['received_count', (f) => f.received],
  ['verified_count', (f) => f.verified],
  ['verified_on_time_pct', (f) => f.verifiedOnTimePct],
  ['first_response_count', (f) => f.firstResponses],
  ['follow_up_completion_pct', (f) => f.followUpCompletionPct],
  ['follow_up_on_time_pct', (f) => f.followUpOnTimePct],
  ['resolved_count', (f) => f.resolved],
  ['resolved_on_time_pct', (f) => f.resolvedOnTimePct],
  ['median_first_response_hours', (f) => f.medianFirstResponseHours],
  ['mean_satisfaction_1_to_5', (f) => f.meanSatisfaction],
  ['rating_count', (f) => f.ratings],
];

/**
 * row_type: agency, national_verification (not yet disposed) or total; grouped by province: province,
 * unknown_province (no area code) or total, with province_code and province_name instead of the agency's
 * columns. Empty cells are nulls.
 */
export function slaReportCsv(report: SlaReportView): string {
  const levels = Object.keys(report.totals.escalations);
  const byProvince = report.groupBy === 'province';
  const columns = [
    'period_from',
    'period_to',
    'row_type',
    ...(byProvince ? ['province_code', 'province_name'] : ['agency_id', 'agency_name']),
    ...FIGURE_COLUMNS.map(([name]) => name),
    ...levels.map((level) => `escalations_level_${level}_count`),
  ];
  const line = (rowType: string, key: string | null, name: string | null, f: SlaFigures) => [
    report.period.from,
    report.period.to,
    rowType,
    key,
    name,
    ...FIGURE_COLUMNS.map(([, value]) => value(f)),
    ...levels.map((level) => f.escalations[level] ?? 0),
  ];
  const records = [
    ...report.rows.map((r) =>
      byProvince
        ? line(r.provinceCode === UNKNOWN_PROVINCE ? 'unknown_province' : 'province', r.provinceCode ?? null, r.provinceName ?? null, r)
        : line(r.agencyId === null ? 'national_verification' : 'agency', r.agencyId, r.agencyName, r),
    ),
    line('total', null, null, report.totals),
  ];
  // A spreadsheet must not run a cell as a formula (agency names are data).
  return stringify(records, { header: true, columns, cast: { string: (s) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s) } });
}

/** e.g. sla-report_kemendagri_2026-10-01_2026-11-01.csv, sla-report_all_by-province_… (dates in the report's zone). */
export function slaReportFilename(report: SlaReportView): string {
  const scope = (report.agencyId ?? 'all').replace(/[^A-Za-z0-9_-]/g, '_') + (report.groupBy === 'province' ? '_by-province' : '');
  return `sla-report_${scope}_${report.period.from.slice(0, 10)}_${report.period.to.slice(0, 10)}.csv`;
}
