// What-if replay through the API with the real worker process: a schema and task queue of its own, a
// history seeded as the projection writes it (complaint rows and complaint_events) in January 2026, whose
// differences under "verification within 2 working days instead of 3" are known in advance — every
// figure of the report is compared. Calendar: no holiday from 19 to 30 January 2026.
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { migrate } from '../../src/database/migrator.js';
import type { ComplaintStatus } from '../../src/generated/prisma/enums.js';
import { policyReplayProgressQuery, policyReplayWorkflowId, type SlaPolicyVersion } from '../../workflows/messages.js';
import { policyReplayWorkflow } from '../../workflows/policy-replay.workflow.js';
import { createAgencies, createTestApp, eventually, insertComplaintRow, type TestApp } from '../support/app.js';
import { policyFrom } from '../support/case-harness.js';
import { createOfficers, type Officers } from '../support/officers.js';
import { dropSchema, startWorkerProcess, testDatabaseUrl, type NodeProcess } from '../support/stack.js';

type EventSpec = [type: string, status: ComplaintStatus, at: string, actor: [string, string] | null, detail?: Record<string, unknown>];

const CURRENT = policyFrom('config/sla-policy.json', '2026.1');
const TWO_DAYS: SlaPolicyVersion = { ...CURRENT, version: 'draft-2wd', deadlines: { ...CURRENT.deadlines, verification: { workingDays: 2, source: 'what-if: 2 working days' } } };
const VERIFIER: [string, string] = ['usr-verifikator', 'VERIFIER'];
const ADMIN: [string, string] = ['usr-admin', 'AGENCY_ADMIN'];
const LIAISON: [string, string] = ['usr-liaison', 'LIAISON'];
const REPORTER: [string, string] = ['reporter', 'REPORTER'];
const ALL_LEVELS = { 1: 1, 2: 1, 3: 1 };
const side = (met: number, breached: number, escalations: Record<number, number> = {}) => ({
  met,
  breached,
  running: 0,
  onTimePct: met + breached === 0 ? null : Math.round((met * 1000) / (met + breached)) / 10,
  escalations: { 1: 0, 2: 0, 3: 0, ...escalations },
});

