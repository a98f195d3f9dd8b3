import type { StageCountsRow } from '../../activities/policy-replay.js';
import { InvalidFieldError } from '../../src/common/domain-errors.js';
import type { WhatIfReportView } from '../../src/whatif/dto/what-if.dto.js';
import { whatIfDifferencesCsv, whatIfFilename, whatIfReportCsv } from '../../src/whatif/what-if.csv.js';
import { MAX_REPLAY_PERIOD_DAYS, replayPeriod, whatIfRows } from '../../src/whatif/what-if-figures.js';

const counts = (met: number, breached: number, running = 0, escalations: Record<string, number> = {}) => ({ met, breached, running, escalations });

describe(whatIfRows.name, () => {
  const batches: StageCountsRow[][] = [
    [
      { agencyId: null, stage: 'verification', current: counts(9, 1, 0, { 1: 1 }), whatIf: counts(6, 4, 0, { 1: 4, 2: 1 }) },
      { agencyId: 'kemendagri', stage: 'assignment', current: counts(5, 0), whatIf: counts(5, 0) },
    ],
    [
      { agencyId: null, stage: 'verification', current: counts(10, 0), whatIf: counts(9, 1, 0, { 1: 1 }) },
      { agencyId: 'bandung', stage: 'resolution', current: counts(0, 0, 2), whatIf: counts(0, 0, 2) },
      { agencyId: 'kemendagri', stage: 'assignment', current: counts(2, 1, 0, { 1: 1, 4: 1 }), whatIf: counts(2, 1, 0, { 1: 1, 4: 1 }) },
      { agencyId: null, stage: 'redirection', current: counts(0, 0, 0, { 1: 1 }), whatIf: counts(0, 0, 0, { 1: 1 }) },
    ],
  ];
  const rows = whatIfRows(batches);

  it.each([
    ['national verification', 'national', null, 'verification', { met: 19, breached: 1, onTimePct: 95 }, { met: 15, breached: 5, onTimePct: 75 }, 4, -20],
    ['an agency stage over two batches', 'agency', 'kemendagri', 'assignment', { met: 7, breached: 1, onTimePct: 87.5 }, { met: 7, breached: 1, onTimePct: 87.5 }, 0, 0],
    ['a stage with nothing decided yet', 'agency', 'bandung', 'resolution', { running: 2, onTimePct: null }, { running: 2, onTimePct: null }, 0, null],
    ['redirections (escalations only)', 'national', null, 'redirection', { escalations: { 1: 1, 2: 0, 3: 0, 4: 0 } }, { escalations: { 1: 1, 2: 0, 3: 0, 4: 0 } }, 0, null],
    ['the total of verification', 'total', null, 'verification', { met: 19, escalations: { 1: 1, 2: 0, 3: 0, 4: 0 } }, { met: 15, escalations: { 1: 5, 2: 1, 3: 0, 4: 0 } }, 4, -20],
  ])('%s', (_name, rowType, agencyId, stage, current, whatIf, breachesChange, onTimePctChange) => {
    const row = rows.find((r) => r.rowType === rowType && r.agencyId === agencyId && r.stage === stage);
    expect(row).toMatchObject({ current, whatIf, breachesChange, onTimePctChange });
  });

  it('orders national rows first, then agencies by ID in lifecycle order, then a total per stage; levels 1–3 always', () => {
    expect(rows.map((r) => `${r.rowType}:${r.agencyId ?? '-'}:${r.stage}`)).toEqual([
      'national:-:verification',
      'national:-:redirection',
      'agency:bandung:resolution',
      'agency:kemendagri:assignment',
      'total:-:verification',
      'total:-:assignment',
      'total:-:resolution',
      'total:-:redirection',
    ]);
    expect(Object.keys(whatIfRows([[{ agencyId: null, stage: 'verification', current: counts(1, 0), whatIf: counts(1, 0) }]])[0].current.escalations)).toEqual(['1', '2', '3']);
    expect(whatIfRows([])).toEqual([]);
  });
});

describe(replayPeriod.name, () => {
  const now = new Date('2026-11-30T05:00:00Z');
  it.each([
    ['dates in the national zone, to clipped to now', { from: '2026-01-01', to: '2027-01-01' }, '2026-01-01T00:00:00.000+07:00', '2026-11-30T12:00:00.000+07:00'],
    ['to defaults to now', { from: '2026-11-01' }, '2026-11-01T00:00:00.000+07:00', '2026-11-30T12:00:00.000+07:00'],
  ])('%s', (_name, query, from, to) => {
    const p = replayPeriod(query, now, 'Asia/Jakarta');
    expect([p.from.toISO(), p.to.toISO()]).toEqual([from, to]);
  });

  it.each([
    ['reversed', { from: '2026-06-01', to: '2026-01-01' }, 'from', 'must be before to'],
    ['in the future', { from: '2027-01-01', to: '2027-02-01' }, 'from', 'must be in the past'],
    ['a century', { from: '1926-01-01', to: '2026-01-01' }, 'from', `at most ${MAX_REPLAY_PERIOD_DAYS} days`],
    ['not a date', { from: '2026-13-45' }, 'from', 'ISO-8601'],
  ])('refuses a period %s, naming the field', (_name, query, field, text) => {
    let error: unknown;
    try {
      replayPeriod(query, now, 'Asia/Jakarta');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidFieldError);
    expect((error as InvalidFieldError).field).toBe(field);
    expect((error as InvalidFieldError).message).toContain(text);
  });
});

