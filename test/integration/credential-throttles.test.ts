// Issue 11, items 2, 3 and 4: guessing a password or an access code is slowed per account and per
// tracking ID whatever the address, an officer token lifts no limit, and the owner and SYSADMIN hear of it.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CredentialThrottles } from '../../src/auth/credential-throttle.js';
import { newTrackingId } from '../../src/complaints/tracking-id.js';
import { complaintBody, createTestApp, eventually, type TestApp } from '../support/app.js';
import { registerIntegrationClient } from '../support/integration-clients.js';
import { createOfficers, TEST_PASSWORD, type Officers, type TestOfficer } from '../support/officers.js';

const OPEN311 = '/open311/v2';
const address = (n: number) => `192.0.2.${n}`;

describe('an officer token lifts no limit meant for anonymous callers', () => {
  let t: TestApp;
  let officers: Officers;

  beforeAll(async () => {
    t = await createTestApp({ ANONYMOUS_RATE_LIMIT_PER_MINUTE: '3', INTEGRATION_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'loopback' });
    officers = await createOfficers(t, []);
  });
  afterAll(() => t.close());

  it('limits password guesses sent with an officer token per address, like any other', async () => {
    const guess = () =>
      request(t.http).post('/v1/auth/login').set('X-Forwarded-For', address(10)).set(officers.national.AUDITOR.auth).send({ username: officers.national.SYSADMIN.username, password: `guess-${randomUUID()}` });
    for (let i = 0; i < 3; i++) await guess().expect(401);
    const refused = await guess();
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/this address/);
  });

  it('limits access-code guesses sent with an officer token per address', async () => {
    const unknown = newTrackingId();
    const guess = () => request(t.http).get(`/v1/track/${unknown}`).set('X-Forwarded-For', address(11)).set(officers.national.AUDITOR.auth).set('X-Access-Code', 'AAAA-AAAA-AAAA');
    for (let i = 0; i < 3; i++) await guess().expect(404);
    const refused = await guess();
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/this address/);
  });

  it('limits Open311 submissions sent with an officer token per client', async () => {
    const app = await registerIntegrationClient(t, officers.national.SYSADMIN, 'WEB');
    const post = () =>
      request(t.http)
        .post(`${OPEN311}/requests.json`)
        .set('X-Forwarded-For', address(12))
        .set(officers.national.AUDITOR.auth)
        .type('form')
        .send(new URLSearchParams({ api_key: app.apiKey, service_code: 'COMPLAINT', description: 'Jalan rusak di depan pasar', address_string: 'Kota Bandung' }).toString());
    // An Open311 app is counted as itself (its budget, 3 here), whatever token comes along.
    for (let i = 0; i < 3; i++) await post().expect(201);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual([{ code: 429, description: expect.stringMatching(/this integration client/) }]);
  });
});

