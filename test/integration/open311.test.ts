import { XMLParser } from 'fast-xml-parser';
import { randomBytes, randomInt } from 'node:crypto';
import request, { type Response } from 'supertest';
import { complaintBody, createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { registerIntegrationClient, type TestIntegrationClient } from '../support/integration-clients.js';
import { createOfficers, type Officers } from '../support/officers.js';
import { asText } from '../support/text-body.js';

const BASE = '/open311/v2';

/** Each test's own reporter, so a leak can only come from that test's answers. */
function reporter() {
  const tag = randomBytes(4).toString('hex');
  return {
    first_name: `Siti${tag}`,
    last_name: `Rahmawati${tag}`,
    email: `siti.${tag}@example.id`,
    phone: `+62812${String(randomInt(10_000_000, 99_999_999))}`,
    nik: `3273${String(randomInt(100_000_000, 999_999_999))}999`,
  };
}
type Reporter = ReturnType<typeof reporter>;

/** Everything a reporter is known by, as raw text that must never appear in an Open311 answer. */
const identityOf = (r: Reporter) => [r.first_name, r.last_name, r.email, r.phone, r.phone.replace('+', ''), r.nik];

function expectNoIdentity(r: Reporter, ...responses: Response[]) {
  for (const res of responses) {
    const text = bodyText(res);
    for (const secret of identityOf(r)) expect(text).not.toContain(secret);
  }
}


const bodyText = (res: Response): string => (typeof res.body === 'string' ? res.body : (res.text ?? JSON.stringify(res.body)));

const xml = new XMLParser({ isArray: (name) => ['service', 'request', 'error'].includes(name), parseTagValue: false });

describe('Open311 GeoReport v2', () => {
  let t: TestApp;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;
  let officers: Officers;
  let app: TestIntegrationClient;

  beforeAll(async () => {
    t = await createTestApp();
    agencies = await createAgencies(t.prisma);
    officers = await createOfficers(t, [agencies.makassar.id]);
    app = await registerIntegrationClient(t, officers.national.SYSADMIN, 'WEB', 'Aplikasi pengaduan kota');
  });
  afterAll(() => t.close());

  /** POST requests.json as a form, the way Open311 clients send it. */
  function postForm(fields: Record<string, string>, format: 'json' | 'xml' = 'json') {
    const req = request(t.http).post(`${BASE}/requests.${format}`).type('form').send(new URLSearchParams(fields).toString());
    return format === 'xml' ? asText(req) : req;
  }

  function formFor(r: Reporter, marker: string, extra: Record<string, string> = {}) {
    return {
      service_code: 'ASPIRATION',
      description: `Lampu jalan di Jalan Merdeka padam sejak dua minggu ${marker}. Warga sudah melapor ke kelurahan tanpa hasil.`,
      address_string: 'Kota Bandung',
      'attribute[occurred_at]': '2026-08-02T09:00:00+07:00',
      first_name: r.first_name,
      last_name: r.last_name,
      email: r.email,
      phone: r.phone,
      api_key: app.apiKey,
      ...extra,
    };
  }

  it('lists one service per classification, as JSON and as XML', async () => {
    const json = await request(t.http).get(`${BASE}/services.json`).set('Accept-Language', 'id').expect(200).expect('Content-Type', /application\/json/);
    expect(json.body).toEqual([
      expect.objectContaining({ service_code: 'COMPLAINT', service_name: 'Pengaduan', metadata: false, type: 'realtime' }),
      expect.objectContaining({ service_code: 'ASPIRATION', service_name: 'Aspirasi', metadata: false, type: 'realtime' }),
      expect.objectContaining({ service_code: 'INFORMATION_REQUEST', service_name: 'Permintaan informasi', metadata: false, type: 'realtime' }),
    ]);
    for (const service of json.body) expect(Object.keys(service).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);

    const res = await asText(request(t.http).get(`${BASE}/services.xml`).set('Accept-Language', 'id')).expect(200).expect('Content-Type', 'text/xml; charset=utf-8');
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><services><service>/);
    const doc = xml.parse(res.body as string);
    expect(doc.services.service.map((s: { service_code: string }) => s.service_code)).toEqual(['COMPLAINT', 'ASPIRATION', 'INFORMATION_REQUEST']);
    expect(doc.services.service[0]).toMatchObject({ service_name: 'Pengaduan', metadata: 'false', type: 'realtime' });
  });

  it('creates a request from a form: tracking ID and access code answered, identity kept only in reporter_identities', async () => {
    const r = reporter();
    const marker = randomBytes(6).toString('hex');
    const created = await postForm(formFor(r, marker)).expect(201);
    expect(created.body).toEqual([
      { service_request_id: expect.stringMatching(/^LPR-/), service_notice: expect.any(String), account_id: null, token: null, access_code: expect.any(String) },
    ]);
    const [{ service_request_id: id, access_code: code }] = created.body;

    const stored = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: id }, include: { reporter: true } });
    expect(stored).toMatchObject({
      classification: 'ASPIRATION',
      channel: 'WEB',
      regency: 'Kota Bandung',
      anonymous: false,
      confidential: false,
      chronology: formFor(r, marker).description,
      title: formFor(r, marker).description.slice(0, 120).trimEnd(),
      occurredAt: new Date('2026-08-02T09:00:00+07:00'),
    });
    expect(stored.reporter).toMatchObject({ name: `${r.first_name} ${r.last_name}`, email: r.email, phone: r.phone, nik: null });
    // The complaint row itself carries none of it.
    const [row] = await t.prisma.$queryRaw<{ json: string }[]>`SELECT row_to_json(c)::text AS json FROM complaints c WHERE tracking_id = ${id}`;
    for (const secret of identityOf(r)) expect(row.json).not.toContain(secret);

    // The access code opens the reporter's tracking page.
    await request(t.http).get(`/v1/track/${id}`).set('X-Access-Code', code).expect(200);

    const asXml = await postForm(formFor(r, `${marker}-xml`), 'xml').expect(201).expect('Content-Type', 'text/xml; charset=utf-8');
    const doc = xml.parse(asXml.body as string);
    expect(doc.service_requests.request).toEqual([
      { service_request_id: expect.stringMatching(/^LPR-/), service_notice: expect.any(String), account_id: '', token: '', access_code: expect.any(String) },
    ]);
    expectNoIdentity(r, created, asXml);
  });

  it('answers a repeat with the same Idempotency-Key with the same request and code, even without occurred_at', async () => {
    const r = reporter();
    const form = formFor(r, randomBytes(6).toString('hex'));
    delete (form as Record<string, string>)['attribute[occurred_at]'];
    const key = `open311-${randomBytes(8).toString('hex')}`;
    const first = await postForm(form).set('Idempotency-Key', key).expect(201);
    const again = await postForm(form).set('Idempotency-Key', key).expect(201).expect('Idempotent-Replayed', 'true');
    expect(again.body).toEqual(first.body);
    expect(await t.prisma.idempotencyKey.count({ where: { key } })).toBe(1);
  });

  it('lists requests as JSON and XML with expected_datetime = the resolution target, and filters per spec', async () => {
    const r = reporter();
    const start = new Date(Date.now() - 1000).toISOString();
    const title = `KTP-el <belum> & "lama" ${randomBytes(6).toString('hex')}`;
    const submitted = await request(t.http)
      .post('/v1/complaints')
      .send(complaintBody({ title, classification: 'INFORMATION_REQUEST', agencyId: agencies.makassar.id, reporter: { name: `${r.first_name} ${r.last_name}`, phone: r.phone, email: r.email, nik: r.nik } }))
      .expect(201);
    const id: string = submitted.body.trackingId;
    // Disposed to the agency, its clocks run: citizens expect the resolution target, not the assignment clock due first.
    const verified = await request(t.http)
      .post(`/v1/complaints/${id}/verify`)
      .set(officers.national.VERIFIER.auth)
      .send({ agencyId: agencies.makassar.id, complexity: 'SIMPLE' })
      .expect(200);
    const resolutionDue = verified.body.deadlines.find((d: { stage: string }) => d.stage === 'resolution').dueAt as string;
    const deadline = await eventually(async () => {
      const row = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: id } });
      return row.status === 'DISPOSED' && row.nextDeadlineAt ? new Date(resolutionDue) : undefined;
    });
    expect(deadline.getTime()).toBeGreaterThan((await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: id } })).nextDeadlineAt!.getTime());

    const list = await request(t.http).get(`${BASE}/requests.json`).query({ service_request_id: id }).expect(200);
    expect(list.body).toEqual([
      {
        service_request_id: id,
        status: 'open',
        status_notes: expect.stringContaining('DISPOSED'),
        service_name: 'Information request',
        service_code: 'INFORMATION_REQUEST',
        description: title,
        agency_responsible: agencies.makassar.name,
        service_notice: null,
        requested_datetime: submitted.body.submittedAt,
        updated_datetime: expect.any(String),
        expected_datetime: deadline.toISOString(),
        address: 'Kota Bandung',
        // No evidence file published (test/integration/evidence-files.test.ts shows one that is).
        media_url: null,
      },
    ]);

    const one = await request(t.http).get(`${BASE}/requests/${id}.json`).expect(200);
    expect(one.body).toEqual(list.body);

    const listXml = await asText(request(t.http).get(`${BASE}/requests.xml`).query({ service_request_id: id })).expect(200).expect('Content-Type', 'text/xml; charset=utf-8');
    const oneXml = await asText(request(t.http).get(`${BASE}/requests/${id}.xml`)).expect(200);
    for (const res of [listXml, oneXml]) {
      const doc = xml.parse(res.body as string);
      expect(doc.service_requests.request).toHaveLength(1);
      expect(doc.service_requests.request[0]).toMatchObject({ service_request_id: id, status: 'open', description: title, expected_datetime: deadline.toISOString(), service_notice: '' });
    }

    // Filters: code, status and date window (limit wide enough for other test files running alongside).
    const ids = async (query: Record<string, string | number>) =>
      (await request(t.http).get(`${BASE}/requests.json`).query({ start_date: start, limit: 1000, ...query }).expect(200)).body.map(
        (x: { service_request_id: string }) => x.service_request_id,
      );
    expect(await ids({ service_code: 'INFORMATION_REQUEST,ASPIRATION', status: 'open' })).toContain(id);
    expect(await ids({ service_code: 'COMPLAINT' })).not.toContain(id);
    expect(await ids({ status: 'closed' })).not.toContain(id);
    expect(await ids({ end_date: start })).not.toContain(id);
    expectNoIdentity(r, submitted, list, one, listXml, oneXml);
  });

  it('never lists nor serves a confidential complaint: 404 in the spec error format', async () => {
    const r = reporter();
    const viaApi = await request(t.http)
      .post('/v1/complaints')
      .send(complaintBody({ confidential: true, reporter: { name: r.first_name, phone: r.phone, email: r.email, nik: r.nik } }))
      .expect(201);
    const viaForm = await postForm(formFor(r, randomBytes(6).toString('hex'), { 'attribute[confidential]': 'true', 'attribute[anonymous]': 'true' })).expect(201);
    const ids = [viaApi.body.trackingId as string, viaForm.body[0].service_request_id as string];
    expect(await t.prisma.complaint.count({ where: { trackingId: { in: ids }, confidential: true } })).toBe(2);
    expect(await t.prisma.complaint.count({ where: { trackingId: ids[1], anonymous: true } })).toBe(1);

    const listed = await request(t.http).get(`${BASE}/requests.json`).query({ service_request_id: ids.join(',') }).expect(200);
    expect(listed.body).toEqual([]);
    const recent = await request(t.http).get(`${BASE}/requests.json`).query({ limit: 1000 }).expect(200);
    expect(recent.body.map((x: { service_request_id: string }) => x.service_request_id)).not.toEqual(expect.arrayContaining([ids[0]]));
    expect(recent.body.map((x: { service_request_id: string }) => x.service_request_id)).not.toEqual(expect.arrayContaining([ids[1]]));

    for (const id of ids) {
      const json = await request(t.http).get(`${BASE}/requests/${id}.json`).expect(404).expect('Content-Type', /application\/json/);
      expect(json.body).toEqual([{ code: 404, description: expect.stringContaining(id) }]);
      const res = await asText(request(t.http).get(`${BASE}/requests/${id}.xml`)).expect(404).expect('Content-Type', 'text/xml; charset=utf-8');
      expect(xml.parse(res.body as string)).toEqual({ '?xml': '', errors: { error: [{ code: '404', description: expect.stringContaining(id) }] } });
      expectNoIdentity(r, json, res);
    }
    expectNoIdentity(r, viaForm, listed, recent);
  });

  it('refuses a request without address_string with 400 naming it, and stores nothing', async () => {
    const r = reporter();
    const marker = randomBytes(6).toString('hex');
    const form: Record<string, string> = formFor(r, marker);
    delete form.address_string;
    const res = await postForm(form).expect(400).expect('Content-Type', /application\/json/);
    expect(res.body).toEqual([{ code: 400, description: expect.stringContaining('address_string') }]);

    const asXml = await postForm({ ...form, service_code: 'POTHOLE', 'attribute[occurred_at]': 'yesterday' }, 'xml').expect(400).expect('Content-Type', 'text/xml; charset=utf-8');
    expect(asXml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><errors><error><code>400<\/code><description>/);
    const descriptions = xml.parse(asXml.body as string).errors.error.map((e: { code: string; description: string }) => `${e.code} ${e.description}`);
    expect(descriptions).toEqual(expect.arrayContaining([expect.stringMatching(/^400 address_string/), expect.stringMatching(/^400 attribute\.occurred_at/)]));
    expect(await t.prisma.complaint.count({ where: { chronology: { contains: marker } } })).toBe(0);
    expectNoIdentity(r, res, asXml);
  });

  it('answers unknown routes and unknown requests in the spec error format', async () => {
    const missing = await request(t.http).get(`${BASE}/requests/LPR-0000-0000.json`).expect(404);
    expect(missing.body).toEqual([{ code: 404, description: expect.stringContaining('LPR-0000-0000') }]);
    const route = await asText(request(t.http).get(`${BASE}/nothing.xml`)).expect(404).expect('Content-Type', 'text/xml; charset=utf-8');
    expect(xml.parse(route.body as string).errors.error).toEqual([{ code: '404', description: expect.any(String) }]);
    const badQuery = await request(t.http).get(`${BASE}/requests.json`).query({ status: 'pending' }).expect(400);
    expect(badQuery.body).toEqual([{ code: 400, description: expect.stringMatching(/^status/) }]);
    // The rest of the API keeps its own error shape.
    const v1 = await request(t.http).get('/v1/nothing').expect(404);
    expect(v1.body).toMatchObject({ statusCode: 404 });
  });

  it('serves the public transparency list without an account', async () => {
    const res = await request(t.http).get('/v1/public/complaints').query({ limit: 1 }).expect(200);
    expect(res.body).toMatchObject({ items: expect.any(Array) });
  });

  it("rate-limits a client app's submissions with 429 in the spec error format", async () => {
    const limited = await createTestApp({ INTEGRATION_RATE_LIMIT_PER_MINUTE: '1' });
    try {
      const post = () => request(limited.http).post(`${BASE}/requests.json`).type('form').send(`service_code=COMPLAINT&api_key=${encodeURIComponent(app.apiKey)}`);
      await post().expect(400);
      const res = await post().expect(429);
      expect(res.body).toEqual([{ code: 429, description: expect.any(String) }]);
    } finally {
      await limited.close();
    }
  });
});
