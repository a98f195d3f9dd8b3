// Issue 11, items 5 and 6: only verified, non-confidential, non-archived complaints are public, their
// published text is scrubbed of contact data (officers see the original), and agencies see a complaint
// only once it is disposed to them.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { complaintBody, createAgencies, createTestApp, type TestApp } from '../support/app.js';
import { registerIntegrationClient } from '../support/integration-clients.js';
import { createOfficers, type Officers } from '../support/officers.js';

const OPEN311 = '/open311/v2';

describe('what the public sees', () => {
  let t: TestApp;
  let officers: Officers;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;

  beforeAll(async () => {
    t = await createTestApp();
    agencies = await createAgencies(t.prisma);
    officers = await createOfficers(t, [agencies.jakarta.id]);
  });
  afterAll(() => t.close());

  const submit = async (overrides: Record<string, unknown> = {}) =>
    (await request(t.http).post('/v1/complaints').send(complaintBody({ title: `Jalan rusak ${randomBytes(3).toString('hex')}`, ...overrides })).expect(201)).body as {
      trackingId: string;
    };
  const verify = (trackingId: string) =>
    request(t.http).post(`/v1/complaints/${trackingId}/verify`).set(officers.national.VERIFIER.auth).send({ agencyId: agencies.jakarta.id }).expect(200);

  /** The public list, newest first, read until it passes the complaint's submission: present or provably absent. */
  async function onPublicList(trackingId: string): Promise<{ title: string } | undefined> {
    const row = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId } });
    let cursor: string | undefined;
    for (;;) {
      const page = await request(t.http).get('/v1/public/complaints').query({ limit: 100, ...(cursor ? { cursor } : {}) }).expect(200);
      const items = page.body.items as { trackingId: string; title: string; submittedAt: string }[];
      const found = items.find((i) => i.trackingId === trackingId);
      if (found) return found;
      if (!page.body.nextCursor || items.some((i) => Date.parse(i.submittedAt) < row.submittedAt.getTime())) return undefined;
      cursor = page.body.nextCursor;
    }
  }
  const onOpen311 = async (trackingId: string) => (await request(t.http).get(`${OPEN311}/requests/${trackingId}.json`)).status;
  const inOpen311List = async (trackingId: string) =>
    ((await request(t.http).get(`${OPEN311}/requests.json`).query({ service_request_id: trackingId }).expect(200)).body as unknown[]).length;

  it('publishes nothing of a complaint before a verifier has looked at it', async () => {
    const { trackingId } = await submit();
    expect(await onPublicList(trackingId)).toBeUndefined();
    expect(await onOpen311(trackingId)).toBe(404);
    expect(await inOpen311List(trackingId)).toBe(0);
    await verify(trackingId);
    expect(await onPublicList(trackingId)).toBeDefined();
    expect(await onOpen311(trackingId)).toBe(200);
    expect(await inOpen311List(trackingId)).toBe(1);
  });

  it('never publishes a complaint archived as spam, nor a confidential one', async () => {
    const spam = await submit({ title: 'BELI OBAT MURAH http://spam.example/obat' });
    await request(t.http).post(`/v1/complaints/${spam.trackingId}/archive`).set(officers.national.VERIFIER.auth).send({ reason: 'SPAM' }).expect(200);
    expect(await onOpen311(spam.trackingId)).toBe(404);
    expect(await inOpen311List(spam.trackingId)).toBe(0);
    expect(await onPublicList(spam.trackingId)).toBeUndefined();
    const confidential = await submit({ confidential: true });
    await verify(confidential.trackingId);
    expect(await onOpen311(confidential.trackingId)).toBe(404);
    expect(await onPublicList(confidential.trackingId)).toBeUndefined();
  });

  it('scrubs phone numbers, e-mail addresses, NIK-like numbers and links from published text; officers see the original', async () => {
    const title = 'Pungli di kantor desa, hubungi 0812-3456-7890 atau +62 813 1111 2222, siti@example.id, NIK 3273012345678901, bukti https://bit.ly/xyz';
    const { trackingId } = await submit({ title, location: { regency: 'Kota Bandung' } });
    await verify(trackingId);
    const published = JSON.stringify([await onPublicList(trackingId), (await request(t.http).get(`${OPEN311}/requests/${trackingId}.json`).expect(200)).body]);
    for (const secret of ['0812-3456-7890', '813 1111 2222', 'siti@example.id', '3273012345678901', 'bit.ly']) expect(published).not.toContain(secret);
    expect(published).toContain('Pungli di kantor desa');
    const officerView = await request(t.http).get(`/v1/complaints/${trackingId}`).set(officers.national.VERIFIER.auth).expect(200);
    expect(officerView.body.title).toBe(title);
  });

  it('scrubs an SMS whose text becomes the public title', async () => {
    const gateway = await registerIntegrationClient(t, officers.national.SYSADMIN, 'SMS');
    const sms = await request(t.http).post('/v1/channels/sms').set(gateway.header).send({ from: '+6281311112222', text: 'LAPOR#Kota Bogor#Air PDAM mati, tlp 0251-8321-123 www.contoh.id' }).expect(200);
    await verify(sms.body.trackingId);
    const published = JSON.stringify(await onPublicList(sms.body.trackingId));
    expect(published).toContain('Air PDAM mati');
    expect(published).not.toContain('0251-8321-123');
    expect(published).not.toContain('www.contoh.id');
  });
});

describe('agencies see a complaint once it is disposed to them', () => {
  let t: TestApp;
  let officers: Officers;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;

  beforeAll(async () => {
    t = await createTestApp();
    agencies = await createAgencies(t.prisma);
    officers = await createOfficers(t, [agencies.jakarta.id, agencies.makassar.id]);
  });
  afterAll(() => t.close());

  it("keeps a reporter's suggested agency from seeing the complaint before disposal; the verifier sees the suggestion", async () => {
    const suggested = agencies.makassar.id;
    const res = await request(t.http).post('/v1/complaints').send(complaintBody({ agencyId: suggested })).expect(201);
    const { trackingId } = res.body as { trackingId: string };
    const agencyOfficers = officers.byAgency[suggested];
    for (const officer of [agencyOfficers.AGENCY_ADMIN, agencyOfficers.SUPERVISOR, agencyOfficers.COMPLAINT_MANAGER]) {
      await request(t.http).get(`/v1/complaints/${trackingId}`).set(officer.auth).expect(404);
      const queue = await request(t.http).get('/v1/complaints').query({ limit: 100 }).set(officer.auth).expect(200);
      expect(queue.body.items.map((i: { trackingId: string }) => i.trackingId)).not.toContain(trackingId);
    }
    const forVerifier = await request(t.http).get(`/v1/complaints/${trackingId}`).set(officers.national.VERIFIER.auth).expect(200);
    expect(forVerifier.body).toMatchObject({ agencyId: null, suggestedAgencyId: suggested });
    // National supervision oversees what has not reached an agency, suggestion or not.
    await request(t.http).get(`/v1/complaints/${trackingId}`).set(officers.nationalSupervision.COMPLAINT_MANAGER.auth).expect(200);

    await request(t.http).post(`/v1/complaints/${trackingId}/verify`).set(officers.national.VERIFIER.auth).send({ agencyId: agencies.jakarta.id }).expect(200);
    await request(t.http).get(`/v1/complaints/${trackingId}`).set(officers.byAgency[agencies.jakarta.id].AGENCY_ADMIN.auth).expect(200);
    await request(t.http).get(`/v1/complaints/${trackingId}`).set(agencyOfficers.AGENCY_ADMIN.auth).expect(404);
  });
});
