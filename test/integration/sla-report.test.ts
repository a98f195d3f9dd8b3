// GET /v1/reports/sla against the real stack. The facts are seeded as the projection writes them
// (complaint rows, complaint_events, escalations) inside a one-hour window far in the past that no
// other test touches, so every figure is exact.
import { JwtService } from '@nestjs/jwt';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { hashSecret } from '../../src/auth/passwords.js';
import type { ComplaintStatus, Role } from '../../src/generated/prisma/enums.js';
import { migrate } from '../../src/database/migrator.js';
import { createAgencies, createTestApp, type TestApp } from '../support/app.js';
import { dropSchema, testDatabaseUrl } from '../support/stack.js';

type EventSpec = [type: string, status: ComplaintStatus, at: Date, detail?: Record<string, unknown>];

interface ComplaintSpec {
  agencyId: string | null;
  /** The place's regency/city (its first two characters: the province); none by default. */
  areaCode?: string;
  status: ComplaintStatus;
  submittedAt: Date;
  rating?: number;
  firstResponseAt?: Date;
  resolvedAt?: Date;
  events: EventSpec[];
  escalations?: { stage: string; level: number; agencyId: string | null }[];
}

const HOUR = 3_600_000;
const later = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR);

describe('SLA report', () => {
  let t: TestApp;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;
  let A: string;
  let B: string;
  // A random hour between 2001 and 2020: the report period of every test below.
  const from = new Date(Date.UTC(2001, 0, 1) + Math.floor(Math.random() * 20 * 365 * 24) * HOUR);
  const to = later(from, 1);
  const period = { from: from.toISOString(), to: to.toISOString() };
  const tokens: Partial<Record<string, string>> = {};

  async function seed(c: ComplaintSpec): Promise<void> {
    const id = randomUUID();
    const trackingId = `LPR-${randomBytes(2).toString('hex').toUpperCase()}-${randomBytes(2).toString('hex').toUpperCase()}`;
    const last = c.events.at(-1)!;
    await t.prisma.complaint.create({
      data: {
        id,
        trackingId,
        workflowId: `complaint-${trackingId}`,
        title: 'Jalan rusak',
        chronology: 'Lubang besar di depan puskesmas sejak Januari.',
        occurredAt: later(c.submittedAt, -48),
        regency: 'Kota Makassar',
        areaCode: c.areaCode ?? null,
        classification: 'COMPLAINT',
        channel: 'WEB',
        anonymous: false,
        confidential: false,
        policyVersion: '2026.1',
        submittedAt: c.submittedAt,
        agencyId: c.agencyId,
        status: c.status,
        rating: c.rating ?? null,
        firstResponseAt: c.firstResponseAt ?? null,
        resolvedAt: c.resolvedAt ?? null,
        closedAt: c.status === 'CLOSED' || c.status === 'ARCHIVED' ? last[2] : null,
        lastEventSeq: c.events.length,
      },
    });
    await t.prisma.complaintEvent.createMany({
      data: c.events.map(([type, status, at, detail], i) => ({ complaintId: id, seq: i + 1, type, status, detail: (detail ?? {}) as object, occurredAt: at })),
    });
    await t.prisma.escalation.createMany({
      data: (c.escalations ?? []).map((e) => ({
        id: randomUUID(),
        key: `complaint-${trackingId}:${e.stage}-1:${e.level}`,
        complaintId: id,
        stage: e.stage,
        level: e.level,
        receiverRole: ['SUPERVISOR', 'COMPLAINT_MANAGER', 'OMBUDSMAN'][e.level - 1],
        agencyId: e.agencyId,
        dueAt: later(c.submittedAt, 24),
        firedAt: later(c.submittedAt, 24),
      })),
    });
  }

  async function officer(role: Role, agencyId: string | null): Promise<string> {
    const id = `sla-${role.toLowerCase()}-${randomBytes(4).toString('hex')}`;
    await t.prisma.user.create({
      data: { id, username: id, passwordHash: await hashSecret('pw'), displayName: `Test ${role}`, role, agencyId, unitId: null },
    });
    return t.app.get(JwtService).signAsync({ sub: id, role });
  }

  const report = (token: string | undefined, query: Record<string, string>) => {
    const req = request(t.http).get('/v1/reports/sla').query(query);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  // Its rows tell made-up histories without workflows: a schema of its own keeps them out of the shared one.
  const databaseUrl = testDatabaseUrl();

  beforeAll(async () => {
    await migrate(databaseUrl);
    t = await createTestApp({ DATABASE_URL: databaseUrl });
    agencies = await createAgencies(t.prisma);
    A = agencies.jakarta.id;
    B = agencies.makassar.id;
    const at = (minute: number) => new Date(from.getTime() + minute * 60_000);
    const verified = (when: Date, agencyId: string): EventSpec => ['VERIFIED', 'DISPOSED', when, { agencyId, classification: 'COMPLAINT', complexity: 'NORMAL' }];
    const breached = (stage: string, when: Date): EventSpec => ['DEADLINE_BREACHED', 'DISPOSED', when, { stage, dueAt: when.toISOString() }];
    const escalated = (stage: string, level: number, when: Date): EventSpec => ['ESCALATED', 'DISPOSED', when, { stage, level, key: `k-${stage}-${level}` }];

    // Agency A. 1: on time everywhere, first response 10 h after disposition, closed with rating 5.
    let s = at(1);
    let d = later(s, 24);
    await seed({
      areaCode: '73.71',
      agencyId: A, status: 'CLOSED', submittedAt: s, rating: 5, firstResponseAt: later(d, 10), resolvedAt: later(d, 30),
      events: [['SUBMITTED', 'SUBMITTED', s], verified(d, A), ['ASSIGNED', 'IN_PROGRESS', later(d, 1)], ['FOLLOWED_UP', 'IN_PROGRESS', later(d, 10)],
        ['RESOLVED', 'AWAITING_FEEDBACK', later(d, 30)], ['CLOSED', 'CLOSED', later(d, 40), { rating: 5 }]],
    });
    // 2: verification breached (level 1), answered directly 20 h after disposition, awaiting feedback.
    s = at(2);
    d = later(s, 80);
    await seed({
      areaCode: '73.71',
      agencyId: A, status: 'AWAITING_FEEDBACK', submittedAt: s, firstResponseAt: later(d, 20), resolvedAt: later(d, 20),
      events: [['SUBMITTED', 'SUBMITTED', s], breached('verification', later(s, 72)), escalated('verification', 1, later(s, 72)), verified(d, A),
        ['ASSIGNED', 'IN_PROGRESS', later(d, 1)], ['RESOLVED', 'AWAITING_FEEDBACK', later(d, 20)]],
      escalations: [{ stage: 'verification', level: 1, agencyId: null }],
    });
    // 3: first follow-up breached (levels 1 and 2), follow-up 40 h after disposition, still in progress.
    s = at(3);
    d = later(s, 2);
    await seed({
      areaCode: '73.71',
      agencyId: A, status: 'IN_PROGRESS', submittedAt: s, firstResponseAt: later(d, 40),
      events: [['SUBMITTED', 'SUBMITTED', s], verified(d, A), ['ASSIGNED', 'IN_PROGRESS', later(d, 1)], breached('firstFollowUp', later(d, 30)),
        escalated('firstFollowUp', 1, later(d, 30)), escalated('firstFollowUp', 2, later(d, 35)), ['FOLLOWED_UP', 'IN_PROGRESS', later(d, 40)]],
      escalations: [{ stage: 'firstFollowUp', level: 1, agencyId: A }, { stage: 'firstFollowUp', level: 2, agencyId: A }],
    });
    // 4: disposed to B, B followed up and breached resolution, then redirected to A: A has not answered yet.
    s = at(4);
    d = later(s, 3);
    await seed({
      areaCode: '91.03',
      agencyId: A, status: 'DISPOSED', submittedAt: s, firstResponseAt: later(d, 2),
      events: [['SUBMITTED', 'SUBMITTED', s], verified(d, B), ['ASSIGNED', 'IN_PROGRESS', later(d, 1)], ['FOLLOWED_UP', 'IN_PROGRESS', later(d, 2)],
        breached('resolution', later(d, 50)), escalated('resolution', 1, later(d, 50)),
        ['REDIRECTED', 'DISPOSED', later(d, 60), { fromAgencyId: B, toAgencyId: A, reason: 'bukan wewenang', redirects: 1 }]],
      escalations: [{ stage: 'resolution', level: 1, agencyId: B }],
    });
    // 5: resolution breached, then answered and closed with rating 3; first response 5 h after disposition.
    s = at(5);
    d = later(s, 4);
    await seed({
      areaCode: '91.03',
      agencyId: A, status: 'CLOSED', submittedAt: s, rating: 3, firstResponseAt: later(d, 5), resolvedAt: later(d, 100),
      events: [['SUBMITTED', 'SUBMITTED', s], verified(d, A), ['FOLLOWED_UP', 'IN_PROGRESS', later(d, 5)], breached('resolution', later(d, 90)),
        escalated('resolution', 1, later(d, 90)), ['RESOLVED', 'AWAITING_FEEDBACK', later(d, 100)], ['CLOSED', 'CLOSED', later(d, 110), { rating: 3 }]],
      escalations: [{ stage: 'resolution', level: 1, agencyId: A }],
    });
    // Agency B. 6: disposed, nothing since.
    s = at(6);
    await seed({
      areaCode: '91.03', agencyId: B, status: 'DISPOSED', submittedAt: s, events: [['SUBMITTED', 'SUBMITTED', s], verified(later(s, 1), B)] });
    // 7: answered 3 h after disposition, then disputed: the answer no longer stands.
    s = at(7);
    d = later(s, 1);
    await seed({
      areaCode: '91.03',
      agencyId: B, status: 'IN_PROGRESS', submittedAt: s, firstResponseAt: later(d, 3), resolvedAt: later(d, 3),
      events: [['SUBMITTED', 'SUBMITTED', s], verified(d, B), ['RESOLVED', 'AWAITING_FEEDBACK', later(d, 3)], ['DISPUTED', 'IN_PROGRESS', later(d, 5), { reason: 'belum', disputes: 1 }]],
    });
    // National verification. 8: the reporter named agency A, not verified yet.
    await seed({ agencyId: A, status: 'SUBMITTED', submittedAt: at(8), events: [['SUBMITTED', 'SUBMITTED', at(8)]] });
    // 9: verification breached, escalated to level 1.
    await seed({
      agencyId: null, status: 'SUBMITTED', submittedAt: at(9),
      events: [['SUBMITTED', 'SUBMITTED', at(9)], breached('verification', later(at(9), 72)), escalated('verification', 1, later(at(9), 72))],
      escalations: [{ stage: 'verification', level: 1, agencyId: null }],
    });
    // 10: archived as spam.
    await seed({ agencyId: null, status: 'ARCHIVED', submittedAt: at(10), events: [['SUBMITTED', 'SUBMITTED', at(10)], ['ARCHIVED', 'ARCHIVED', later(at(10), 2), { reason: 'SPAM' }]] });
    // Outside [from, to): just before and exactly at the end.
    for (const outside of [new Date(from.getTime() - 1), to]) {
      await seed({ agencyId: A, status: 'DISPOSED', submittedAt: outside, events: [['SUBMITTED', 'SUBMITTED', outside], verified(later(outside, 1), A)] });
    }

    tokens.auditor = await officer('AUDITOR', null);
    tokens.adminB = await officer('AGENCY_ADMIN', B);
    tokens.managerA = await officer('COMPLAINT_MANAGER', A);
    tokens.liaison = await officer('LIAISON', A);
  });
  afterAll(async () => {
    await t.close();
    await dropSchema(databaseUrl);
  });

  const rowA = () => ({
    agencyId: A,
    agencyName: agencies.jakarta.name,
    received: 5,
    verified: 5,
    verifiedOnTimePct: 80,
    firstResponses: 4,
    followUpCompletionPct: 80,
    followUpOnTimePct: 75,
    resolved: 3,
    resolvedOnTimePct: 66.7,
    medianFirstResponseHours: 15,
    meanSatisfaction: 4,
    ratings: 2,
    // Its own stages only (complaints 3 and 5): the national verification of 2 and B's resolution of 4 are not A's.
    escalations: { 1: 2, 2: 1, 3: 0 },
  });
  const rowB = () => ({
    agencyId: B,
    agencyName: agencies.makassar.name,
    received: 2,
    verified: 2,
    verifiedOnTimePct: 100,
    firstResponses: 1,
    followUpCompletionPct: 50,
    followUpOnTimePct: 100,
    resolved: 0,
    resolvedOnTimePct: null,
    medianFirstResponseHours: 3,
    meanSatisfaction: null,
    ratings: 0,
    // B's resolution stage of complaint 4, although that complaint is now A's.
    escalations: { 1: 1, 2: 0, 3: 0 },
  });
  const national = {
    agencyId: null,
    agencyName: null,
    received: 3,
    verified: 0,
    verifiedOnTimePct: null,
    firstResponses: 0,
    followUpCompletionPct: null,
    followUpOnTimePct: null,
    resolved: 0,
    resolvedOnTimePct: null,
    medianFirstResponseHours: null,
    meanSatisfaction: null,
    ratings: 0,
    // Verification belongs to the national level: complaints 2 and 9, whichever agency they went to.
    escalations: { 1: 2, 2: 0, 3: 0 },
  };
  const figures = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'agencyId' && k !== 'agencyName'));

  it('gives an auditor every agency, national verification first, with exact figures and totals; each escalation counts against the owner of its stage', async () => {
    const res = await report(tokens.auditor, period).expect(200);
    expect(res.body).toEqual({
      period: { from: expect.any(String), to: expect.any(String), timeZone: 'Asia/Jakarta' },
      agencyId: null,
      groupBy: 'agency',
      generatedAt: expect.any(String),
      rows: [national, rowA(), rowB()],
      totals: {
        received: 10,
        verified: 7,
        verifiedOnTimePct: 85.7,
        firstResponses: 5,
        followUpCompletionPct: 71.4,
        followUpOnTimePct: 80,
        resolved: 3,
        resolvedOnTimePct: 66.7,
        medianFirstResponseHours: 10,
        meanSatisfaction: 4,
        ratings: 2,
        escalations: { 1: 5, 2: 1, 3: 0 },
      },
    });
    expect(Date.parse(res.body.period.from)).toBe(from.getTime());
    expect(Date.parse(res.body.period.to)).toBe(to.getTime());
  });

  it("groups by the province of the complaints' place when asked: names from the reference data, no area code under 'unknown', same totals", async () => {
    const byAgency = await report(tokens.auditor, period).expect(200);
    const res = await report(tokens.auditor, { ...period, groupBy: 'province' }).expect(200);
    expect(res.body.groupBy).toBe('province');
    expect(res.body.rows.map((r: Record<string, unknown>) => [r.provinceCode, r.provinceName, r.agencyId, r.received, r.verified, r.meanSatisfaction, r.escalations])).toEqual([
      ['unknown', null, null, 3, 0, null, { 1: 1, 2: 0, 3: 0 }],
      ['73', 'Sulawesi Selatan', null, 3, 3, 5, { 1: 2, 2: 1, 3: 0 }],
      ['91', 'Papua', null, 4, 4, 3, { 1: 2, 2: 0, 3: 0 }],
    ]);
    expect(res.body.totals).toEqual(byAgency.body.totals);

    const onlyA = await report(tokens.auditor, { ...period, groupBy: 'province', agency: A }).expect(200);
    expect(onlyA.body.rows.map((r: { provinceCode: string; received: number }) => [r.provinceCode, r.received])).toEqual([['73', 3], ['91', 2]]);

    const csv = await report(tokens.auditor, { ...period, groupBy: 'province', format: 'csv' }).expect(200);
    expect(csv.headers['content-disposition']).toMatch(/filename="sla-report_all_by-province_/);
    const [header, ...lines] = csv.text.trim().split('\n');
    expect(header).toMatch(/^period_from,period_to,row_type,province_code,province_name,received_count,/);
    expect(lines.map((l) => l.split(',').slice(2, 6))).toEqual([
      ['unknown_province', 'unknown', '', '3'],
      ['province', '73', 'Sulawesi Selatan', '3'],
      ['province', '91', 'Papua', '4'],
      ['total', '', '', '10'],
    ]);
  });

  it('limits the report to one agency when asked', async () => {
    const res = await report(tokens.auditor, { ...period, agency: A }).expect(200);
    expect(res.body.agencyId).toBe(A);
    expect(res.body.rows).toEqual([rowA()]);
    expect(res.body.totals).toEqual(figures(rowA()));
  });

  it('answers CSV as a download: one line per agency plus totals, snake_case columns with units', async () => {
    const res = await report(tokens.auditor, { ...period, agency: A, format: 'csv' }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="sla-report_${A}_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const [header, agency, total, ...rest] = res.text.trim().split('\n');
    expect(rest).toEqual([]);
    expect(header).toBe(
      'period_from,period_to,row_type,agency_id,agency_name,received_count,verified_count,verified_on_time_pct,first_response_count,' +
        'follow_up_completion_pct,follow_up_on_time_pct,resolved_count,resolved_on_time_pct,median_first_response_hours,' +
        'mean_satisfaction_1_to_5,rating_count,escalations_level_1_count,escalations_level_2_count,escalations_level_3_count',
    );
    expect(agency.split(',').slice(2)).toEqual(['agency', A, agencies.jakarta.name, '5', '5', '80', '4', '80', '75', '3', '66.7', '15', '4', '2', '2', '1', '0']);
    expect(total.split(',').slice(2)).toEqual(['total', '', '', '5', '5', '80', '4', '80', '75', '3', '66.7', '15', '4', '2', '2', '1', '0']);
  });

  it("shows an agency admin their own agency by default and hides every other agency (404)", async () => {
    const own = await report(tokens.adminB, period).expect(200);
    expect(own.body.agencyId).toBe(B);
    expect(own.body.rows).toEqual([rowB()]);
    await report(tokens.adminB, { ...period, agency: B }).expect(200);
    const other = await report(tokens.adminB, { ...period, agency: A }).expect(404);
    const unknown = await report(tokens.adminB, { ...period, agency: 'no-such-agency' }).expect(404);
    expect(other.body.message).toBe(`agency ${A} not found`);
    expect(unknown.body.message).toBe('agency no-such-agency not found');
    await report(tokens.managerA, { ...period, agency: B }).expect(404);
    expect((await report(tokens.managerA, period).expect(200)).body.rows).toEqual([rowA()]);
  });

  it('defaults to the 30 days ending now and gives a requested agency a row even without complaints', async () => {
    const res = await report(tokens.auditor, { agency: agencies.jayapura.id }).expect(200);
    const days = (Date.parse(res.body.period.to) - Date.parse(res.body.period.from)) / (24 * HOUR);
    expect(days).toBe(30);
    expect(Math.abs(Date.parse(res.body.period.to) - Date.now())).toBeLessThan(60_000);
    expect(res.body.rows).toEqual([
      expect.objectContaining({ agencyId: agencies.jayapura.id, received: 0, verifiedOnTimePct: null, medianFirstResponseHours: null, escalations: { 1: 0, 2: 0, 3: 0 } }),
    ]);
  });

  it('refuses a liaison (403) and a caller without a token (401)', async () => {
    const liaison = await report(tokens.liaison, period).expect(403);
    expect(liaison.body.message).toMatch(/^role LIAISON may not do this/);
    const anonymous = await report(undefined, period).expect(401);
    expect(anonymous.body.message).toMatch(/^sign in/);
  });

  it.each([
    [{ from: 'last-week' }, /^from: must be an ISO-8601 date and time/],
    [{ from: '2026-11-10', to: '2026-11-10' }, /^from: must be before to/],
    [{ to: '2026-13-01' }, /^to: must be an ISO-8601 date and time/],
    [{ agency: 'no-such-agency' }, /^agency: unknown agency 'no-such-agency'/],
    [{ format: 'xml' }, /^format: must be one of json, csv/],
    [{ groupBy: 'regency' }, /^groupBy: must be one of agency, province/],
  ])('answers 400 naming the field for %j', async (query, message) => {
    const res = await report(tokens.auditor, query).expect(400);
    expect([res.body.message].flat().join(' ')).toMatch(message);
  });
});
