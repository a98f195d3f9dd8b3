// The what-if report as CSV, in the style of the SLA report's: snake_case columns with units, row_type,
// empty cells for nulls, no cell a spreadsheet would run as a formula.
import { stringify } from 'csv-stringify/sync';
import type { WhatIfComplaintView, WhatIfReportView, WhatIfRunView, WhatIfSideView } from './dto/what-if.dto.js';

const noFormulas = { string: (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s) };

const SIDE_COLUMNS: [string, (f: WhatIfSideView) => number | null][] = [
  ['met_count', (f) => f.met],
  ['breached_count', (f) => f.breached],
  ['running_count', (f) => f.running],
  ['on_time_pct', (f) => f.onTimePct],
];

/**
 * One line per stage owner and stage — row_type agency, national (verification, redirection) or total
 * (the stage over every owner) — each figure for the complaint's own policy (current_*) and the what-if
 * one (what_if_*), then the changes.
 */
export function whatIfReportCsv(report: WhatIfReportView): string {
  const levels = Object.keys(report.rows[0]?.current.escalations ?? { 1: 0, 2: 0, 3: 0 });
  const side = (prefix: string) => [...SIDE_COLUMNS.map(([name]) => `${prefix}_${name}`), ...levels.map((l) => `${prefix}_escalations_level_${l}_count`)];
  const columns = [
    'replay_id',
    'what_if_policy_version',
    'period_from',
    'period_to',
    'complete',
    'row_type',
    'agency_id',
    'agency_name',
    'stage',
    ...side('current'),
    ...side('what_if'),
    'breaches_change',
    'on_time_pct_change',
  ];
  const values = (f: WhatIfSideView) => [...SIDE_COLUMNS.map(([, value]) => value(f)), ...levels.map((l) => f.escalations[l] ?? 0)];
  const { run } = report;
  const records = report.rows.map((r) => [
    run.id,
    run.policyVersion,
    run.period.from,
    run.period.to,
    report.complete,
    r.rowType,
    r.agencyId,
    r.agencyName,
    r.stage,
    ...values(r.current),
    ...values(r.whatIf),
    r.breachesChange,
    r.onTimePctChange,
  ]);
  return stringify(records, { header: true, columns, cast: noFormulas });
}

/** One line per stage (or ending) of each differing complaint: both deadlines, both outcomes, and why. */
export function whatIfDifferencesCsv(run: WhatIfRunView, complaints: WhatIfComplaintView[]): string {
  const columns = [
    'tracking_id',
    'submitted_at',
    'agency_id',
    'current_policy_version',
    'what_if_policy_version',
    'stage',
    'round',
    'stage_owner_agency_id',
    'current_due_at',
    'current_outcome',
    'current_escalation_levels',
    'what_if_due_at',
    'what_if_outcome',
    'what_if_escalation_levels',
    'current_ending',
    'what_if_ending',
    'why',
  ];
  const notReplayed = (c: WhatIfComplaintView) => [c.trackingId, c.submittedAt, c.agencyId, c.currentPolicyVersion, run.policyVersion, 'not_replayed', null, null, null, null, null, null, null, null, null, null, c.error];
  const levels = (e: Record<string, number> | undefined) =>
    e
      ? Object.entries(e)
          .map(([level, n]) => `${level}:${n}`)
          .join(' ')
      : null;
  const records = complaints.flatMap((c) =>
    c.error !== null ? [notReplayed(c)] : c.differences.map((d) => [
      c.trackingId,
      c.submittedAt,
      c.agencyId,
      c.currentPolicyVersion,
      run.policyVersion,
      d.stage ?? 'ending',
      d.round,
      d.agencyId,
      d.current?.dueAt ?? null,
      d.current?.outcome ?? null,
      levels(d.current?.escalations),
      d.whatIf?.dueAt ?? null,
      d.whatIf?.outcome ?? null,
      levels(d.whatIf?.escalations),
      d.ending?.current ?? null,
      d.ending?.whatIf ?? null,
      d.why,
    ]),
  );
  return stringify(records, { header: true, columns, cast: noFormulas });
}

/** e.g. what-if_2026.1-draft_2026-01-01_2026-11-30.csv */
export function whatIfFilename(run: WhatIfRunView, part: 'report' | 'differences'): string {
  const version = run.policyVersion.replace(/[^A-Za-z0-9_.-]/g, '_');
  return `what-if${part === 'differences' ? '-differences' : ''}_${version}_${run.period.from.slice(0, 10)}_${run.period.to.slice(0, 10)}.csv`;
}
