// Issue 11, item 9: security headers, no caching of personal answers, server-made request IDs (the
// client's kept apart as a correlation ID), a proxy setting, and prototype keys refused.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { newTrackingId } from '../../src/complaints/tracking-id.js';
import { complaintBody, createTestApp, eventually, type TestApp } from '../support/app.js';
import { createOfficers, TEST_PASSWORD, type Officers } from '../support/officers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('HTTP hardening', () => {
  let t: TestApp;
  let officers: Officers;

  beforeAll(async () => {
    t = await createTestApp();
    officers = await createOfficers(t, []);
  });
  afterAll(() => t.close());

  it('sends security headers and no X-Powered-By', async () => {
    for (const path of ['/v1/public/complaints', '/open311/v2/services.json', '/v1/nothing']) {
      const res = await request(t.http).get(path);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
    // The API docs still load their scripts and styles.
    const docs = await request(t.http).get('/docs/').expect(200);
    expect(docs.headers['content-security-policy']).toBeDefined();
  });

  it('forbids caching of the identity view, the tracking view and the login answer', async () => {
    const submitted = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    expect(submitted.headers['cache-control']).toBe('no-store');
    const identity = await request(t.http).get(`/v1/complaints/${submitted.body.trackingId}`).set(officers.national.VERIFIER.auth).expect(200);
    expect(identity.headers['cache-control']).toBe('no-store');
    const tracking = await request(t.http).get(`/v1/track/${submitted.body.trackingId}`).set('X-Access-Code', submitted.body.accessCode).expect(200);
    expect(tracking.headers['cache-control']).toBe('no-store');
    const login = await request(t.http).post('/v1/auth/login').send({ username: officers.national.AUDITOR.username, password: TEST_PASSWORD }).expect(200);
    expect(login.headers['cache-control']).toBe('no-store');
  });

  it("makes its own request ID and keeps the client's X-Request-Id as a separate correlation ID", async () => {
    const submitted = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    const clientId = `client-${randomUUID()}`;
    const res = await request(t.http)
      .post(`/v1/complaints/${submitted.body.trackingId}/request-clarification`)
      .set(officers.national.VERIFIER.auth)
      .set('X-Request-Id', clientId)
      .send({ question: 'Di kelurahan mana?' })
      .expect(200);
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect(res.headers['x-request-id']).not.toBe(clientId);
    // The audit entry is written after the answer is sent.
    const entry = await eventually(async () => (await t.prisma.auditLog.findMany({ where: { trackingId: submitted.body.trackingId, action: 'request-clarification' } }))[0]);
    expect(entry).toMatchObject({ requestId: res.headers['x-request-id'], correlationId: clientId });
  });

  it('refuses __proto__, constructor and prototype keys anywhere in a JSON body with 400 naming the field, storing nothing', async () => {
    const title = `proto ${randomUUID()}`;
    const body = JSON.stringify(complaintBody({ title }));
    for (const [json, field] of [
      [body.replace('{', '{"__proto__":{"admin":true},'), '__proto__'],
      [body.replace('"reporter":{', '"reporter":{"constructor":{"prototype":{"x":1}},'), 'reporter.constructor'],
      [body.replace('"location":{', '"location":{"prototype":"x",'), 'location.prototype'],
    ]) {
      const res = await request(t.http).post('/v1/complaints').set('Content-Type', 'application/json').send(json).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
    }
    const query = await request(t.http).get('/v1/public/complaints?__proto__[limit]=5').expect(400);
    expect(JSON.stringify(query.body.message)).toContain('__proto__');
    expect(await t.prisma.complaint.count({ where: { title } })).toBe(0);
  });
});

describe('TRUST_PROXY', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted, so a client cannot pick its own rate-limit bucket', async () => {
    const t = await createTestApp({ ANONYMOUS_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const unknown = newTrackingId();
      const from = (address: string) => request(t.http).get(`/v1/track/${unknown}`).set('X-Forwarded-For', address).set('X-Access-Code', 'AAAA-AAAA-AAAA');
      await from('203.0.113.1').expect(404);
      await from('203.0.113.2').expect(404);
      const refused = await from('203.0.113.3');
      expect(refused.status).toBe(429);
    } finally {
      await t.close();
    }
  });
});
