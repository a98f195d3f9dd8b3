import { InvalidFieldError } from '../../src/common/domain-errors.js';
import { buildSlaRows, NO_COUNTS, percent, reportScope, resolvePeriod, roundTo, toAgencyRow, toProvinceRow, type SlaCountsRow } from '../../src/reports/sla-figures.js';
import { slaReportCsv, slaReportFilename } from '../../src/reports/sla-report.csv.js';
import type { SlaReportView } from '../../src/reports/dto/sla-report.view.js';

describe(percent.name, () => {
  it.each([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [3, 3, 100],
    [0, 5, 0],
    [0, 0, null],
  ])('%i of %i is %p', (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });
});

describe(roundTo.name, () => {
  it('rounds to the given decimals and keeps null', () => {
    expect(roundTo(30.256, 2)).toBe(30.26);
    expect(roundTo(null, 2)).toBeNull();
  });
});

describe(resolvePeriod.name, () => {
  const now = new Date('2026-11-20T05:00:00Z');

  it('defaults to the 30 days ending now', () => {
    const p = resolvePeriod({}, now, 'Asia/Jakarta');
    expect(p.to.toJSDate()).toEqual(now);
    expect(p.from.toJSDate()).toEqual(new Date('2026-10-21T05:00:00Z'));
  });

  it('reads a date as midnight in the zone and an instant with its offset', () => {
    const p = resolvePeriod({ from: '2026-11-01', to: '2026-11-10T12:00:00Z' }, now, 'Asia/Jayapura');
    expect(p.from.toJSDate()).toEqual(new Date('2026-10-31T15:00:00Z'));
    expect(p.to.toJSDate()).toEqual(new Date('2026-11-10T12:00:00Z'));
  });

  it('takes 30 days before an explicit to when from is missing', () => {
    const p = resolvePeriod({ to: '2026-02-01' }, now, 'Asia/Jakarta');
    expect(p.from.toISODate()).toBe('2026-01-02');
  });

  it.each([
    [{ from: '2026-11-10', to: '2026-11-10' }, 'from'],
    [{ from: '2026-11-11', to: '2026-11-10' }, 'from'],
    [{ from: '2026-11-01', to: 'yesterday' }, 'to'],
  ])('refuses %j naming %s', (query, field) => {
    expect(() => resolvePeriod(query, now, 'Asia/Jakarta')).toThrow(InvalidFieldError);
    expect(() => resolvePeriod(query, now, 'Asia/Jakarta')).toThrow(new RegExp(`^${field}: `));
  });
});

describe(reportScope.name, () => {
  it.each([
    [{ role: 'AUDITOR', agencyId: null }, undefined, { kind: 'all' }],
    [{ role: 'OMBUDSMAN', agencyId: null }, 'a', { kind: 'agency', agencyId: 'a' }],
    [{ role: 'AGENCY_ADMIN', agencyId: 'a' }, undefined, { kind: 'agency', agencyId: 'a' }],
    [{ role: 'AGENCY_ADMIN', agencyId: 'a' }, 'a', { kind: 'agency', agencyId: 'a' }],
    [{ role: 'COMPLAINT_MANAGER', agencyId: 'a' }, 'b', null],
    [{ role: 'COMPLAINT_MANAGER', agencyId: null }, undefined, { kind: 'national' }],
    [{ role: 'COMPLAINT_MANAGER', agencyId: null }, 'b', null],
    [{ role: 'AGENCY_ADMIN', agencyId: null }, undefined, null],
  ] as const)('%j asking for %p sees %j', (officer, requested, expected) => {
    expect(reportScope(officer, requested)).toEqual(expected);
  });
});

describe(buildSlaRows.name, () => {
  const row = (key: string | null, over: Partial<SlaCountsRow> = {}): SlaCountsRow => ({
    ...NO_COUNTS,
    key,
    name: key ? `Agency ${key}` : null,
    isTotal: false,
    ...over,
  });

  it('turns counts into percentages, fills escalation levels and keeps the totals apart', () => {
    const { rows, totals } = buildSlaRows(
      [
        row('b', { received: 4, verified: 4, verifiedOnTime: 3, responded: 2, respondedOnTime: 1, resolved: 1, resolvedOnTime: 1, medianFirstResponseHours: 12.3456, meanRating: 4.333333, rated: 3 }),
        row(null, { received: 2 }),
        row(null, { received: 6, verified: 4, isTotal: true }),
      ],
      [
        { key: 'b', name: 'Agency b', isTotal: false, level: 1, count: 2 },
        { key: null, name: null, isTotal: false, level: 4, count: 1 },
        { key: null, name: null, isTotal: true, level: 1, count: 2 },
        { key: null, name: null, isTotal: true, level: 4, count: 1 },
      ],
    );
    expect(rows.map((r) => r.key)).toEqual([null, 'b']);
    expect(rows[1]).toEqual({
      key: 'b',
      name: 'Agency b',
      received: 4,
      verified: 4,
      verifiedOnTimePct: 75,
      firstResponses: 2,
      followUpCompletionPct: 50,
      followUpOnTimePct: 50,
      resolved: 1,
      resolvedOnTimePct: 100,
      medianFirstResponseHours: 12.35,
      meanSatisfaction: 4.33,
      ratings: 3,
      escalations: { 1: 2, 2: 0, 3: 0, 4: 0 },
    });
    expect(rows[0]).toMatchObject({ verifiedOnTimePct: null, followUpCompletionPct: null, meanSatisfaction: null, escalations: { 1: 0, 2: 0, 3: 0, 4: 1 } });
    expect(totals).toMatchObject({ received: 6, verified: 4, escalations: { 1: 2, 2: 0, 3: 0, 4: 1 } });
  });

  it('gives an agency charged with escalations a row even when its complaints moved on to another agency', () => {
    const { rows } = buildSlaRows(
      [row('a', { received: 1, verified: 1 })],
      [{ key: 'b', name: 'Agency b', isTotal: false, level: 1, count: 1 }],
    );
    expect(rows.map((r) => [r.key, r.received, r.escalations[1]])).toEqual([
      ['a', 1, 0],
      ['b', 0, 1],
    ]);
  });

  it('gives the requested agency a row of zeros when it received nothing', () => {
    const { rows, totals } = buildSlaRows([], [], { key: 'x', name: 'X' });
    expect(rows).toEqual([expect.objectContaining({ key: 'x', name: 'X', received: 0, verifiedOnTimePct: null, escalations: { 1: 0, 2: 0, 3: 0 } })]);
    expect(totals.received).toBe(0);
  });
});

