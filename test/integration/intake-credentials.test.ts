// Issue 11, items 1 and 8: channel integrations authenticate, the server sets the channel from who calls,
// limits count per gateway and per client, and Idempotency-Keys never cross callers or channels.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { complaintBody, createTestApp, type TestApp } from '../support/app.js';
import { registerIntegrationClient, type TestIntegrationClient } from '../support/integration-clients.js';
import { createOfficers, type Officers } from '../support/officers.js';

const phone = () => `+62812${Math.floor(Math.random() * 1e7).toString().padStart(7, '0')}`;

describe('channel integrations authenticate (SMS gateways, partner apps)', () => {
  let t: TestApp;
  let officers: Officers;
  let gateway: TestIntegrationClient;
  let mobileApp: TestIntegrationClient;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'loopback' });
    officers = await createOfficers(t, []);
    gateway = await registerIntegrationClient(t, officers.national.SYSADMIN, 'SMS', 'SMS 1708 gateway');
    mobileApp = await registerIntegrationClient(t, officers.national.SYSADMIN, 'MOBILE', 'LAPOR! app');
  });
  afterAll(() => t.close());

  const reportersWithPhone = (from: string) => t.prisma.reporterIdentity.count({ where: { phone: from } });

  it('refuses an SMS without a gateway key (401) or with a forged one, filing nothing', async () => {
    const from = phone();
    const sms = { from, text: 'LAPOR#Kota Makassar#Jalan rusak' };
    const none = await request(t.http).post('/v1/channels/sms').send(sms).expect(401);
    expect(JSON.stringify(none.body.message)).toMatch(/X-Api-Key/);
    await request(t.http).post('/v1/channels/sms').set('X-Api-Key', `${gateway.id}.forged-secret-forged-secret-forged`).send(sms).expect(401);
    await request(t.http).post('/v1/channels/sms').set('X-Api-Key', 'garbage').send(sms).expect(401);
    expect(await reportersWithPhone(from)).toBe(0);
  });

  it("refuses an SMS from a client registered for another channel (403), and from a gateway once it is deactivated", async () => {
    const from = phone();
    await request(t.http).post('/v1/channels/sms').set(mobileApp.header).send({ from, text: 'Jalan rusak' }).expect(403);
    const spare = await registerIntegrationClient(t, officers.national.SYSADMIN, 'SMS');
    await request(t.http).post(`/v1/integration-clients/${spare.id}/deactivate`).set(officers.national.SYSADMIN.auth).expect(200);
    await request(t.http).post('/v1/channels/sms').set(spare.header).send({ from, text: 'Jalan rusak' }).expect(401);
    expect(await reportersWithPhone(from)).toBe(0);
  });

  it('files an SMS from a registered gateway with channel SMS', async () => {
    const from = phone();
    const res = await request(t.http).post('/v1/channels/sms').set(gateway.header).send({ from, text: 'LAPOR#Kota Makassar#Lampu jalan padam' }).expect(200);
    const row = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: res.body.trackingId } });
    expect(row.channel).toBe('SMS');
  });

  it('sets the channel from the caller: an anonymous web client cannot claim SMS, SOCIAL or MOBILE (403 naming channel)', async () => {
    for (const channel of ['SMS', 'SOCIAL', 'MOBILE']) {
      const title = `claims ${channel} ${randomUUID()}`;
      const res = await request(t.http).post('/v1/complaints').send(complaintBody({ title, channel })).expect(403);
      expect(JSON.stringify(res.body.message)).toMatch(/channel/);
      expect(await t.prisma.complaint.count({ where: { title } })).toBe(0);
    }
    const web = await request(t.http).post('/v1/complaints').send(complaintBody({ channel: undefined })).expect(201);
    expect((await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: web.body.trackingId } })).channel).toBe('WEB');
    const app = await request(t.http).post('/v1/complaints').set(mobileApp.header).send(complaintBody({ channel: undefined })).expect(201);
    expect((await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: app.body.trackingId } })).channel).toBe('MOBILE');
    // A partner app cannot claim another channel either.
    await request(t.http).post('/v1/complaints').set(mobileApp.header).send(complaintBody({ channel: 'SMS' })).expect(403);
  });

  it('lets only SYSADMIN register clients, shows each key once and stores only its hash', async () => {
    await request(t.http).post('/v1/integration-clients').set(officers.national.VERIFIER.auth).send({ id: 'sms-x', name: 'x', channel: 'SMS' }).expect(403);
    await request(t.http).post('/v1/integration-clients').send({ id: 'sms-x', name: 'x', channel: 'SMS' }).expect(401);
    const bad = await request(t.http).post('/v1/integration-clients').set(officers.national.SYSADMIN.auth).send({ id: 'sms-y', name: 'y', channel: 'OFFLINE' }).expect(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/channel/);
    const list = await request(t.http).get('/v1/integration-clients').set(officers.national.SYSADMIN.auth).expect(200);
    expect(list.body.find((c: { id: string }) => c.id === gateway.id)).toMatchObject({ id: gateway.id, channel: 'SMS', active: true });
    expect(JSON.stringify(list.body)).not.toContain(gateway.apiKey.split('.').at(-1));
    const row = await t.prisma.integrationClient.findUniqueOrThrow({ where: { id: gateway.id } });
    expect(JSON.stringify(row)).not.toContain(gateway.apiKey.split('.').at(-1));
  });

  it('rotates a key: the old one stops working at once, the new one works', async () => {
    const client = await registerIntegrationClient(t, officers.national.SYSADMIN, 'SMS');
    const rotated = await request(t.http).post(`/v1/integration-clients/${client.id}/rotate-key`).set(officers.national.SYSADMIN.auth).expect(200);
    await request(t.http).post('/v1/channels/sms').set(client.header).send({ from: phone(), text: 'Jalan rusak' }).expect(401);
    await request(t.http).post('/v1/channels/sms').set('X-Api-Key', rotated.body.apiKey).send({ from: phone(), text: 'Jalan rusak' }).expect(200);
  });
});

