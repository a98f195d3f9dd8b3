import request from 'supertest';
import { complaintWorkflowId } from '../../workflows/messages.js';
import { createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { ComplaintDriver, driverFor, LIAISON } from '../support/lifecycle.js';

/**
 * Every complaint's workflow finishes when the complaint is closed or archived and every escalation was
 * acknowledged, and every escalation reaches an account that can see and acknowledge it. Officer clocks
 * run in seconds (test/fixtures/sla-policy-agency-seconds.json), reporter clocks in an hour.
 */
describe('every complaint ends, every escalation reaches someone who can act', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;

  beforeAll(async () => {
    t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-agency-seconds.json' });
    agencies = await createAgencies(t.prisma);
    c = await driverFor(t, agencies);
  });
  afterAll(() => t.close());

  const inbox = async (officer: { auth: { Authorization: string } }) =>
    (await request(t.http).get('/v1/escalations').set(officer.auth).expect(200)).body.items as { key: string; trackingId: string }[];

  it('completes the workflow of a complaint whose last escalation is acknowledged after it was archived', async () => {
    const id = await c.submit();
    await c.escalationsReach(id, 1);
    await c.act(id, 'archive', { reason: 'SPAM' });
    expect((await c.handle(id).describe()).status.name).toBe('RUNNING'); // an escalation is still open
    await c.acknowledgeAll(id);
    const result = await c.completed(id);
    expect(result.state).toBe('ARCHIVED');
    expect(result.escalations.every((e) => e.acknowledgedBy !== null)).toBe(true);
    c.recordHistory(id, 'acknowledged-after-archive-completes');
  });

  it('sends the redirect-limit escalation to the national admin (VERIFIER), who acknowledges it', async () => {
    const id = await c.submit({ agencyId: undefined });
    await c.act(id, 'verify', { agencyId: agencies.jakarta.id });
    // Nobody assigns: the agency clocks run, so hurry the redirects before they breach.
    await c.act(id, 'redirect', { toAgencyId: agencies.makassar.id, reason: 'bukan wewenang' });
    await c.act(id, 'redirect', { toAgencyId: agencies.jayapura.id, reason: 'jalan provinsi' });
    const third = await c.act(id, 'redirect', { toAgencyId: agencies.jakarta.id, reason: 'kembali ke pusat' });
    expect(third.escalations.filter((e) => e.stage === 'redirection')).toEqual([expect.objectContaining({ level: 1, receiverRole: 'VERIFIER', agencyId: null })]);
    const verifierInbox = await inbox(c.officers.national.VERIFIER);
    expect(verifierInbox.filter((e) => e.trackingId === id).map((e) => e.key)).toContain(`${complaintWorkflowId(id)}:redirection:3`);
    const [row] = (await c.escalations(id)).filter((e) => e.stage === 'redirection');
    await request(t.http).post(`/v1/escalations/${row.id}/acknowledge`).set(c.officers.national.VERIFIER.auth).send({}).expect(200);
  });

  it('sends verification escalations to the national supervisor and complaint manager, never to the agency the reporter named', async () => {
    const id = await c.submit({ agencyId: agencies.jakarta.id });
    const rows = await c.escalationsReach(id, 2);
    expect(rows.slice(0, 2).map((e) => [e.stage, e.level, e.receiverRole, e.agencyId])).toEqual([
      ['verification', 1, 'SUPERVISOR', null],
      ['verification', 2, 'COMPLAINT_MANAGER', null],
    ]);
    const mine = (officer: { auth: { Authorization: string } }) => inbox(officer).then((items) => items.filter((e) => e.trackingId === id).length);
    expect(await mine(c.officers.nationalSupervision.SUPERVISOR)).toBe(1);
    expect(await mine(c.officers.nationalSupervision.COMPLAINT_MANAGER)).toBe(1);
    expect(await mine(c.officers.byAgency[agencies.jakarta.id].SUPERVISOR)).toBe(0);
    expect(await mine(c.officers.byAgency[agencies.jakarta.id].COMPLAINT_MANAGER)).toBe(0);
    // The agency's supervisor may not acknowledge the verifiers' lateness: it does not even see a complaint not disposed to it.
    await request(t.http).post(`/v1/escalations/${rows[0].id}/acknowledge`).set(c.officers.byAgency[agencies.jakarta.id].SUPERVISOR.auth).send({}).expect(404);
  });

  it('keeps the acknowledgement, its comment and who made it in the complaint audit trail', async () => {
    const id = await c.submit();
    const [row] = await c.escalationsReach(id, 1);
    const supervisor = c.receiverOf(row);
    const comment = 'Verifikator sudah ditegur; diverifikasi hari ini.';
    await request(t.http).post(`/v1/escalations/${row.id}/acknowledge`).set(supervisor.auth).send({ comment }).expect(200);
    const stored = await t.prisma.escalation.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ acknowledgedBy: supervisor.id, acknowledgementComment: comment });
    const entry = await eventually(async () => (await t.prisma.auditLog.findFirst({ where: { trackingId: id, actorId: supervisor.id } })) ?? undefined);
    expect(entry).toMatchObject({ action: 'acknowledge-escalation', statusCode: 200, path: `/v1/escalations/${row.id}/acknowledge` });
    const history = (await request(t.http).get(`/v1/audit/complaints/${id}/history`).set(c.officers.national.AUDITOR.auth).expect(200)).body;
    const acknowledged = history.steps.find((s: { kind: string; detail: { update?: string } }) => s.kind === 'update' && s.detail.update === 'acknowledgeEscalation');
    expect(acknowledged).toMatchObject({ actorId: supervisor.id, detail: { comment } });
  });

  it('drives every path to its end: each workflow completes with every escalation acknowledged by an existing account', async () => {
    const paths = {
      happy: async () => {
        const id = await c.submit();
        await c.act(id, 'verify', { agencyId: agencies.jakarta.id });
        await c.act(id, 'assign', { liaisonId: LIAISON });
        await c.act(id, 'follow-up', { text: 'Ditinjau.' });
        await c.act(id, 'resolve', { answer: 'Selesai.' });
        await c.act(id, 'accept', { rating: 5 });
        return id;
      },
      clarificationThenArchived: async () => {
        const id = await c.submit();
        await c.act(id, 'request-clarification', { question: 'Di mana?' });
        await c.act(id, 'archive', { reason: 'INSUFFICIENT_INFORMATION' });
        return id;
      },
      redirectedThreeTimes: async () => {
        const id = await c.submit();
        await c.act(id, 'verify', { agencyId: agencies.jakarta.id });
        await c.act(id, 'redirect', { toAgencyId: agencies.makassar.id, reason: 'a' });
        await c.act(id, 'redirect', { toAgencyId: agencies.jayapura.id, reason: 'b' });
        await c.act(id, 'redirect', { toAgencyId: agencies.jakarta.id, reason: 'c' });
        await c.act(id, 'assign', { liaisonId: LIAISON });
        await c.act(id, 'resolve', { answer: 'Selesai.' });
        await c.act(id, 'accept', { rating: 4 });
        return id;
      },
      disputed: async () => {
        const id = await c.submit();
        await c.act(id, 'verify', { agencyId: agencies.makassar.id });
        await c.act(id, 'assign', { liaisonId: LIAISON });
        await c.act(id, 'resolve', { answer: 'Selesai.' });
        await c.act(id, 'dispute', { reason: 'Belum.' });
        await c.act(id, 'resolve', { answer: 'Sekarang selesai.' });
        await c.act(id, 'accept', { rating: 3 });
        return id;
      },
      verificationToLevelThree: async () => {
        const id = await c.submit();
        await c.escalationsReach(id, 3);
        await c.acknowledgeAll(id); // before the end
        await c.act(id, 'archive', { reason: 'OUT_OF_SCOPE' });
        return id;
      },
      everyAgencyStageToLevelThree: async () => {
        const id = await c.submit();
        await c.act(id, 'verify', { agencyId: agencies.jayapura.id });
        // Nobody assigns: assignment, first follow-up and resolution all breach and climb to level 3 (level 2 twice each).
        await eventually(async () => {
          const rows = await c.escalations(id);
          const top = new Set(rows.filter((r) => r.level === 3).map((r) => r.stage));
          return top.size === 3 ? true : undefined;
        }, 40_000);
        // Overdue, the resolution target is still what Open311 promises the citizen.
        const { resolutionDueAt } = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: id } });
        const open311 = (await request(t.http).get(`/open311/v2/requests/${id}.json`).expect(200)).body[0];
        expect(open311.expected_datetime).toBe(resolutionDueAt!.toISOString());
        expect(Date.parse(open311.expected_datetime)).toBeLessThan(Date.now());
        await c.act(id, 'assign', { liaisonId: LIAISON });
        await c.act(id, 'resolve', { answer: 'Selesai.' });
        await c.act(id, 'accept', { rating: 2 });
        return id; // acknowledged after the end
      },
    };
    const ids = Object.fromEntries(await Promise.all(Object.entries(paths).map(async ([name, run]) => [name, await run()] as const)));

    const rows = await t.prisma.escalation.findMany({ where: { complaint: { trackingId: { in: Object.values(ids) } } } });
    const agencyRows = rows.filter((r) => r.stage !== 'verification' && r.stage !== 'redirection');
    expect(new Set(agencyRows.filter((r) => r.level === 3).map((r) => r.stage))).toEqual(new Set(['assignment', 'firstFollowUp', 'resolution']));
    expect(agencyRows.filter((r) => r.level === 2).map((r) => r.receiverRole).sort()).toEqual(
      ['COMPLAINT_MANAGER', 'COMPLAINT_MANAGER', 'COMPLAINT_MANAGER', 'VERIFIER', 'VERIFIER', 'VERIFIER'],
    );
    for (const id of Object.values(ids)) await c.acknowledgeAll(id);

    for (const [name, id] of Object.entries(ids)) {
      const result = await c.completed(id).catch((error: Error) => {
        throw new Error(`${name} (${id}) did not complete: ${error.message}`);
      });
      expect(['CLOSED', 'ARCHIVED']).toContain(result.state);
      for (const e of result.escalations) {
        expect(e.acknowledgedBy).not.toBeNull();
        const account = await t.prisma.user.findUnique({ where: { id: e.acknowledgedBy! } });
        expect(account).toMatchObject({ role: e.receiverRole, active: true });
      }
    }
  }, 120_000);
});