describe('what-if CSV', () => {
  const run = {
    id: '0b9f3c1e-6c0a-4a57-9d0e-2f1f1c9b7a10',
    status: 'COMPLETED',
    policySource: 'DRAFT',
    policyVersion: '=draft',
    period: { from: '2026-01-01T00:00:00.000+07:00', to: '2026-02-01T00:00:00.000+07:00', timeZone: 'Asia/Jakarta' },
    asOf: '2026-11-30T05:00:00.000Z',
    total: 3,
    processed: 3,
    differing: 1,
    unreplayable: 1,
    unlikeRecord: 0,
    createdAt: '2026-11-30T05:00:00.000Z',
    finishedAt: '2026-11-30T05:00:01.000Z',
    error: null,
    requestedBy: 'usr-auditor',
  };
  const report: WhatIfReportView = { run, complete: true, rows: whatIfRows([[{ agencyId: null, stage: 'verification', current: counts(2, 1, 0, { 1: 1 }), whatIf: counts(1, 2, 0, { 1: 2 }) }]]).map((r) => ({ ...r, agencyName: null })) };

  it('has one line per row with both sides and the changes, and no cell a spreadsheet would run', () => {
    const [header, first] = whatIfReportCsv(report).trim().split('\n');
    expect(header).toBe(
      'replay_id,what_if_policy_version,period_from,period_to,complete,row_type,agency_id,agency_name,stage,' +
        'current_met_count,current_breached_count,current_running_count,current_on_time_pct,current_escalations_level_1_count,current_escalations_level_2_count,current_escalations_level_3_count,' +
        'what_if_met_count,what_if_breached_count,what_if_running_count,what_if_on_time_pct,what_if_escalations_level_1_count,what_if_escalations_level_2_count,what_if_escalations_level_3_count,' +
        'breaches_change,on_time_pct_change',
    );
    expect(first).toBe(`${run.id},'=draft,2026-01-01T00:00:00.000+07:00,2026-02-01T00:00:00.000+07:00,1,national,,,verification,2,1,0,66.7,1,0,0,1,2,0,33.3,2,0,0,1,-33.4`);
  });

  it('has one line per differing stage, with both deadlines and why, and one per complaint that could not be replayed', () => {
    const csv = whatIfDifferencesCsv(run, [
      {
        trackingId: 'LPR-AAAA-BBBB',
        submittedAt: '2026-01-19T02:00:00.000Z',
        agencyId: 'kemendagri',
        currentPolicyVersion: '2026.1',
        differences: [
          {
            stage: 'verification',
            round: 1,
            agencyId: null,
            current: { dueAt: '2026-01-22T23:59:59.999+07:00', rule: '3 working days', outcome: 'met', breachedAt: null, endedAt: '2026-01-22T03:00:00.000Z', escalations: {} },
            whatIf: { dueAt: '2026-01-21T23:59:59.999+07:00', rule: '2 working days', outcome: 'breached', breachedAt: '2026-01-21T23:59:59.999+07:00', endedAt: '2026-01-22T03:00:00.000Z', escalations: { 1: 1 } },
            ending: null,
            why: 'verification: …',
          },
        ],
        error: null,
      },
      { trackingId: 'LPR-CCCC-DDDD', submittedAt: '2025-12-01T02:00:00.000Z', agencyId: null, currentPolicyVersion: 'retired', differences: [], error: 'no SLA policy version is in force at 2025-12-01T02:00:00.000Z' },
    ]);
    expect(csv.trim().split('\n')[2]).toBe("LPR-CCCC-DDDD,2025-12-01T02:00:00.000Z,,retired,'=draft,not_replayed,,,,,,,,,,,no SLA policy version is in force at 2025-12-01T02:00:00.000Z");
    expect(csv.trim().split('\n')[1]).toBe(
      "LPR-AAAA-BBBB,2026-01-19T02:00:00.000Z,kemendagri,2026.1,'=draft,verification,1,,2026-01-22T23:59:59.999+07:00,met,,2026-01-21T23:59:59.999+07:00,breached,1:1,,,verification: …",
    );
    expect(whatIfFilename(run, 'differences')).toBe('what-if-differences__draft_2026-01-01_2026-02-01.csv');
  });
});