describe('limits per gateway and per client', () => {
  let t: TestApp;
  let officers: Officers;

  beforeAll(async () => {
    t = await createTestApp({ ANONYMOUS_RATE_LIMIT_PER_MINUTE: '3', INTEGRATION_RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: 'loopback' });
    officers = await createOfficers(t, []);
  });
  afterAll(() => t.close());

  it('counts one sender per gateway: forged messages for a number through one gateway do not block it through another', async () => {
    const a = await registerIntegrationClient(t, officers.national.SYSADMIN, 'SMS');
    const b = await registerIntegrationClient(t, officers.national.SYSADMIN, 'SMS');
    const victim = phone();
    for (let i = 0; i < 3; i++) await request(t.http).post('/v1/channels/sms').set(a.header).send({ from: victim, text: `pesan ${i}` }).expect(200);
    const limited = await request(t.http).post('/v1/channels/sms').set(a.header).send({ from: victim, text: 'pesan 4' }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await request(t.http).post('/v1/channels/sms').set(b.header).send({ from: victim, text: 'pesan asli' }).expect(200);
  });

  it("counts a gateway's own budget however many sender numbers it uses", async () => {
    const gateway = await registerIntegrationClient(t, officers.national.SYSADMIN, 'SMS');
    for (let i = 0; i < 5; i++) await request(t.http).post('/v1/channels/sms').set(gateway.header).send({ from: phone(), text: `pesan ${i}` }).expect(200);
    await request(t.http).post('/v1/channels/sms').set(gateway.header).send({ from: phone(), text: 'pesan 6' }).expect(429);
  });

  it('counts anonymous web clients per address (behind a trusted proxy, per forwarded address)', async () => {
    const from = (address: string) => request(t.http).post('/v1/complaints').set('X-Forwarded-For', address).send(complaintBody());
    for (let i = 0; i < 3; i++) await from('203.0.113.7').expect(201);
    const refused = await from('203.0.113.7');
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/this address/);
    await from('203.0.113.8').expect(201);
  });
});

describe('Idempotency-Keys are scoped to channel and caller', () => {
  let t: TestApp;
  let officers: Officers;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'loopback' });
    officers = await createOfficers(t, []);
  });
  afterAll(() => t.close());

  it("never hands a complaint's access code to another caller replaying its key and body", async () => {
    const key = randomUUID();
    const body = complaintBody({ title: `kunci ${key}` });
    const first = await request(t.http).post('/v1/complaints').set('X-Forwarded-For', '198.51.100.1').set('Idempotency-Key', key).send(body).expect(201);
    const same = await request(t.http).post('/v1/complaints').set('X-Forwarded-For', '198.51.100.1').set('Idempotency-Key', key).send(body).expect(201);
    expect(same.body).toEqual(first.body);
    const other = await request(t.http).post('/v1/complaints').set('X-Forwarded-For', '198.51.100.2').set('Idempotency-Key', key).send(body).expect(201);
    expect(other.body.trackingId).not.toBe(first.body.trackingId);
    expect(JSON.stringify(other.body)).not.toContain(first.body.accessCode);
  });

  it("lets an SMS gateway's message ID and a web client's key coincide without a 422", async () => {
    const gateway = await registerIntegrationClient(t, officers.national.SYSADMIN, 'SMS');
    const otherGateway = await registerIntegrationClient(t, officers.national.SYSADMIN, 'SMS');
    const key = `msg-${randomUUID()}`;
    const web = await request(t.http).post('/v1/complaints').set('Idempotency-Key', key).send(complaintBody()).expect(201);
    const sms = { from: phone(), text: 'Lampu jalan padam' };
    const bySms = await request(t.http).post('/v1/channels/sms').set(gateway.header).set('Idempotency-Key', key).send(sms).expect(200);
    const byOther = await request(t.http).post('/v1/channels/sms').set(otherGateway.header).set('Idempotency-Key', key).send(sms).expect(200);
    expect(new Set([web.body.trackingId, bySms.body.trackingId, byOther.body.trackingId]).size).toBe(3);
    // The gateway's own redelivery is still filed once.
    const again = await request(t.http).post('/v1/channels/sms').set(gateway.header).set('Idempotency-Key', key).send(sms).expect(200);
    expect(again.body).toEqual(bySms.body);
  });
});
