import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { complaintBody as validBody, createTestApp, type TestApp } from '../support/app.js';
import { createOfficers } from '../support/officers.js';

/** Other suites submit concurrently, so this one marks its own bodies and uses a task queue of its own. */
const marker = randomUUID();
const taskQueue = `intake-input-${marker}`;
const complaintBody = (overrides: Record<string, unknown> = {}) =>
  validBody({ title: `title ${marker}`, chronology: `chronology ${marker}`, location: { regency: 'Kota Bandung' }, ...overrides });

/** Bad input answers 4xx naming the field, stores nothing and starts no workflow. */
describe('complaint intake rejects bad input', () => {
  let t: TestApp;
  const mine = {
    OR: [{ title: { contains: marker } }, { chronology: { contains: marker } }],
  };
  const counts = async () => ({
    complaints: await t.prisma.complaint.count({ where: mine }),
    identities: await t.prisma.reporterIdentity.count({ where: { complaint: mine } }),
    workflows: (await t.temporal.workflow.count(`TaskQueue = "${taskQueue}"`)).count,
  });

  beforeAll(async () => {
    t = await createTestApp({ TEMPORAL_TASK_QUEUE: taskQueue });
  });

  it('accepts the valid body these tests start from (so the counts can move)', async () => {
    const before = await counts();
    await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    expect(await counts()).toEqual({
      complaints: before.complaints + 1,
      identities: before.identities + 1,
      workflows: before.workflows + 1,
    });
  });
  afterAll(() => t.close());

  const rejected = async (send: (r: request.Test) => request.Test, status: number) => {
    const before = await counts();
    const res = await send(request(t.http).post('/v1/complaints')).expect(status);
    expect(await counts()).toEqual(before);
    return res.body as { statusCode: number; message: string | string[] };
  };
  const messages = (body: { message: string | string[] }) => [body.message].flat().join(' | ');

  it('answers 400 to malformed JSON', async () => {
    const body = await rejected((r) => r.set('Content-Type', 'application/json').send('{"title": "x",'), 400);
    expect(messages(body)).toMatch(/body: malformed JSON/);
  });

  it('answers 400 naming an unknown field', async () => {
    const body = await rejected((r) => r.send(complaintBody({ priority: 'HIGH' })), 400);
    expect(messages(body)).toMatch(/priority: is not a field of this request/);
  });

  it('answers 400 naming location.regency with the candidates when the place fits two regencies/cities', async () => {
    const body = await rejected((r) => r.send(complaintBody({ location: { regency: 'Bandung' } })), 400);
    expect(messages(body)).toBe("location.regency: 'Bandung' fits more than one place; write one of: Kabupaten Bandung (Jawa Barat), Kota Bandung (Jawa Barat)");
    expect(body).toMatchObject({
      candidates: [
        { areaCode: '32.04', name: 'Kabupaten Bandung', within: 'Jawa Barat' },
        { areaCode: '32.73', name: 'Kota Bandung', within: 'Jawa Barat' },
      ],
    });
  });

  it('answers 400 with the nearest regencies/cities to a misspelt or unknown place, in the caller\'s language', async () => {
    const body = await rejected((r) => r.set('Accept-Language', 'id').send(complaintBody({ location: { regency: 'Kota Bandunq' } })), 400);
    expect(messages(body)).toMatch(/^location\.regency: 'Kota Bandunq' bukan nama resmi yang kami kenal di sini; yang terdekat: Kota Bandung \(Jawa Barat\), /);
    expect((body as { candidates?: { name: string }[] }).candidates?.[0]).toEqual({ areaCode: '32.73', name: 'Kota Bandung', within: 'Jawa Barat' });
    const withPhone = await rejected((r) => r.send(complaintBody({ location: { regency: 'Kota Bandung (WA 081299998888)' } })), 400);
    expect(messages(withPhone)).toMatch(/^location\.regency: /);
  });

  it('answers 400 naming an unknown nested field', async () => {
    const body = await rejected((r) => r.send(complaintBody({ location: { regency: 'Kota Bandung', street: 'x' } })), 400);
    expect(messages(body)).toMatch(/location\.street: is not a field of this request/);
  });

  it.each(['title', 'chronology', 'occurredAt', 'location', 'classification', 'anonymous', 'confidential'])(
    'answers 400 naming the missing field %s',
    async (field) => {
      const incomplete: Record<string, unknown> = complaintBody();
      delete incomplete[field];
      const body = await rejected((r) => r.send(incomplete), 400);
      expect(messages(body)).toContain(field);
    },
  );

  it.each([
    ['title', 42],
    ['occurredAt', 'last Tuesday'],
    ['classification', 'GRIEVANCE'],
    ['channel', 'FAX'],
    ['anonymous', 'yes'],
    ['location', 'Bandung'],
  ])('answers 400 naming %s when it has the wrong type', async (field, value) => {
    const body = await rejected((r) => r.send(complaintBody({ [field]: value })), 400);
    expect(messages(body)).toContain(field);
  });

  it('answers 400 naming reporter.nik when it is not 16 digits', async () => {
    const body = await rejected((r) => r.send(complaintBody({ reporter: { nik: '12345' } })), 400);
    expect(messages(body)).toContain('reporter.nik: must be exactly 16 digits');
  });

  it('answers 400 naming agencyId when the agency does not exist', async () => {
    const body = await rejected((r) => r.send(complaintBody({ agencyId: 'no-such-agency' })), 400);
    expect(messages(body)).toBe("agencyId: unknown agency 'no-such-agency'");
  });

  it('answers 413 to a body over 64 kB', async () => {
    const body = await rejected((r) => r.send(complaintBody({ chronology: 'x'.repeat(70 * 1024) })), 413);
    expect(messages(body)).toMatch(/larger than the 64 kB limit/);
  });

  it('answers 400 to an Idempotency-Key that is too long', async () => {
    const body = await rejected((r) => r.set('Idempotency-Key', 'k'.repeat(200)).send(complaintBody()), 400);
    expect(messages(body)).toMatch(/Idempotency-Key/);
  });

  it('answers 400 naming trackingId when it is malformed', async () => {
    const { VERIFIER } = (await createOfficers(t, [])).national;
    const res = await request(t.http).get('/v1/complaints/not-a-tracking-id').set(VERIFIER.auth).expect(400);
    expect(messages(res.body)).toMatch(/trackingId: must look like LPR-XXXX-XXXX/);
  });
});
