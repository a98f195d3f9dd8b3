import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { ComplaintDriver, driverFor } from '../support/lifecycle.js';

describe('work queue and public list', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;

  beforeAll(async () => {
    t = await createTestApp();
    agencies = await createAgencies(t.prisma);
    c = await driverFor(t, agencies);
  });
  afterAll(() => t.close());

  it('lists an agency’s complaints by next deadline, in keyset pages, without reporter data', async () => {
    const ids: string[] = [];
    for (const complexity of ['INVESTIGATION', 'SIMPLE', 'NORMAL']) {
      const id = await c.submit();
      await c.act(id, 'verify', { agencyId: agencies.jayapura.id, complexity });
      ids.push(id);
    }
    const all = await eventually(async () => {
      const res = await request(t.http).get('/v1/complaints').set(c.officers.national.VERIFIER.auth).query({ agencyId: agencies.jayapura.id }).expect(200);
      return res.body.items.length === 3 && res.body.items.every((i: { nextDeadlineAt: string | null }) => i.nextDeadlineAt) ? res.body : undefined;
    });
    const deadlines = all.items.map((i: { nextDeadlineAt: string }) => Date.parse(i.nextDeadlineAt));
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(all.nextCursor).toBeNull();
    expect(JSON.stringify(all)).not.toMatch(/Siti|6281234567890|3273012345678901|reporter/);

    const first = await request(t.http).get('/v1/complaints').set(c.officers.national.VERIFIER.auth).query({ agencyId: agencies.jayapura.id, limit: 2 }).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await request(t.http)
      .get('/v1/complaints')
      .set(c.officers.national.VERIFIER.auth)
      .query({ agencyId: agencies.jayapura.id, limit: 2, cursor: first.body.nextCursor })
      .expect(200);
    expect(second.body).toMatchObject({ nextCursor: null });
    expect([...first.body.items, ...second.body.items].map((i: { trackingId: string }) => i.trackingId)).toEqual(
      all.items.map((i: { trackingId: string }) => i.trackingId),
    );
    const disposed = await request(t.http).get('/v1/complaints').set(c.officers.national.VERIFIER.auth).query({ agencyId: agencies.jayapura.id, status: 'DISPOSED', breached: 'false' }).expect(200);
    expect(disposed.body.items).toHaveLength(3);
    const escalated = await request(t.http).get('/v1/complaints').set(c.officers.national.VERIFIER.auth).query({ agencyId: agencies.jayapura.id, breached: 'true' }).expect(200);
    expect(escalated.body.items).toEqual([]);
  });

  it.each([
    [{ status: 'LOST' }, /status: must be one of/],
    [{ cursor: 'bm90LWEtY3Vyc29y' }, /cursor: not a cursor this API gave out/],
    [{ limit: '1000' }, /limit: must be at most 200/],
    [{ dueBefore: 'soon' }, /dueBefore: must be an ISO-8601 date and time/],
  ])('answers 400 naming the field for %j', async (query, message) => {
    const res = await request(t.http).get('/v1/complaints').set(c.officers.national.VERIFIER.auth).query(query).expect(400);
    expect([res.body.message].flat().join(' ')).toMatch(message);
  });

  it('shows the public only verified, non-confidential complaints, newest first, with no reporter data', async () => {
    const marker = randomUUID();
    const secret = await c.submit({ title: `rahasia ${marker}`, confidential: true });
    const open = await c.submit({ title: `terbuka ${marker}` });
    for (const id of [secret, open]) await c.act(id, 'verify', { agencyId: agencies.jakarta.id });
    const res = await request(t.http).get('/v1/public/complaints').query({ limit: 50 }).expect(200);
    const tracking = res.body.items.map((i: { trackingId: string }) => i.trackingId);
    expect(tracking).toContain(open);
    expect(tracking).not.toContain(secret);
    expect(res.body.items.find((i: { trackingId: string }) => i.trackingId === open)).toEqual({
      trackingId: open,
      title: `terbuka ${marker}`,
      location: { regency: 'Kota Bandung' },
      classification: 'COMPLAINT',
      status: 'DISPOSED',
      agency: { id: agencies.jakarta.id, name: agencies.jakarta.name },
      submittedAt: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Siti|6281234567890|3273012345678901/);
  });
});
