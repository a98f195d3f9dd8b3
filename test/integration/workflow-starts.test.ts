import request from 'supertest';
import { statusQuery } from '../../workflows/messages.js';
import { complaintBody, createAgencies, createTestApp, eventually, insertComplaintRow, type TestApp } from '../support/app.js';
import { createOfficers, type Officers } from '../support/officers.js';
import { TcpProxy } from '../support/tcp-proxy.js';

/** The complaint row is the source of truth: a workflow missing for it is started within seconds. */
describe('complaint workflow starts', () => {
  let t: TestApp;
  let officers: Officers;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;
  beforeAll(async () => {
    t = await createTestApp();
    agencies = await createAgencies(t.prisma);
    officers = await createOfficers(t, []);
  });
  afterAll(() => t.close());

  /** A row as the API stores it right before it would start the workflow (and, here, dies). */
  const rowWithoutWorkflow = (submittedAgoMs: number) => insertComplaintRow(t.prisma, { submittedAt: new Date(Date.now() - submittedAgoMs) });

  it('starts the workflow of a complaint the API stored but never started, counting its deadline from the submission', async () => {
    const row = await rowWithoutWorkflow(10_000);
    const handle = t.temporal.workflow.getHandle(row.workflowId);
    const status = await eventually(async () => {
      try {
        const s = await handle.query(statusQuery);
        return s.deadlines.length ? s : undefined;
      } catch {
        return undefined;
      }
    });
    expect(Date.parse(status.deadlines[0].explanation.startAt)).toBe(row.submittedAt.getTime());
    expect((await t.prisma.complaint.findUniqueOrThrow({ where: { id: row.id } })).workflowStartedAt).not.toBeNull();
  });

  it('starts it at the first action when that comes before the reconciler', async () => {
    const row = await rowWithoutWorkflow(0);
    const verified = await request(t.http).post(`/v1/complaints/${row.trackingId}/verify`).set(officers.national.VERIFIER.auth).send({ agencyId: agencies.jakarta.id });
    expect(verified.status).toBe(200);
    expect(verified.body.state).toBe('DISPOSED');
  });

  describe('while Temporal is unreachable from the API', () => {
    let api: TestApp;
    let proxy: TcpProxy;
    let verifier: { Authorization: string };
    beforeAll(async () => {
      const [host, port] = process.env.TEMPORAL_ADDRESS!.split(':');
      proxy = await TcpProxy.start({ host, port: Number(port) });
      api = await createTestApp({ TEMPORAL_ADDRESS: `127.0.0.1:${proxy.port}` });
      verifier = (await createOfficers(api, [])).national.VERIFIER.auth; // tokens of this API's own secret
    });
    afterAll(async () => {
      await proxy.restore();
      await api.close();
      await proxy.stop();
    });

    it('still accepts a complaint (201), answers actions with 503, and the complaint gets its workflow once Temporal answers', async () => {
      await proxy.cut();
      const started = Date.now();
      const res = await request(api.http).post('/v1/complaints').send(complaintBody({ title: 'Diterima saat Temporal mati' }));
      expect(res.status).toBe(201);
      expect(Date.now() - started).toBeLessThan(10_000);
      const verify = await request(api.http).post(`/v1/complaints/${res.body.trackingId}/verify`).set(verifier).send({ agencyId: agencies.jakarta.id });
      expect(verify.status).toBe(503);
      expect(verify.body.message).toMatch(/^Temporal did not answer in time; try again shortly/);
      // The reconciler beside the workers (which still reach Temporal) starts it within seconds.
      await eventually(async () => ((await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: res.body.trackingId } })).workflowStartedAt ? true : undefined));
      await proxy.restore();
      const status = await eventually(async () => {
        const r = await request(api.http).get(`/v1/complaints/${res.body.trackingId}`).set(verifier);
        return r.status === 200 && r.body.process ? r.body.process : undefined;
      });
      expect(Date.parse(status.deadlines[0].explanation.startAt)).toBe(Date.parse(res.body.submittedAt));
    });
  });
});