describe('what-if replay of a policy over past complaints', () => {
  const databaseUrl = testDatabaseUrl();
  const taskQueue = `what-if-${randomUUID()}`;
  let worker: NodeProcess;
  let t: TestApp;
  let officers: Officers;
  let A: string;
  let B: string;
  const tracking: Record<string, string> = {};

  async function seed(name: string, c: { submittedAt: string; agencyId: string | null; status: ComplaintStatus; events: EventSpec[] }): Promise<void> {
    const trackingId = `LPR-${randomBytes(2).toString('hex').toUpperCase()}-${name}`;
    tracking[name] = trackingId;
    const { id } = await insertComplaintRow(t.prisma, {
      trackingId,
      workflowId: `complaint-${trackingId}`,
      title: 'Jalan rusak',
      chronology: 'Lubang besar di depan puskesmas.',
      occurredAt: new Date('2026-01-10T09:00:00+07:00'),
      submittedAt: new Date(c.submittedAt),
      // Its workflow ran long ago: the worker's reconciler must not start one now.
      workflowStartedAt: new Date(c.submittedAt),
      agencyId: c.agencyId,
      status: c.status,
      lastEventSeq: c.events.length + 1,
    });
    const events: EventSpec[] = [['SUBMITTED', 'SUBMITTED', c.submittedAt, null, { channel: 'WEB', classification: 'COMPLAINT' }], ...c.events];
    await t.prisma.complaintEvent.createMany({
      data: events.map(([type, status, at, actor, detail], i) => ({
        complaintId: id,
        seq: i + 1,
        type,
        status,
        actorId: actor?.[0] ?? null,
        actorRole: actor?.[1] ?? null,
        detail: (detail ?? {}) as object,
        occurredAt: new Date(at),
      })),
    });
  }

  const verified = (at: string, agencyId: string, complexity = 'SIMPLE'): EventSpec => ['VERIFIED', 'DISPOSED', at, VERIFIER, { agencyId, classification: 'COMPLAINT', complexity }];
  const breached = (stage: string, at: string): EventSpec => ['DEADLINE_BREACHED', 'SUBMITTED', at, null, { stage, dueAt: at }];
  const escalated = (stage: string, level: number, at: string): EventSpec => ['ESCALATED', 'SUBMITTED', at, null, { stage, level, key: `k-${stage}-${level}` }];

  const as = (officer: { auth: { Authorization: string } }) => ({
    get: (path: string) => request(t.http).get(path).set(officer.auth),
    post: (path: string, body: object = {}) => request(t.http).post(path).set(officer.auth).send(body),
  });
  const auditor = () => as(officers.national.AUDITOR);
  const replayCount = () => t.prisma.policyReplay.count();

  /** Starts a replay and waits until it ended. */
  async function replayed(body: object): Promise<{ id: string; report: Record<string, unknown> }> {
    const started = await auditor().post('/v1/reports/what-if', body).expect(202);
    const id = started.body.id as string;
    const report = await eventually(async () => {
      const res = await auditor().get(`/v1/reports/what-if/${id}`).expect(200);
      return res.body.run.status === 'RUNNING' ? undefined : (res.body as Record<string, unknown>);
    }, 60_000);
    return { id, report };
  }

  beforeAll(async () => {
    await migrate(databaseUrl);
    worker = await startWorkerProcess({ ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_TASK_QUEUE: taskQueue });
    // Two complaints a batch: the report adds several batches' counts.
    t = await createTestApp({ DATABASE_URL: databaseUrl, TEMPORAL_TASK_QUEUE: taskQueue, WHAT_IF_BATCH_SIZE: '2' });
    const agencies = await createAgencies(t.prisma);
    A = agencies.jakarta.id;
    B = agencies.makassar.id;
    officers = await createOfficers(t, [A, B]);

    // All submitted Monday 19 January 2026 from 09:00 WIB: verification due Thursday the 22nd (3 days) or Wednesday the 21st (2 days).
    // on-time: verified on day 2 to A, assigned, followed up, answered, accepted. The same under both.
    await seed('ONTIME', {
      submittedAt: '2026-01-19T09:00:00+07:00',
      agencyId: A,
      status: 'CLOSED',
      events: [
        verified('2026-01-20T10:00:00+07:00', A),
        ['ASSIGNED', 'IN_PROGRESS', '2026-01-20T11:00:00+07:00', ADMIN, { liaisonId: 'usr-liaison' }],
        ['FOLLOWED_UP', 'IN_PROGRESS', '2026-01-21T10:00:00+07:00', LIAISON, { text: 'Ditinjau.' }],
        ['RESOLVED', 'AWAITING_FEEDBACK', '2026-01-23T10:00:00+07:00', LIAISON, { answer: 'Selesai.' }],
        ['CLOSED', 'CLOSED', '2026-01-24T10:00:00+07:00', REPORTER, { rating: 5, comment: null }],
      ],
    });
    // day3: verified Thursday to A — met under 3 days; breached (level 1) under 2.
    await seed('DAY3', {
      submittedAt: '2026-01-19T09:05:00+07:00',
      agencyId: A,
      status: 'CLOSED',
      events: [
        verified('2026-01-22T10:00:00+07:00', A),
        ['ASSIGNED', 'IN_PROGRESS', '2026-01-22T11:00:00+07:00', ADMIN, { liaisonId: 'usr-liaison' }],
        ['RESOLVED', 'AWAITING_FEEDBACK', '2026-01-23T10:00:00+07:00', LIAISON, { answer: 'Selesai.' }],
        ['CLOSED', 'CLOSED', '2026-01-24T10:00:00+07:00', REPORTER, { rating: 4, comment: null }],
      ],
    });
    // late: verified Monday the 26th to B (WITA), nothing since — breached under both; level 2 (due end of Friday the 23rd) only under 2 days.
    // B's clocks start Monday the 26th under both and climb every rung by now.
    await seed('LATE', {
      submittedAt: '2026-01-19T09:10:00+07:00',
      agencyId: B,
      status: 'DISPOSED',
      events: [breached('verification', '2026-01-22T23:59:59.999+07:00'), escalated('verification', 1, '2026-01-22T23:59:59.999+07:00'), verified('2026-01-26T10:00:00+07:00', B, 'NORMAL')],
    });
    // never: not verified yet — every rung under both.
    await seed('NEVER', { submittedAt: '2026-01-19T09:15:00+07:00', agencyId: null, status: 'SUBMITTED', events: [breached('verification', '2026-01-22T23:59:59.999+07:00')] });
    // spam: archived by the verifier Thursday — met under 3 days, breached (level 1) under 2.
    await seed('SPAM', { submittedAt: '2026-01-19T09:20:00+07:00', agencyId: null, status: 'ARCHIVED', events: [['ARCHIVED', 'ARCHIVED', '2026-01-22T10:00:00+07:00', VERIFIER, { reason: 'SPAM', note: null }]] });
    // redirected: to A on day 2, redirected to B the same day, which answers in time. The same under both.
    await seed('REDIRECT', {
      submittedAt: '2026-01-19T09:25:00+07:00',
      agencyId: B,
      status: 'CLOSED',
      events: [
        verified('2026-01-20T10:00:00+07:00', A),
        ['REDIRECTED', 'DISPOSED', '2026-01-20T15:00:00+07:00', ADMIN, { fromAgencyId: A, toAgencyId: B, reason: 'bukan wewenang', redirects: 1 }],
        ['ASSIGNED', 'IN_PROGRESS', '2026-01-21T10:00:00+07:00', ADMIN, { liaisonId: 'usr-liaison-b' }],
        ['FOLLOWED_UP', 'IN_PROGRESS', '2026-01-21T12:00:00+07:00', LIAISON, { text: 'Ditinjau.' }],
        ['RESOLVED', 'AWAITING_FEEDBACK', '2026-01-22T12:00:00+07:00', LIAISON, { answer: 'Selesai.' }],
        ['CLOSED', 'CLOSED', '2026-01-23T12:00:00+07:00', REPORTER, { rating: 5, comment: null }],
      ],
    });
    // Outside [from, to): submitted at the period's end, it would differ.
    await seed('OUTSIDE', { submittedAt: '2026-01-20T00:00:00+07:00', agencyId: A, status: 'DISPOSED', events: [verified('2026-01-22T10:00:00+07:00', A)] });
  }, 180_000);
  afterAll(async () => {
    await t.close();
    await worker.stop();
    await dropSchema(databaseUrl);
  });

  const PERIOD = { from: '2026-01-19', to: '2026-01-20' };

  it('answers the side-by-side report, the differing complaints and their CSV, every figure as seeded', async () => {
    const { id, report } = await replayed({ draftPolicy: { versions: [TWO_DAYS] }, ...PERIOD });
    expect(report.run).toMatchObject({
      status: 'COMPLETED',
      policySource: 'DRAFT',
      policyVersion: 'draft-2wd',
      period: { from: '2026-01-19T00:00:00.000+07:00', to: '2026-01-20T00:00:00.000+07:00', timeZone: 'Asia/Jakarta' },
      total: 6,
      processed: 6,
      differing: 3,
      unreplayable: 0,
      // LATE's history was written by hand up to its disposal: B's deadlines passed since, unrecorded.
      unlikeRecord: 1,
      requestedBy: officers.national.AUDITOR.id,
      error: null,
    });
    expect(report.complete).toBe(true);
    const row = (rowType: string, agencyId: string | null, stage: string, current: object, whatIf: object, breachesChange: number, onTimePctChange: number | null) => ({
      rowType,
      agencyId,
      agencyName: agencyId === A ? 'Kementerian Dalam Negeri' : agencyId === B ? 'Pemerintah Provinsi Sulawesi Selatan' : null,
      stage,
      current,
      whatIf,
      breachesChange,
      onTimePctChange,
    });
    expect(report.rows).toEqual([
      // Met: ONTIME, DAY3, SPAM, REDIRECT under 3 days; ONTIME, REDIRECT under 2. LATE: 1 → 1, 2; NEVER: 1, 2, 3 under both; DAY3 and SPAM: level 1 under 2 days.
      row('national', null, 'verification', side(4, 2, { 1: 2, 2: 1, 3: 1 }), side(2, 4, { 1: 4, 2: 2, 3: 1 }), 2, -33.4),
      // A (kemendagri-…) before B (pemprov-sulsel-…). A: ONTIME, DAY3 and REDIRECT's first round (stopped by the redirect) met every stage.
      row('agency', A, 'assignment', side(3, 0), side(3, 0), 0, 0),
      row('agency', A, 'firstFollowUp', side(3, 0), side(3, 0), 0, 0),
      row('agency', A, 'resolution', side(3, 0), side(3, 0), 0, 0),
      // B: REDIRECT's second round met; LATE's deadlines all passed and climbed every rung.
      row('agency', B, 'assignment', side(1, 1, ALL_LEVELS), side(1, 1, ALL_LEVELS), 0, 0),
      row('agency', B, 'firstFollowUp', side(1, 1, ALL_LEVELS), side(1, 1, ALL_LEVELS), 0, 0),
      row('agency', B, 'resolution', side(1, 1, ALL_LEVELS), side(1, 1, ALL_LEVELS), 0, 0),
      row('total', null, 'verification', side(4, 2, { 1: 2, 2: 1, 3: 1 }), side(2, 4, { 1: 4, 2: 2, 3: 1 }), 2, -33.4),
      row('total', null, 'assignment', side(4, 1, ALL_LEVELS), side(4, 1, ALL_LEVELS), 0, 0),
      row('total', null, 'firstFollowUp', side(4, 1, ALL_LEVELS), side(4, 1, ALL_LEVELS), 0, 0),
      row('total', null, 'resolution', side(4, 1, ALL_LEVELS), side(4, 1, ALL_LEVELS), 0, 0),
    ]);

    const page = await auditor().get(`/v1/reports/what-if/${id}/differences`).expect(200);
    expect(page.body).toMatchObject({ total: 3, limit: 100, offset: 0 });
    const byTracking = Object.fromEntries((page.body.items as { trackingId: string; differences: { why: string }[] }[]).map((item) => [item.trackingId, item]));
    expect(Object.keys(byTracking).sort()).toEqual([tracking.DAY3, tracking.LATE, tracking.SPAM].sort());
    const verification = (current: object, whatIf: object) => ({ stage: 'verification', round: 1, agencyId: null, ending: null, current, whatIf, why: expect.stringContaining('verification: under 2026.1 due') });
    const due3 = { dueAt: '2026-01-22T23:59:59.999+07:00', rule: '3 working days' };
    const due2 = { dueAt: '2026-01-21T23:59:59.999+07:00', rule: '2 working days' };
    expect(byTracking[tracking.DAY3]).toEqual({
      trackingId: tracking.DAY3,
      submittedAt: '2026-01-19T02:05:00.000Z',
      agencyId: A,
      currentPolicyVersion: '2026.1',
      differences: [
        verification(
          { ...due3, outcome: 'met', breachedAt: null, endedAt: '2026-01-22T03:00:00.000Z', escalations: {} },
          { ...due2, outcome: 'breached', breachedAt: '2026-01-21T23:59:59.999+07:00', endedAt: '2026-01-22T03:00:00.000Z', escalations: { 1: 1 } },
        ),
      ],
      error: null,
    });
    expect(byTracking[tracking.LATE].differences).toEqual([
      verification(
        { ...due3, outcome: 'breached', breachedAt: '2026-01-22T23:59:59.999+07:00', endedAt: '2026-01-26T03:00:00.000Z', escalations: { 1: 1 } },
        { ...due2, outcome: 'breached', breachedAt: '2026-01-21T23:59:59.999+07:00', endedAt: '2026-01-26T03:00:00.000Z', escalations: { 1: 1, 2: 1 } },
      ),
    ]);
    expect(byTracking[tracking.SPAM].differences).toEqual([
      verification(
        { ...due3, outcome: 'met', breachedAt: null, endedAt: '2026-01-22T03:00:00.000Z', escalations: {} },
        { ...due2, outcome: 'breached', breachedAt: '2026-01-21T23:59:59.999+07:00', endedAt: '2026-01-22T03:00:00.000Z', escalations: { 1: 1 } },
      ),
    ]);
    expect(byTracking[tracking.DAY3].differences[0].why).toBe(
      'verification: under 2026.1 due 2026-01-22T23:59:59.999+07:00 (3 working days): met (stopped 2026-01-22T03:00:00.000Z), no escalation; ' +
        'under draft-2wd due 2026-01-21T23:59:59.999+07:00 (2 working days): breached at 2026-01-21T23:59:59.999+07:00, level 1',
    );

    const csv = await auditor().get(`/v1/reports/what-if/${id}?format=csv`).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="what-if_draft-2wd_2026-01-19_2026-01-20.csv"');
    const lines = csv.text.trim().split('\n');
    expect(lines).toHaveLength(1 + 1 + 6 + 4);
    expect(lines[1]).toBe(`${id},draft-2wd,2026-01-19T00:00:00.000+07:00,2026-01-20T00:00:00.000+07:00,1,national,,,verification,4,2,0,66.7,2,1,1,2,4,0,33.3,4,2,1,2,-33.4`);
    const differencesCsv = await auditor().get(`/v1/reports/what-if/${id}/differences?format=csv`).expect(200);
    const diffLines = differencesCsv.text.trim().split('\n');
    expect(diffLines).toHaveLength(1 + 3);
    expect(diffLines.find((l) => l.startsWith(tracking.DAY3))).toBe(
      `${tracking.DAY3},2026-01-19T02:05:00.000Z,${A},2026.1,draft-2wd,verification,1,,2026-01-22T23:59:59.999+07:00,met,,2026-01-21T23:59:59.999+07:00,breached,1:1,,,` +
        `"verification: under 2026.1 due 2026-01-22T23:59:59.999+07:00 (3 working days): met (stopped 2026-01-22T03:00:00.000Z), no escalation; under draft-2wd due 2026-01-21T23:59:59.999+07:00 (2 working days): breached at 2026-01-21T23:59:59.999+07:00, level 1"`,
    );

    // Progress as the workflow's query tells it, and the list of replays.
    const progress = await t.temporal.workflow.getHandle(policyReplayWorkflowId(id)).query(policyReplayProgressQuery);
    expect(progress).toEqual({ replayId: id, status: 'COMPLETED', total: 6, processed: 6, differing: 3, unreplayable: 0, unlikeRecord: 1, batches: 4 });
    const list = await auditor().get('/v1/reports/what-if').expect(200);
    expect((list.body as { id: string }[]).map((r) => r.id)).toContain(id);
    // The complaints themselves were only read.
    expect(await t.prisma.complaintEvent.count({ where: { complaint: { trackingId: tracking.DAY3 } } })).toBe(5);
  });

  it('continues as new between batches and ends with the same report', async () => {
    const { id: first, report: whole } = await replayed({ draftPolicy: { versions: [TWO_DAYS] }, ...PERIOD });
    // The same replay again, its workflow started directly with one batch per run: four runs, one history each.
    const id = randomUUID();
    const source = await t.prisma.policyReplay.findUniqueOrThrow({ where: { id: first } });
    await t.prisma.policyReplay.create({
      data: { ...source, id, workflowId: policyReplayWorkflowId(id), status: 'RUNNING', processed: 0, differing: 0, unreplayable: 0, unlikeRecord: 0, finishedAt: null, policy: source.policy as object, createdAt: new Date() },
    });
    const handle = await t.temporal.workflow.start(policyReplayWorkflow, {
      workflowId: policyReplayWorkflowId(id),
      taskQueue,
      args: [{ replayId: id, total: 6, batchSize: 2, batchesPerRun: 1, after: null, processed: 0, differing: 0, unreplayable: 0, unlikeRecord: 0 }],
    });
    expect(await handle.result()).toMatchObject({ status: 'COMPLETED', processed: 6, differing: 3, unlikeRecord: 1, batches: 1 });
    // Visibility catches up with the runs shortly after they close.
    const runs = await eventually(async () => {
      const seen: string[] = [];
      for await (const execution of t.temporal.workflow.list({ query: `WorkflowId = '${policyReplayWorkflowId(id)}'` })) seen.push(execution.status.name);
      return seen.length === 4 ? seen.sort() : undefined;
    }, 60_000);
    expect(runs).toEqual(['COMPLETED', 'CONTINUED_AS_NEW', 'CONTINUED_AS_NEW', 'CONTINUED_AS_NEW']);
    const again = (await auditor().get(`/v1/reports/what-if/${id}`).expect(200)).body;
    expect(again.run).toMatchObject({ status: 'COMPLETED', processed: 6, differing: 3 });
    expect(again.rows).toEqual(whole.rows);
  }, 180_000);

  it('finds no difference replaying the version the complaints ran under, and lets SYSADMIN ask too', async () => {
    const started = await as(officers.national.SYSADMIN).post('/v1/reports/what-if', { policyVersion: '2026.1', ...PERIOD }).expect(202);
    const report = await eventually(async () => {
      const res = await auditor().get(`/v1/reports/what-if/${started.body.id}`).expect(200);
      return res.body.run.status === 'RUNNING' ? undefined : res.body;
    }, 60_000);
    expect(report.run).toMatchObject({ status: 'COMPLETED', policySource: 'VERSION', policyVersion: '2026.1', processed: 6, differing: 0, unlikeRecord: 1 });
    for (const r of report.rows) {
      expect(r.whatIf).toEqual(r.current);
      expect(r.breachesChange).toBe(0);
    }
  });

  it('starts one replay for a request repeated with its Idempotency-Key', async () => {
    const key = randomUUID();
    const body = { policyVersion: '2026.1', from: '2026-01-19', to: '2026-01-20' };
    const first = await auditor().post('/v1/reports/what-if', body).set('Idempotency-Key', key).expect(202);
    const again = await auditor().post('/v1/reports/what-if', body).set('Idempotency-Key', key).expect(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    await auditor().post('/v1/reports/what-if', { ...body, to: '2026-01-21' }).set('Idempotency-Key', key).expect(422);
  });

  it('lists a complaint it cannot replay, with why, and goes on', async () => {
    // Its policy version is no longer in the file, and none was in force when it was submitted.
    await seed('RETIRED', { submittedAt: '2025-12-01T09:00:00+07:00', agencyId: null, status: 'SUBMITTED', events: [] });
    await t.prisma.complaint.update({ where: { trackingId: tracking.RETIRED }, data: { policyVersion: 'retired-2025' } });
    await seed('DECEMBER', { submittedAt: '2025-12-01T09:05:00+07:00', agencyId: null, status: 'SUBMITTED', events: [] });
    const { id, report } = await replayed({ policyVersion: '2026.1', from: '2025-12-01', to: '2025-12-02' });
    expect(report.run).toMatchObject({ status: 'COMPLETED', total: 2, processed: 2, differing: 0, unreplayable: 1, unlikeRecord: 1 });
    const page = await auditor().get(`/v1/reports/what-if/${id}/differences`).expect(200);
    expect(page.body.items).toEqual([
      {
        trackingId: tracking.RETIRED,
        submittedAt: '2025-12-01T02:00:00.000Z',
        agencyId: null,
        currentPolicyVersion: 'retired-2025',
        differences: [],
        error: 'no SLA policy version is in force at 2025-12-01T02:00:00.000Z',
      },
    ]);
    // The other one counts: never verified, its deadline passed (the period's calendar year 2025 is loaded).
    expect((report.rows as { rowType: string; current: { breached: number } }[]).find((r) => r.rowType === 'total')?.current.breached).toBe(1);
  });

  /** `count` complaints of a day of their own, each only submitted (no event: the replay needs none to start one). */
  const seedSubmitted = (day: string, count: number) => {
    const submittedAt = new Date(`${day}T09:00:00+07:00`);
    return t.prisma.complaint.createMany({
      data: Array.from({ length: count }, (_, i) => {
        const trackingId = `LPR-C${randomBytes(3).toString('hex').toUpperCase()}-${i}`;
        return {
          id: randomUUID(), trackingId, workflowId: `complaint-${trackingId}`, title: 'x', chronology: 'x', occurredAt: submittedAt, regency: 'Kota Bandung',
          classification: 'COMPLAINT' as const, channel: 'WEB' as const, anonymous: false, confidential: false, policyVersion: '2026.1', submittedAt: new Date(submittedAt.getTime() + i * 1000), workflowStartedAt: submittedAt,
        };
      }),
    });
  };

  it('goes on where it stopped when its worker is killed mid-replay, counting each complaint once', async () => {
    await seedSubmitted('2026-02-10', 200);
    const started = await auditor().post('/v1/reports/what-if', { draftPolicy: { versions: [TWO_DAYS] }, from: '2026-02-10', to: '2026-02-11' }).expect(202);
    const id = started.body.id as string;
    await eventually(async () => ((await auditor().get(`/v1/reports/what-if/${id}`)).body.run.processed > 0 ? true : undefined), 60_000);
    // Killed, not drained: a batch in flight may have stored its rows without its completion reaching Temporal.
    await worker.stop('SIGKILL');
    const stoppedAt = (await auditor().get(`/v1/reports/what-if/${id}`).expect(200)).body.run;
    expect(stoppedAt.status).toBe('RUNNING');
    expect(stoppedAt.processed).toBeLessThan(200);
    worker = await startWorkerProcess({ ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_TASK_QUEUE: taskQueue });
    const ended = await eventually(async () => {
      const res = await auditor().get(`/v1/reports/what-if/${id}`).expect(200);
      return res.body.run.status === 'RUNNING' ? undefined : res.body;
      // The lost batch waits out its heartbeat timeout (15 s), the new worker starts, the rest follows: on a busy machine, a while.
    }, 180_000);
    expect(ended.run).toMatchObject({ status: 'COMPLETED', total: 200, processed: 200 });
    // Never verified, each verification deadline passed under both: 200 on each side, not one counted twice.
    const verification = ended.rows.find((r: { rowType: string; stage: string }) => r.rowType === 'total' && r.stage === 'verification');
    expect(verification.current).toMatchObject({ met: 0, breached: 200, running: 0, escalations: { 1: 200, 2: 200, 3: 200 } });
    expect(verification.whatIf).toMatchObject({ met: 0, breached: 200, running: 0, escalations: { 1: 200, 2: 200, 3: 200 } });
  }, 180_000);

  it('is cancelled between batches and keeps what it replayed', async () => {
    // 300 complaints of a day of their own, each only submitted: 150 batches of 2.
    await seedSubmitted('2026-02-03', 300);
    const started = await auditor().post('/v1/reports/what-if', { draftPolicy: { versions: [TWO_DAYS] }, from: '2026-02-03', to: '2026-02-04' }).expect(202);
    const id = started.body.id as string;
    expect(started.body).toMatchObject({ status: 'RUNNING', total: 300, processed: 0 });
    await eventually(async () => ((await auditor().get(`/v1/reports/what-if/${id}`)).body.run.processed > 0 ? true : undefined), 60_000);
    await auditor().post(`/v1/reports/what-if/${id}/cancel`).expect(202);
    const ended = await eventually(async () => {
      const res = await auditor().get(`/v1/reports/what-if/${id}`).expect(200);
      return res.body.run.status === 'RUNNING' ? undefined : res.body;
    }, 60_000);
    expect(ended.run.status).toBe('CANCELLED');
    expect(ended.complete).toBe(false);
    expect(ended.run.processed).toBeLessThan(300);
    // The rows cover exactly what was replayed: every one of these complaints has its verification breached or running by now.
    const verification = ended.rows.find((r: { rowType: string; stage: string }) => r.rowType === 'total' && r.stage === 'verification');
    expect(verification.current.met + verification.current.breached + verification.current.running).toBe(ended.run.processed);
    const history = await t.temporal.workflow.getHandle(policyReplayWorkflowId(id)).describe();
    expect(history.status.name).toBe('CANCELLED');
  }, 150_000);

  describe('bad input: 400 naming the field, nothing stored', () => {
    const invalidDraft = { versions: [{ ...TWO_DAYS, deadlines: { ...TWO_DAYS.deadlines, verification: { workingDays: 0, source: 'x' } } }] };
    it.each([
      ['an unknown policy version', { policyVersion: '1999.9', ...PERIOD }, "policyVersion: unknown SLA policy version '1999.9'; known: 2026.2, 2026.1"],
      ['neither version nor draft', { ...PERIOD }, 'policyVersion: give policyVersion'],
      ['an invalid draft', { draftPolicy: invalidDraft, ...PERIOD }, 'draftPolicy.versions[0].deadlines.verification.workingDays: must be a positive integer'],
      ['a draft that is no policy file', { draftPolicy: { versions: 'soon' }, ...PERIOD }, 'draftPolicy.versions: must be a non-empty list'],
      ['a draft version that is not an object', { draftPolicy: { versions: [null] }, ...PERIOD }, 'draftPolicy.versions[0]: must be an object'],
      ['a version missing from the draft', { draftPolicy: { versions: [TWO_DAYS] }, policyVersion: '2026.1', ...PERIOD }, "policyVersion: unknown SLA policy version '2026.1'; known: draft-2wd"],
      [
        'a draft of several versions without a choice',
        { draftPolicy: { versions: [TWO_DAYS, { ...TWO_DAYS, version: 'draft-b' }] }, ...PERIOD },
        'policyVersion: the draft holds several versions (draft-2wd, draft-b)',
      ],
      ['a reversed period', { policyVersion: '2026.1', from: '2026-06-01', to: '2026-01-01' }, 'from: must be before to'],
      ['a period in the future', { policyVersion: '2026.1', from: '2099-01-01', to: '2099-02-01' }, 'from: must be in the past'],
      ['an absurd period', { policyVersion: '2026.1', from: '1900-01-01', to: '2026-01-01' }, 'from: the period may span at most 1098 days'],
      ['a from that is no date', { policyVersion: '2026.1', from: 'kemarin' }, 'from: must be an ISO-8601 date'],
      ['a NUL in the policy version', { policyVersion: '2026\u0000.1', ...PERIOD }, 'policyVersion: contains U+0000'],
      ['a NUL deep in the draft', { draftPolicy: { versions: [{ ...TWO_DAYS, version: 'draft\u0000' }] }, ...PERIOD }, 'contains U+0000'],
    ])('%s', async (_name, body, text) => {
      const before = await replayCount();
      const res = await auditor().post('/v1/reports/what-if', body).expect(400);
      expect([res.body.message].flat().join(' | ')).toContain(text);
      expect(await replayCount()).toBe(before);
    });

    it('refuses a bad ID or format, and answers 404 for an unknown replay and 403 to other roles', async () => {
      expect((await auditor().get('/v1/reports/what-if/not-a-uuid').expect(400)).body.message.join(' ')).toContain('id');
      expect((await auditor().get(`/v1/reports/what-if/${randomUUID()}?format=xml`).expect(400)).body.message.join(' ')).toContain('format');
      await auditor().get('/v1/reports/what-if/%00').expect(400);
      await auditor().get(`/v1/reports/what-if/${randomUUID()}`).expect(404);
      await auditor().post(`/v1/reports/what-if/${randomUUID()}/cancel`).expect(404);
      await as(officers.byAgency[A].COMPLAINT_MANAGER).post('/v1/reports/what-if', { policyVersion: '2026.1', ...PERIOD }).expect(403);
      await as(officers.national.VERIFIER).get('/v1/reports/what-if').expect(403);
    });
  });
});
