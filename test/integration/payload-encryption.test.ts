// Issue 11, item 7: every payload Temporal stores is encrypted (AES-256-GCM) by the API's client and the
// worker; the auditor's history still reads; the codec endpoint decodes for AUDITOR and SYSADMIN only.
import { Client } from '@temporalio/client';
import { randomBytes, randomInt } from 'node:crypto';
import request from 'supertest';
import { createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { LEAK_CANARY, readableIn } from '../support/history-scan.js';
import { ComplaintDriver, driverFor, LIAISON } from '../support/lifecycle.js';

describe('payload encryption', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;
  /** A client with no codec: what anyone with access to Temporal itself (gRPC, Web UI) reads. */
  let raw: Client;
  const run = randomBytes(3).toString('hex');
  const marker = (field: string) => `${LEAK_CANARY}-${field}-${run}`;
  const identity = {
    name: marker('name'),
    phone: `+62899${String(randomInt(1_000_000, 9_999_999))}`,
    email: `${marker('email').toLowerCase()}@example.id`,
    nik: `32${String(randomInt(10_000_000, 99_999_999))}${String(randomInt(100_000, 999_999))}`,
  };

  beforeAll(async () => {
    t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-seconds.json' });
    agencies = await createAgencies(t.prisma);
    c = await driverFor(t, agencies);
    raw = new Client({ connection: t.temporal.connection });
  });
  afterAll(() => t.close());

  const historyOf = async (trackingId: string) => raw.workflow.getHandle(`complaint-${trackingId}`).fetchHistory();

  it('keeps every free-text and identity field out of readable history, through every action', async () => {
    const submitted = {
      title: marker('title'),
      chronology: marker('chronology'),
      // The place is matched to an official regency (issue 14): no free text of the reporter's stays in it.
      location: { regency: 'Kota Bandung' },
      reporter: identity,
    };
    const answered = await c.submit(submitted);
    await c.act(answered, 'verify', { agencyId: agencies.jakarta.id });
    await c.act(answered, 'request-clarification', { question: marker('question') });
    await c.act(answered, 'provide-clarification', { answer: marker('clarification') });
    await c.act(answered, 'assign', { liaisonId: LIAISON });
    await c.act(answered, 'follow-up', { text: marker('follow-up') });
    await c.act(answered, 'extend-deadline', { stage: 'resolution', extra: { duration: 'PT30M' }, reason: marker('extension') });
    await c.act(answered, 'redirect', { toAgencyId: agencies.makassar.id, reason: marker('redirect') });
    await c.act(answered, 'assign', { liaisonId: LIAISON });
    await c.act(answered, 'resolve', { answer: marker('answer') });
    await c.act(answered, 'dispute', { reason: marker('dispute') });
    await c.act(answered, 'resolve', { answer: marker('second-answer') });
    await c.act(answered, 'accept', { rating: 4, comment: marker('rating-comment') });
    await c.completed(answered);

    const archived = await c.submit({ reporter: identity });
    await c.escalationsReach(archived, 1);
    const [escalation] = await c.openEscalations(archived);
    await request(t.http).post(`/v1/escalations/${escalation.id}/acknowledge`).set(c.receiverOf(escalation).auth).send({ comment: marker('acknowledgement') }).expect(200);
    await c.act(archived, 'archive', { reason: 'OTHER', note: marker('archive-note') });
    await c.completed(archived);

    const secrets = [run, identity.phone, identity.phone.slice(1), identity.nik, identity.email];
    for (const trackingId of [answered, archived]) {
      const history = await historyOf(trackingId);
      expect(history.events!.length).toBeGreaterThan(20);
      expect(readableIn(history, secrets)).toEqual([]);
    }
  });

  it('stores payloads as AES-256-GCM ciphertext naming the key, and the auditor timeline still reads them', async () => {
    const trackingId = await c.submit();
    await c.act(trackingId, 'verify', { agencyId: agencies.jakarta.id });
    await c.act(trackingId, 'assign', { liaisonId: LIAISON });
    await c.act(trackingId, 'follow-up', { text: marker('timeline') });
    const history = await historyOf(trackingId);
    const update = history.events!.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'recordFollowUp');
    const payload = update!.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest!.input!.args!.payloads![0];
    expect(Buffer.from(payload.metadata!.encoding!).toString()).toBe('binary/encrypted');
    expect(Buffer.from(payload.metadata!['encryption-key-id']!).toString()).toMatch(/\S/);
    const timeline = await request(t.http).get(`/v1/audit/complaints/${trackingId}/history`).set(c.officers.national.AUDITOR.auth).expect(200);
    expect(JSON.stringify(timeline.body)).toContain(marker('timeline'));
  });

  describe('codec endpoint for the Temporal Web UI and CLI', () => {
    const uiOrigin = 'http://127.0.0.1:8233';

    async function encryptedPayloads(trackingId: string) {
      const history = await historyOf(trackingId);
      const started = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads!;
      // The Web UI sends payloads as JSON: metadata values and data base64-encoded.
      return {
        payloads: started.map((p) => ({
          metadata: Object.fromEntries(Object.entries(p.metadata!).map(([k, v]) => [k, Buffer.from(v!).toString('base64')])),
          data: Buffer.from(p.data!).toString('base64'),
        })),
      };
    }

    it('decodes for AUDITOR and SYSADMIN, with CORS for the Web UI origin', async () => {
      const trackingId = await c.submit();
      await eventually(async () => ((await historyOf(trackingId)).events!.length > 0 ? true : undefined));
      const body = await encryptedPayloads(trackingId);
      for (const role of ['AUDITOR', 'SYSADMIN'] as const) {
        const res = await request(t.http).post('/codec/decode').set(c.officers.national[role].auth).set('Origin', uiOrigin).set('X-Namespace', 'default').send(body).expect(200);
        expect(res.headers['access-control-allow-origin']).toBe(uiOrigin);
        const [decoded] = res.body.payloads as { metadata: Record<string, string>; data: string }[];
        expect(Buffer.from(decoded.metadata.encoding, 'base64').toString()).toBe('json/plain');
        expect(JSON.parse(Buffer.from(decoded.data, 'base64').toString())).toMatchObject({ trackingId });
      }
      const preflight = await request(t.http)
        .options('/codec/decode')
        .set('Origin', uiOrigin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,x-namespace,authorization');
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers['access-control-allow-origin']).toBe(uiOrigin);
      const elsewhere = await request(t.http).options('/codec/decode').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
      expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('refuses everyone else, and records each use in the audit log', async () => {
      const trackingId = await c.submit();
      await eventually(async () => ((await historyOf(trackingId)).events!.length > 0 ? true : undefined));
      const body = await encryptedPayloads(trackingId);
      await request(t.http).post('/codec/decode').send(body).expect(401);
      for (const role of ['VERIFIER', 'OMBUDSMAN'] as const) await request(t.http).post('/codec/decode').set(c.officers.national[role].auth).send(body).expect(403);
      const before = await t.prisma.auditLog.count({ where: { action: 'PAYLOADS_DECODED', actorId: c.officers.national.AUDITOR.id } });
      await request(t.http).post('/codec/decode').set(c.officers.national.AUDITOR.auth).send(body).expect(200);
      // The audit entry is written once the answer has gone out (AuditTrailInterceptor): wait for it, then count it.
      const decodes = () => t.prisma.auditLog.count({ where: { action: 'PAYLOADS_DECODED', actorId: c.officers.national.AUDITOR.id } });
      await eventually(async () => ((await decodes()) > before ? true : undefined));
      expect(await decodes()).toBe(before + 1);
      const bad = await request(t.http).post('/codec/decode').set(c.officers.national.AUDITOR.auth).send({ payloads: 'no' }).expect(400);
      expect(JSON.stringify(bad.body.message)).toMatch(/payloads/);
    });
  });
});
