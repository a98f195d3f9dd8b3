// Issue 11, item 10: Open311 GeoReport v2 as the spec's field list has it — api_key for POST (403),
// 404 for unknown service codes, the description's length, the 90-day window, empty filters, text/xml,
// and errors always the spec's list in the requested format.
import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { createAgencies, createTestApp, insertComplaintRow, type TestApp } from '../support/app.js';
import { registerIntegrationClient, type TestIntegrationClient } from '../support/integration-clients.js';
import { createOfficers, type Officers } from '../support/officers.js';
import { asText } from '../support/text-body.js';

const BASE = '/open311/v2';
const DAY_MS = 86_400_000;
const xml = new XMLParser({ isArray: (name) => ['error', 'request'].includes(name), parseTagValue: false });

describe('Open311 GeoReport v2 conformance', () => {
  let t: TestApp;
  let officers: Officers;
  let app: TestIntegrationClient;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;

  beforeAll(async () => {
    t = await createTestApp();
    agencies = await createAgencies(t.prisma);
    officers = await createOfficers(t, []);
    app = await registerIntegrationClient(t, officers.national.SYSADMIN, 'WEB', 'Aplikasi Kota Bandung');
  });
  afterAll(() => t.close());

  const form = (fields: Record<string, string>) => new URLSearchParams({ service_code: 'COMPLAINT', description: 'Lampu jalan padam', address_string: 'Kota Bandung', ...fields }).toString();
  const post = (fields: Record<string, string>, format = 'json') => request(t.http).post(`${BASE}/requests.${format}`).type('form').send(form(fields));

  it('answers 403 to a POST without a valid api_key, in the spec error format, filing nothing', async () => {
    const none = await post({ description: 'tanpa kunci 1' }).expect(403);
    expect(none.body).toEqual([{ code: 403, description: expect.stringMatching(/api_key/) }]);
    await post({ api_key: 'not-a-key', description: 'tanpa kunci 2' }).expect(403);
    await post({ api_key: `${app.id}.wrong-secret-wrong-secret-wrong-secret`, description: 'tanpa kunci 3' }).expect(403);
    expect(await t.prisma.complaint.count({ where: { title: { startsWith: 'tanpa kunci' } } })).toBe(0);
    const ok = await post({ api_key: app.apiKey }).expect(201);
    const row = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: ok.body[0].service_request_id } });
    expect(row.channel).toBe('WEB');
  });

  it('answers 404 for an unknown service_code, on POST and on GET', async () => {
    const posted = await post({ api_key: app.apiKey, service_code: 'POTHOLE' }).expect(404);
    expect(posted.body).toEqual([{ code: 404, description: expect.stringMatching(/service_code/) }]);
    const listed = await request(t.http).get(`${BASE}/requests.json`).query({ service_code: 'POTHOLE' }).expect(404);
    expect(listed.body).toEqual([{ code: 404, description: expect.stringMatching(/service_code/) }]);
  });

  it("refuses a description over the spec's 4,000 characters", async () => {
    const res = await post({ api_key: app.apiKey, description: 'a'.repeat(4001) }).expect(400);
    expect(res.body).toEqual([{ code: 400, description: expect.stringMatching(/^description/) }]);
    await post({ api_key: app.apiKey, description: 'b'.repeat(4000) }).expect(201);
  });

  it('refuses a date range over 90 days, and without dates answers the last 90 days', async () => {
    const tooWide = await request(t.http).get(`${BASE}/requests.json`).query({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }).expect(400);
    expect(tooWide.body).toEqual([{ code: 400, description: expect.stringMatching(/90 days/) }]);
    const old = await insertComplaintRow(t.prisma, {
      submittedAt: new Date(Date.now() - 100 * DAY_MS),
      occurredAt: new Date(Date.now() - 101 * DAY_MS),
      status: 'DISPOSED',
      agencyId: agencies.jakarta.id,
      disposedAt: new Date(Date.now() - 99 * DAY_MS),
    });
    const recent = await request(t.http).get(`${BASE}/requests.json`).query({ limit: 1000 }).expect(200);
    expect(recent.body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(old.trackingId);
    for (const r of recent.body as { requested_datetime: string }[]) expect(Date.parse(r.requested_datetime)).toBeGreaterThan(Date.now() - 91 * DAY_MS);
    const start = new Date(Date.now() - 101 * DAY_MS).toISOString();
    const end = new Date(Date.now() - 95 * DAY_MS).toISOString();
    const window = await request(t.http).get(`${BASE}/requests.json`).query({ start_date: start, end_date: end }).expect(200);
    expect(window.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(old.trackingId);
    // A start date alone opens a 90-day window from it, and an end date alone the 90 days before it.
    await request(t.http).get(`${BASE}/requests.json`).query({ start_date: start }).expect(200);
    await request(t.http).get(`${BASE}/requests.json`).query({ end_date: end }).expect(200);
  });

  it('treats empty status= and service_code= as absent', async () => {
    await request(t.http).get(`${BASE}/requests.json?status=&service_code=`).expect(200);
  });

  it('serves XML as text/xml, errors included, and every error as the list in the format asked for', async () => {
    const services = await asText(request(t.http).get(`${BASE}/services.xml`)).expect(200);
    expect(services.headers['content-type']).toBe('text/xml; charset=utf-8');
    const missing = await asText(request(t.http).get(`${BASE}/nothing.xml`)).expect(404);
    expect(missing.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.parse(missing.body as string).errors.error).toEqual([{ code: '404', description: expect.any(String) }]);
    const forbidden = await asText(post({ description: 'xml tanpa kunci' }, 'xml')).expect(403);
    expect(xml.parse(forbidden.body as string).errors.error).toEqual([{ code: '403', description: expect.any(String) }]);
    const tooLarge = await request(t.http).post(`${BASE}/requests.json`).type('form').send(form({ api_key: app.apiKey, description: 'x'.repeat(70_000) })).expect(413);
    expect(tooLarge.body).toEqual([{ code: 413, description: expect.any(String) }]);
    const wrongMethod = await request(t.http).delete(`${BASE}/requests.json`).expect(404);
    expect(wrongMethod.body).toEqual([{ code: 404, description: expect.any(String) }]);
  });
});
