import request from 'supertest';
import { complaintBody, createTestApp, type TestApp } from '../support/app.js';
import { registerIntegrationClient, type TestIntegrationClient } from '../support/integration-clients.js';
import { createOfficers, type Officers } from '../support/officers.js';

describe('intake channels: SMS 1708 and OFFLINE reports typed in by officers', () => {
  let t: TestApp;
  let officers: Officers;
  let gateway: TestIntegrationClient;
  beforeAll(async () => {
    t = await createTestApp();
    officers = await createOfficers(t, []);
    gateway = await registerIntegrationClient(t, officers.national.SYSADMIN, 'SMS', 'SMS 1708 gateway');
  });
  afterAll(() => t.close());

  it('turns an SMS into a complaint with channel SMS, replying with the tracking ID and access code', async () => {
    const from = `+62812${Math.floor(Math.random() * 1e7).toString().padStart(7, '0')}`;
    // The reply goes to a citizen's phone: Indonesian, the product's default, asked for explicitly here (tests default to en).
    const res = await request(t.http).post('/v1/channels/sms').set(gateway.header).set('Accept-Language', 'id').send({ from, text: 'LAPOR#Kota Makassar#Jalan Poros Gowa rusak parah depan SDN 12' }).expect(200);
    expect(res.body.reply).toContain(res.body.trackingId);
    const code = /kode akses ([0-9A-Z-]+)\./.exec(res.body.reply)![1];
    const row = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: res.body.trackingId }, include: { reporter: true } });
    expect(row).toMatchObject({ channel: 'SMS', regency: 'Kota Makassar', title: 'Jalan Poros Gowa rusak parah depan SDN 12', intakeOfficerId: null, integrationClientId: gateway.id });
    expect(row.reporter).toMatchObject({ phone: from });
    await request(t.http).get(`/v1/track/${res.body.trackingId}`).set('X-Access-Code', code).expect(200);
  });

  it('files a redelivered SMS (same Idempotency-Key, no receivedAt) once', async () => {
    const sms = { from: '+6281100000001', text: `Lampu jalan padam ${Date.now()}` };
    const key = `sms-${Date.now()}`;
    const first = await request(t.http).post('/v1/channels/sms').set(gateway.header).set('Idempotency-Key', key).send(sms).expect(200);
    const again = await request(t.http).post('/v1/channels/sms').set(gateway.header).set('Idempotency-Key', key).send(sms).expect(200);
    expect(again.body).toEqual(first.body);
  });

  it('answers 400 naming the field for an SMS without a sender', async () => {
    const res = await request(t.http).post('/v1/channels/sms').set(gateway.header).send({ text: 'tolong' }).expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(/from: must be/);
  });

  it('takes OFFLINE reports only from an officer who types them in, and records who', async () => {
    const offline = complaintBody({ channel: 'OFFLINE' });
    await request(t.http).post('/v1/complaints').send(offline).expect(401);
    await request(t.http).post('/v1/complaints').set(officers.national.AUDITOR.auth).send(offline).expect(403);
    const res = await request(t.http).post('/v1/complaints').set(officers.national.VERIFIER.auth).send(offline).expect(201);
    const row = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: res.body.trackingId } });
    expect(row).toMatchObject({ channel: 'OFFLINE', intakeOfficerId: officers.national.VERIFIER.id });
  });
});
