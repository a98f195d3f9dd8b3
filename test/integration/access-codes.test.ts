// Issue 15, the intake path: access codes are checked by deriving them again, not against a stored argon2
// hash. New complaints store nothing about the code; those filed before still verify. ACCESS_CODE_SECRET
// lets officer tokens' AUTH_SECRET rotate without changing reporters' codes.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { hashSecret } from '../../src/auth/passwords.js';
import { deriveAccessCode } from '../../src/complaints/access-code.js';
import { AppConfig } from '../../src/config/app-config.js';
import { complaintBody, createTestApp, type TestApp } from '../support/app.js';

describe('access codes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const track = (trackingId: string, code: string) => request(t.http).get(`/v1/track/${trackingId}`).set('X-Access-Code', code);

  it('stores nothing about a new complaint’s code, and lets its reporter in with it', async () => {
    const submitted = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    const { trackingId, accessCode } = submitted.body as { trackingId: string; accessCode: string };
    const row = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId }, select: { accessCodeHash: true } });
    expect(row.accessCodeHash).toBeNull();
    await track(trackingId, accessCode).expect(200);
    await track(trackingId, accessCode.toLowerCase().replace(/-/g, '')).expect(200);
  });

  it('lets in the reporter of a complaint filed when an argon2 hash of the code was stored, and nobody with another code', async () => {
    const submitted = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    const { trackingId, accessCode } = submitted.body as { trackingId: string; accessCode: string };
    // As the intake stored it before: an argon2id hash of the code derived from the complaint ID.
    const { id } = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId }, select: { id: true } });
    const oldHash = await hashSecret(deriveAccessCode(t.app.get(AppConfig).accessCodeSecret, id));
    expect(oldHash).toMatch(/^\$argon2id\$/);
    await t.prisma.complaint.update({ where: { id }, data: { accessCodeHash: oldHash } });

    const res = await track(trackingId, accessCode).expect(200);
    expect(res.body.trackingId).toBe(trackingId);
    const wrong = await track(trackingId, 'AAAA-AAAA-AAAA').expect(404);
    expect(wrong.body.message).toMatch(/tracking ID and access code/);
    const row = await t.prisma.complaint.findUniqueOrThrow({ where: { id }, select: { accessCodeHash: true } });
    expect(row.accessCodeHash).toBe(oldHash);
  });

  it('keeps every code when AUTH_SECRET is rotated with ACCESS_CODE_SECRET set to the old one; without it, codes change', async () => {
    const oldSecret = randomBytes(32).toString('hex');
    const before = await createTestApp({ AUTH_SECRET: oldSecret });
    const submitted = await request(before.http).post('/v1/complaints').send(complaintBody()).expect(201);
    await before.close();
    const { trackingId, accessCode } = submitted.body as { trackingId: string; accessCode: string };

    const rotated = await createTestApp({ AUTH_SECRET: randomBytes(32).toString('hex'), ACCESS_CODE_SECRET: oldSecret });
    const careless = await createTestApp({ AUTH_SECRET: randomBytes(32).toString('hex') });
    try {
      await request(rotated.http).get(`/v1/track/${trackingId}`).set('X-Access-Code', accessCode).expect(200);
      await request(careless.http).get(`/v1/track/${trackingId}`).set('X-Access-Code', accessCode).expect(404);
    } finally {
      await Promise.all([rotated.close(), careless.close()]);
    }
  });
});
