// Pure arithmetic of the what-if report: the period a replay may cover, and the rows made from the
// batches' counts (per stage owner and stage, both sides, with on-time percentages and the changes).
// No I/O, so it is unit-tested on its own.
import { DateTime } from 'luxon';
import { addCounts, REPLAY_STAGES, type ReplayStage, type StageCounts, type StageCountsRow } from '../../activities/policy-replay.js';
import { InvalidFieldError } from '../common/domain-errors.js';
import { message } from '../i18n/messages.js';
import { percent, REPORTED_ESCALATION_LEVELS, resolvePeriod, type Period } from '../reports/sla-figures.js';

/** Three years: "since January" and a yearly review fit; a century does not. */
export const MAX_REPLAY_PERIOD_DAYS = 3 * 366;

/**
 * The submissions a replay covers: [from, to) as the SLA report reads it (dates at midnight in `zone`;
 * `to` defaults to now), ending no later than now (clocks run up to now), at most MAX_REPLAY_PERIOD_DAYS.
 */
export function replayPeriod(query: { from?: string; to?: string }, now: Date, zone: string): Period {
  const period = resolvePeriod(query, now, zone);
  const nowInZone = DateTime.fromJSDate(now, { zone });
  if (period.from >= nowInZone) throw new InvalidFieldError('from', message('whatIf.notInPast'));
  const to = period.to > nowInZone ? nowInZone : period.to;
  if (to.diff(period.from, 'days').days > MAX_REPLAY_PERIOD_DAYS) throw new InvalidFieldError('from', message('whatIf.periodTooLong', { days: MAX_REPLAY_PERIOD_DAYS }));
  return { from: period.from, to };
}

export interface SideFigures {
  met: number;
  breached: number;
  running: number;
  /** met / (met + breached), in percent with one decimal; null when no deadline was decided. */
  onTimePct: number | null;
  escalations: Record<string, number>;
}

export interface WhatIfRow {
  /** agency: a stage an agency owned; national: verification and redirections; total: every owner of the stage. */
  rowType: 'agency' | 'national' | 'total';
  agencyId: string | null;
  stage: ReplayStage;
  current: SideFigures;
  whatIf: SideFigures;
  /** whatIf − current. */
  breachesChange: number;
  onTimePctChange: number | null;
}

const emptyCounts = (): StageCounts => ({ met: 0, breached: 0, running: 0, escalations: {} });

function figures(c: StageCounts, levels: number[]): SideFigures {
  return {
    met: c.met,
    breached: c.breached,
    running: c.running,
    onTimePct: percent(c.met, c.met + c.breached),
    escalations: Object.fromEntries(levels.map((level) => [String(level), c.escalations[String(level)] ?? 0])),
  };
}

/**
 * The report's rows from every batch's counts: one per stage owner and stage (national first, then
 * agencies by ID; stages in lifecycle order), then one total per stage. Levels 1–3 always show.
 */
export function whatIfRows(batches: StageCountsRow[][]): WhatIfRow[] {
  const merged = new Map<string, StageCountsRow>();
  for (const row of batches.flat()) {
    const key = `${row.agencyId ?? ''}|${row.stage}`;
    const seen = merged.get(key) ?? { agencyId: row.agencyId, stage: row.stage, current: emptyCounts(), whatIf: emptyCounts() };
    merged.set(key, { ...seen, current: addCounts(seen.current, row.current), whatIf: addCounts(seen.whatIf, row.whatIf) });
  }
  const owners = [...merged.values()];
  const levels = [
    ...new Set([...REPORTED_ESCALATION_LEVELS, ...owners.flatMap((r) => [...Object.keys(r.current.escalations), ...Object.keys(r.whatIf.escalations)].map(Number))]),
  ].sort((a, b) => a - b);
  const stageOrder = (s: ReplayStage) => REPLAY_STAGES.indexOf(s);
  owners.sort((a, b) => (a.agencyId ?? '').localeCompare(b.agencyId ?? '') || stageOrder(a.stage) - stageOrder(b.stage));
  const totals = REPLAY_STAGES.flatMap((stage) => {
    const ofStage = owners.filter((r) => r.stage === stage);
    if (ofStage.length === 0) return [];
    return [
      {
        agencyId: null,
        stage,
        current: ofStage.reduce((sum, r) => addCounts(sum, r.current), emptyCounts()),
        whatIf: ofStage.reduce((sum, r) => addCounts(sum, r.whatIf), emptyCounts()),
        total: true,
      },
    ];
  });
  return [...owners.map((r) => ({ ...r, total: false })), ...totals].map((r) => {
    const current = figures(r.current, levels);
    const whatIf = figures(r.whatIf, levels);
    return {
      rowType: r.total ? 'total' : r.agencyId === null ? 'national' : 'agency',
      agencyId: r.agencyId,
      stage: r.stage,
      current,
      whatIf,
      breachesChange: whatIf.breached - current.breached,
      onTimePctChange: current.onTimePct === null || whatIf.onTimePct === null ? null : Math.round((whatIf.onTimePct - current.onTimePct) * 10) / 10,
    };
  });
}