describe('per-account login protection', () => {
  let t: TestApp;
  let officers: Officers;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'loopback', LOGIN_FREE_ATTEMPTS: '5' });
    officers = await createOfficers(t, []);
  });
  afterAll(() => t.close());

  const login = (officer: TestOfficer, password: string, from: string) =>
    request(t.http).post('/v1/auth/login').set('X-Forwarded-For', from).send({ username: officer.username, password });

  it('slows guesses at one account from many addresses with growing delays; the right password waits too', async () => {
    const target = officers.national.SYSADMIN;
    for (let i = 0; i < 5; i++) await login(target, `wrong-${i}`, address(20 + i)).expect(401);
    const waiting = await login(target, TEST_PASSWORD, address(30)).expect(429);
    const firstWait = Number(waiting.headers['retry-after']);
    expect(firstWait).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(waiting.body.message)).toMatch(/this account/);
    // After the wait a wrong guess is refused again and the next wait is longer.
    await eventually(async () => ((await login(target, 'wrong-again', address(31))).status === 401 ? true : undefined), 10_000);
    const longer = await login(target, TEST_PASSWORD, address(32)).expect(429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThan(firstWait);
    // The owner signs in once the wait is over, and the count starts again.
    await eventually(async () => ((await login(target, TEST_PASSWORD, address(33))).status === 200 ? true : undefined), 10_000);
    await login(target, 'one-slip', address(34)).expect(401);
    await login(target, TEST_PASSWORD, address(34)).expect(200);
  });

  it('answers every one of many parallel right-password sign-ins of one account (a success clearing the streak races the others)', async () => {
    // Seen in CI: five parallel sign-ins of one officer, one answered 500 — a success deleted the streak row
    // between another try's insert-if-missing and its row lock.
    const throttles = t.app.get(CredentialThrottles);
    const key = `login:race-${randomUUID()}`;
    const policy = { freeAttempts: 1000, maxDelaySeconds: 1 };
    for (let round = 0; round < 20; round++) {
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, async () => {
        const claim = await throttles.claim(key, policy);
        if (claim.allowed) await throttles.succeeded(key);
        return claim.allowed;
      }));
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
    }
  });

  it("tells the account's owner and SYSADMIN, and writes the failures and the throttling to the audit log", async () => {
    const target = officers.national.VERIFIER;
    for (let i = 0; i < 5; i++) await login(target, `wrong-${i}`, address(40 + i)).expect(401);
    await login(target, TEST_PASSWORD, address(50)).expect(429);
    const notices = await t.prisma.notification.findMany({ where: { kind: 'ACCOUNT_THROTTLED', payload: { path: ['username'], equals: target.username } } });
    expect(notices.map((n) => n.receiverRole).sort()).toEqual(['SYSADMIN', 'VERIFIER']);
    expect(notices.find((n) => n.receiverRole === 'VERIFIER')).toMatchObject({ receiverUserId: target.id });
    const audit = await t.prisma.auditLog.findMany({ where: { detail: { path: ['username'], equals: target.username } } });
    expect(audit.filter((a) => a.action === 'LOGIN_FAILED')).toHaveLength(5);
    expect(audit.filter((a) => a.action === 'LOGIN_THROTTLED').length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(audit.map((a) => a.detail))).not.toContain('wrong-');
  });

  it('treats an unknown username exactly like a known one (no account enumeration)', async () => {
    const ghost = { username: `nobody-${randomUUID().slice(0, 8)}` } as TestOfficer;
    for (let i = 0; i < 5; i++) await login(ghost, `wrong-${i}`, address(60 + i)).expect(401);
    const refused = await login(ghost, 'anything', address(70));
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/this account/);
  });
});

describe('access-code guessing', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'loopback', TRACKING_FREE_ATTEMPTS: '5' });
  });
  afterAll(() => t.close());

  it('slows guesses at one tracking ID from many addresses; the reporter gets in after the wait', async () => {
    const submitted = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    const { trackingId, accessCode } = submitted.body as { trackingId: string; accessCode: string };
    const track = (code: string, from: string) => request(t.http).get(`/v1/track/${trackingId}`).set('X-Forwarded-For', from).set('X-Access-Code', code);
    for (let i = 0; i < 5; i++) await track('AAAA-AAAA-AAA' + String(i), address(80 + i)).expect(404);
    const limited = await track(accessCode, address(90)).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await eventually(async () => ((await track(accessCode, address(91))).status === 200 ? true : undefined), 10_000);
  });

  it('answers an unknown tracking ID exactly as a wrong code, and slows it the same way', async () => {
    const unknown = newTrackingId();
    const track = (from: string) => request(t.http).get(`/v1/track/${unknown}`).set('X-Forwarded-For', from).set('X-Access-Code', 'AAAA-AAAA-AAAA');
    const first = await track(address(100)).expect(404);
    expect(first.body.message).toMatch(/tracking ID and access code/);
    for (let i = 1; i < 5; i++) await track(address(100 + i)).expect(404);
    await track(address(110)).expect(429);
  });
});