describe(slaReportCsv.name, () => {
  const { rows, totals } = buildSlaRows([], [], { key: 'kemendagri', name: '=HYPERLINK("x")' });
  const report: SlaReportView = {
    period: { from: '2026-10-01T00:00:00.000+07:00', to: '2026-11-01T00:00:00.000+07:00', timeZone: 'Asia/Jakarta' },
    agencyId: 'kemendagri',
    groupBy: 'agency',
    generatedAt: '2026-11-02T00:00:00.000Z',
    rows: rows.map(toAgencyRow),
    totals,
  };

  it('writes one line per row plus totals, snake_case columns with units, nulls as empty cells', () => {
    const lines = slaReportCsv(report).trim().split('\n');
    expect(lines[0]).toBe(
      'period_from,period_to,row_type,agency_id,agency_name,received_count,verified_count,verified_on_time_pct,first_response_count,' +
        'follow_up_completion_pct,follow_up_on_time_pct,resolved_count,resolved_on_time_pct,median_first_response_hours,' +
        'mean_satisfaction_1_to_5,rating_count,escalations_level_1_count,escalations_level_2_count,escalations_level_3_count',
    );
    expect(lines[1]).toBe(
      `2026-10-01T00:00:00.000+07:00,2026-11-01T00:00:00.000+07:00,agency,kemendagri,"'=HYPERLINK(""x"")",0,0,,0,,,0,,,,0,0,0,0`,
    );
    expect(lines[2]).toBe('2026-10-01T00:00:00.000+07:00,2026-11-01T00:00:00.000+07:00,total,,,0,0,,0,,,0,,,,0,0,0,0');
    expect(lines).toHaveLength(3);
  });

  it('names the file by agency and dates', () => {
    expect(slaReportFilename(report)).toBe('sla-report_kemendagri_2026-10-01_2026-11-01.csv');
  });
});

describe('grouped by province', () => {
  const count = (key: string | null, received: number, isTotal = false): SlaCountsRow => ({ ...NO_COUNTS, key, name: null, isTotal, received });
  const { rows, totals } = buildSlaRows([count('91', 2), count(null, 1), count('73', 3), count(null, 6, true)], [{ key: '91', name: null, isTotal: false, level: 1, count: 1 }]);
  const names: Record<string, string> = { '91': 'Papua', '73': 'Sulawesi Selatan' };
  const report: SlaReportView = {
    period: { from: '2026-10-01T00:00:00.000+07:00', to: '2026-11-01T00:00:00.000+07:00', timeZone: 'Asia/Jakarta' },
    agencyId: null,
    groupBy: 'province',
    generatedAt: '2026-11-02T00:00:00.000Z',
    rows: rows.map((r) => toProvinceRow(r, (code) => names[code] ?? null)),
    totals,
  };

  it("names each province, puts complaints without an area code under 'unknown' and leaves the agency empty", () => {
    expect(report.rows.map((r) => [r.provinceCode, r.provinceName, r.agencyId, r.received, r.escalations[1]])).toEqual([
      ['unknown', null, null, 1, 0],
      ['73', 'Sulawesi Selatan', null, 3, 0],
      ['91', 'Papua', null, 2, 1],
    ]);
  });

  it('writes province columns and row types in CSV, and says so in the file name', () => {
    const lines = slaReportCsv(report).trim().split('\n');
    expect(lines[0]).toMatch(/^period_from,period_to,row_type,province_code,province_name,received_count,/);
    expect(lines.slice(1).map((l) => l.split(',').slice(2, 6))).toEqual([
      ['unknown_province', 'unknown', '', '1'],
      ['province', '73', 'Sulawesi Selatan', '3'],
      ['province', '91', 'Papua', '2'],
      ['total', '', '', '6'],
    ]);
    expect(slaReportFilename(report)).toBe('sla-report_all_by-province_2026-10-01_2026-11-01.csv');
  });
});
