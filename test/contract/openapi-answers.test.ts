// Real answers against the committed OpenAPI document: every read endpoint for several roles, each
// lifecycle action's answer and representative error answers must match the schema documented for their
// path, method and status (JSON Schema 2020-12, as OpenAPI 3.1 uses it).
import { readFileSync } from 'node:fs';
import Ajv2020Module, { type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import request, { type Response } from 'supertest';
import { OPENAPI_JSON } from '../../scripts/openapi-document.js';
import { complaintBody, createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { jpegWithExif, plainJpeg, zipArchive } from '../support/evidence-files.js';
import { ComplaintDriver, driverFor, LIAISON } from '../support/lifecycle.js';
import type { TestOfficer } from '../support/officers.js';

type Method = 'get' | 'post';
interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: object;
}

const document = JSON.parse(readFileSync(OPENAPI_JSON, 'utf8')) as OpenApi;

/** Objects with declared properties admit no others here, so a field the document does not name fails too. */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (!node || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'example' ? value : closed(value)]));
  return 'properties' in copy && !('additionalProperties' in copy) ? { ...copy, additionalProperties: false } : copy;
}
const components = closed(document.components);
// `example` and OpenAPI's own keywords are not JSON Schema vocabulary: not strict about unknown keywords.
// Both are CommonJS modules whose export is also their `default`.
const ajv = ajvFormats.default(new Ajv2020Module.default({ strict: false, allErrors: true }));
const validators = new Map<string, ValidateFunction>();

/** The validator of the JSON answer documented for this operation and status; fails when it is not documented. */
function validatorFor(method: Method, path: string, status: number): ValidateFunction {
  const key = `${method} ${path} ${status}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const responses = document.paths[path]?.[method]?.responses;
  if (!responses) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
  const schema = responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} does not document a JSON ${status} answer (has ${Object.keys(responses).join(', ')})`);
  // Component references (#/components/...) resolve against this root, which carries the components.
  const validate = ajv.compile({ ...(closed(schema) as object), components });
  validators.set(key, validate);
  return validate;
}

/** The answer's body matches its documented schema: the problems, none expected. */
function problemsOf(res: Response, method: Method, path: string): string[] {
  const validate = validatorFor(method, path, res.status);
  if (validate(res.body)) return [];
  return (validate.errors ?? []).map((e) => `${method.toUpperCase()} ${path} ${res.status}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

describe('real answers match the OpenAPI document', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;
  let closed: string;
  const problems: string[] = [];
  const check = (res: Response, method: Method, path: string) => problems.push(...problemsOf(res, method, path));

  beforeAll(async () => {
    t = await createTestApp();
    agencies = await createAgencies(t.prisma);
    c = await driverFor(t, agencies);
  });
  afterAll(() => t.close());

  const get = (url: string, officer?: TestOfficer) => {
    const req = request(t.http).get(url);
    return officer ? req.set(officer.auth) : req;
  };

  it('the API serves the committed document at /openapi.json, and Swagger UI at /docs', async () => {
    const served = await request(t.http).get('/openapi.json').expect(200).expect('Content-Type', /json/);
    expect(served.body).toEqual(document);
    await request(t.http).get('/docs').expect(200).expect('Content-Type', /html/);
  });

  it('lifecycle action answers, from submission to closing, and the reporter’s view', async () => {
    const submitted = await request(t.http).post('/v1/complaints').send(complaintBody());
    check(submitted, 'post', '/v1/complaints');
    const id = submitted.body.trackingId as string;
    const code = submitted.body.accessCode as string;
    const act = async (action: string, body: Record<string, unknown>) => {
      const officer = await c.officer(id, ({ verify: 'VERIFIER', assign: 'AGENCY_ADMIN', 'follow-up': 'LIAISON', resolve: 'LIAISON' } as const)[action as 'verify']);
      if (body.liaisonId === LIAISON) body.liaisonId = (await c.officer(id, 'LIAISON')).id;
      const res = await request(t.http).post(`/v1/complaints/${id}/${action}`).set(officer.auth).send(body).expect(200);
      check(res, 'post', `/v1/complaints/{trackingId}/${action}`);
    };
    await act('verify', { agencyId: agencies.jakarta.id, complexity: 'SIMPLE' });
    await act('assign', { liaisonId: LIAISON });
    await act('follow-up', { text: 'Tim sudah meninjau lokasi.' });
    await act('resolve', { answer: 'Sudah diperbaiki.' });
    check(await request(t.http).get(`/v1/track/${id}`).set('X-Access-Code', code).expect(200), 'get', '/v1/track/{trackingId}');
    const accepted = await request(t.http).post(`/v1/track/${id}/accept`).set('X-Access-Code', code).send({ rating: 5, comment: 'Terima kasih' }).expect(200);
    check(accepted, 'post', '/v1/track/{trackingId}/accept');
    check(await request(t.http).get(`/v1/track/${id}`).set('X-Access-Code', code).expect(200), 'get', '/v1/track/{trackingId}');
    closed = id;
    expect(problems.splice(0)).toEqual([]);
  });

  it('the other action answers: clarification both ways, dispute, redirect, extension, archive', async () => {
    const asked = await c.submit();
    check(await request(t.http).post(`/v1/complaints/${asked}/request-clarification`).set(c.officers.national.VERIFIER.auth).send({ question: 'Di kelurahan mana?' }).expect(200), 'post', '/v1/complaints/{trackingId}/request-clarification');
    check(await request(t.http).post(`/v1/track/${asked}/provide-clarification`).set('X-Access-Code', c.accessCode(asked)).send({ answer: 'Kelurahan Mawar.' }).expect(200), 'post', '/v1/track/{trackingId}/provide-clarification');
    check(
      await request(t.http).post(`/v1/complaints/${asked}/extend-deadline`).set((await c.officer(asked, 'SUPERVISOR')).auth).send({ stage: 'verification', extra: { workingDays: 1 }, reason: 'Menunggu data' }).expect(200),
      'post',
      '/v1/complaints/{trackingId}/extend-deadline',
    );
    check(await request(t.http).post(`/v1/complaints/${asked}/archive`).set(c.officers.national.VERIFIER.auth).send({ reason: 'DUPLICATE', note: 'Sama dengan laporan lain' }).expect(200), 'post', '/v1/complaints/{trackingId}/archive');

    const moved = await c.submit();
    await c.act(moved, 'verify', { agencyId: agencies.jakarta.id });
    check(
      await request(t.http).post(`/v1/complaints/${moved}/redirect`).set((await c.officer(moved, 'AGENCY_ADMIN')).auth).send({ toAgencyId: agencies.makassar.id, reason: 'Bukan wewenang' }).expect(200),
      'post',
      '/v1/complaints/{trackingId}/redirect',
    );

    const disputed = await c.submit();
    await c.act(disputed, 'verify', { agencyId: agencies.jayapura.id });
    await c.act(disputed, 'assign', { liaisonId: LIAISON });
    await c.act(disputed, 'resolve', { answer: 'Selesai.' });
    check(await request(t.http).post(`/v1/track/${disputed}/dispute`).set('X-Access-Code', c.accessCode(disputed)).send({ reason: 'Belum selesai.' }).expect(200), 'post', '/v1/track/{trackingId}/dispute');
    expect(problems.splice(0)).toEqual([]);
  });

  it('every read endpoint, for each role that reads it', async () => {
    const id = await c.submit({ agencyId: agencies.jakarta.id });
    await c.act(id, 'verify', { agencyId: agencies.jakarta.id });
    await c.act(id, 'assign', { liaisonId: LIAISON });
    const agency = c.officers.byAgency[agencies.jakarta.id];
    const { VERIFIER, AUDITOR, SYSADMIN, OMBUDSMAN } = c.officers.national;
    // The Ombudsman sees only what reached level 3 (its queue is empty here); the others see this complaint.
    const viewers = [VERIFIER, AUDITOR, SYSADMIN, agency.AGENCY_ADMIN, agency.LIAISON, agency.SUPERVISOR, agency.COMPLAINT_MANAGER];
    await eventually(async () => ((await get(`/v1/complaints?agencyId=${agencies.jakarta.id}`, VERIFIER)).body.items?.length ? true : undefined));
    for (const officer of viewers) check(await get(`/v1/complaints/${id}`, officer).expect(200), 'get', '/v1/complaints/{trackingId}');
    for (const officer of [...viewers, OMBUDSMAN]) {
      check(await get(`/v1/complaints?limit=5&status=IN_PROGRESS&breached=false`, officer).expect(200), 'get', '/v1/complaints');
      check(await get(`/v1/escalations?mine=false&open=false`, officer).expect(200), 'get', '/v1/escalations');
      check(await get('/v1/auth/me', officer).expect(200), 'get', '/v1/auth/me');
    }
    for (const officer of [AUDITOR, SYSADMIN, OMBUDSMAN, agency.AGENCY_ADMIN, agency.COMPLAINT_MANAGER]) {
      check(await get('/v1/reports/sla', officer).expect(200), 'get', '/v1/reports/sla');
    }
    // A what-if replay over the last hour (this file's complaints and any other suite's), then its reads.
    const started = await request(t.http).post('/v1/reports/what-if').set(AUDITOR.auth).send({ policyVersion: '2026.1', from: new Date(Date.now() - 3_600_000).toISOString() }).expect(202);
    check(started, 'post', '/v1/reports/what-if');
    const replay = started.body.id as string;
    await eventually(async () => ((await get(`/v1/reports/what-if/${replay}`, AUDITOR)).body.run?.status === 'RUNNING' ? undefined : true), 60_000);
    for (const officer of [AUDITOR, SYSADMIN]) {
      check(await get(`/v1/reports/what-if/${replay}`, officer).expect(200), 'get', '/v1/reports/what-if/{id}');
      check(await get(`/v1/reports/what-if/${replay}/differences?limit=500`, officer).expect(200), 'get', '/v1/reports/what-if/{id}/differences');
      check(await get('/v1/reports/what-if', officer).expect(200), 'get', '/v1/reports/what-if');
    }
    check(await request(t.http).post(`/v1/reports/what-if/${replay}/cancel`).set(SYSADMIN.auth).expect(202), 'post', '/v1/reports/what-if/{id}/cancel');
    check(await request(t.http).post('/v1/reports/what-if').set(AUDITOR.auth).send({ policyVersion: 'nope', from: '2026-01-01' }).expect(400), 'post', '/v1/reports/what-if');
    for (const officer of [AUDITOR, SYSADMIN]) {
      check(await get(`/v1/audit/complaints/${id}/history`, officer).expect(200), 'get', '/v1/audit/complaints/{trackingId}/history');
      if (closed) check(await get(`/v1/audit/complaints/${closed}/history`, officer).expect(200), 'get', '/v1/audit/complaints/{trackingId}/history');
    }
    check(await get('/v1/integration-clients', SYSADMIN).expect(200), 'get', '/v1/integration-clients');
    if (closed) check(await get(`/v1/complaints/${closed}`, VERIFIER).expect(200), 'get', '/v1/complaints/{trackingId}');
    // Anonymous: the public list, Open311 in JSON, health.
    check(await get('/v1/public/complaints?limit=20').expect(200), 'get', '/v1/public/complaints');
    check(await get('/open311/v2/services.json').expect(200), 'get', '/open311/v2/services.json');
    check(await get('/open311/v2/requests.json?limit=20').expect(200), 'get', '/open311/v2/requests.json');
    check(await get(`/open311/v2/requests/${id}.json`).expect(200), 'get', '/open311/v2/requests/{id}.json');
    check(await get('/health').expect(200), 'get', '/health');
    check(await get('/health/ready').expect(200), 'get', '/health/ready');
    expect(problems.splice(0)).toEqual([]);
  });

  it('evidence file answers: uploads, lists, publication, the public list, and their refusals', async () => {
    const id = await c.submit();
    const code = c.accessCode(id);
    const upload = (files: { content: Buffer; name: string }[]) => {
      const req = request(t.http).post(`/v1/track/${id}/attachments`).set('X-Access-Code', code).field('purpose', 'COMPLAINT');
      for (const f of files) req.attach('files', f.content, f.name);
      return req;
    };
    const reporterPath = '/v1/track/{trackingId}/attachments';
    const uploaded = await upload([{ content: jpegWithExif(), name: 'a.jpg' }]).expect(201);
    check(uploaded, 'post', reporterPath);
    check(await upload([{ content: zipArchive(), name: 'b.jpg' }]).expect(415), 'post', reporterPath);
    check(await upload([{ content: plainJpeg().subarray(0, 50), name: 'c.jpg' }]).expect(400), 'post', reporterPath);
    check(await upload([{ content: Buffer.concat([plainJpeg(), Buffer.alloc(6 * 1024 * 1024)]), name: 'd.jpg' }]).expect(413), 'post', reporterPath);
    check(await request(t.http).post(`/v1/track/${id}/attachments`).set('X-Access-Code', code).field('purpose', 'CLARIFICATION').attach('files', plainJpeg(), 'e.jpg').expect(409), 'post', reporterPath);
    check(await get(`/v1/track/${id}/attachments`).set('X-Access-Code', code).expect(200), 'get', reporterPath);
    await c.act(id, 'verify', { agencyId: agencies.jakarta.id });
    const fileId = uploaded.body.items[0].id as string;
    const { VERIFIER, AUDITOR } = c.officers.national;
    for (const officer of [VERIFIER, AUDITOR, c.officers.byAgency[agencies.jakarta.id].AGENCY_ADMIN]) {
      check(await get(`/v1/complaints/${id}/attachments`, officer).expect(200), 'get', '/v1/complaints/{trackingId}/attachments');
    }
    const publication = '/v1/complaints/{trackingId}/attachments/{fileId}/publication';
    check(await request(t.http).post(`/v1/complaints/${id}/attachments/${fileId}/publication`).set(VERIFIER.auth).send({ public: true }).expect(200), 'post', publication);
    check(await request(t.http).post(`/v1/complaints/${id}/attachments/${fileId}/publication`).set(VERIFIER.auth).send({ public: 'yes' }).expect(400), 'post', publication);
    check(await get(`/v1/public/complaints/${id}/attachments`).expect(200), 'get', '/v1/public/complaints/{trackingId}/attachments');
    check(await get(`/open311/v2/requests/${id}.json`).expect(200), 'get', '/open311/v2/requests/{id}.json');
    check(await get(`/v1/complaints/${id}/attachments/${fileId}`, c.officers.byAgency[agencies.makassar.id].AGENCY_ADMIN).expect(404), 'get', '/v1/complaints/{trackingId}/attachments/{fileId}');
    expect(problems.splice(0)).toEqual([]);
  });

  it('reference data, navigation counts and administration reads, for each role that reads them', async () => {
    const agency = c.officers.byAgency[agencies.jakarta.id];
    const { VERIFIER, AUDITOR, SYSADMIN, OMBUDSMAN } = c.officers.national;
    for (const officer of [VERIFIER, AUDITOR, SYSADMIN, OMBUDSMAN, agency.AGENCY_ADMIN, agency.LIAISON, agency.SUPERVISOR, agency.COMPLAINT_MANAGER]) {
      check(await get('/v1/reference/agencies', officer).expect(200), 'get', '/v1/reference/agencies');
      check(await get(`/v1/reference/officers?agencyId=${agencies.jakarta.id}&role=LIAISON`, officer).expect(200), 'get', '/v1/reference/officers');
      check(await get('/v1/me/counts', officer).expect(200), 'get', '/v1/me/counts');
    }
    check(await get('/v1/complaints?atRisk=true&open=true', agency.SUPERVISOR).expect(200), 'get', '/v1/complaints');
    check(await get('/v1/reference/officers?includeInactive=true', SYSADMIN).expect(200), 'get', '/v1/reference/officers');
    check(await get('/v1/admin/officers?limit=5', SYSADMIN).expect(200), 'get', '/v1/admin/officers');
    check(await get('/v1/admin/agencies', SYSADMIN).expect(200), 'get', '/v1/admin/agencies');
    check(await get('/v1/admin/calendars', SYSADMIN).expect(200), 'get', '/v1/admin/calendars');
    check(await get('/v1/admin/policies', SYSADMIN).expect(200), 'get', '/v1/admin/policies');
    // Refusals of the administration: a role that may not, bad input, an unknown officer.
    check(await get('/v1/admin/officers', agency.LIAISON).expect(403), 'get', '/v1/admin/officers');
    check(await request(t.http).post('/v1/admin/officers').set(SYSADMIN.auth).send({ username: 'X', displayName: '', role: 'MAYOR' }).expect(400), 'post', '/v1/admin/officers');
    check(await request(t.http).post('/v1/admin/officers/usr-nobody-here/deactivate').set(SYSADMIN.auth).expect(404), 'post', '/v1/admin/officers/{id}/deactivate');
    check(await get('/v1/reference/officers?role=MAYOR', VERIFIER).expect(400), 'get', '/v1/reference/officers');
    expect(problems.splice(0)).toEqual([]);
  });

  it('error answers: 400, 401, 403, 404, 409 and 422, and Open311’s error list', async () => {
    const id = await c.submit();
    const { VERIFIER } = c.officers.national;
    const liaison = c.officers.byAgency[agencies.jakarta.id].LIAISON;
    check(await get('/v1/complaints?status=LOST', VERIFIER).expect(400), 'get', '/v1/complaints');
    check(await get('/v1/complaints').expect(401), 'get', '/v1/complaints');
    check(await request(t.http).post(`/v1/complaints/${id}/verify`).set(liaison.auth).send({ agencyId: agencies.jakarta.id }).expect(403), 'post', '/v1/complaints/{trackingId}/verify');
    check(await get('/v1/complaints/LPR-0000-0000', VERIFIER).expect(404), 'get', '/v1/complaints/{trackingId}');
    check(await request(t.http).post(`/v1/complaints/${id}/assign`).set(c.officers.byAgency[agencies.jakarta.id].AGENCY_ADMIN.auth).send({ liaisonId: liaison.id }).expect((res) => expect([404, 409]).toContain(res.status)), 'post', '/v1/complaints/{trackingId}/assign');
    check(await request(t.http).post(`/v1/complaints/${id}/resolve`).set(VERIFIER.auth).send({ answer: 'x' }).expect(403), 'post', '/v1/complaints/{trackingId}/resolve');
    check(await request(t.http).post(`/v1/complaints/${id}/request-clarification`).set(VERIFIER.auth).send({ question: '' }).expect(400), 'post', '/v1/complaints/{trackingId}/request-clarification');
    const refused = await request(t.http).post(`/v1/track/${id}/accept`).set('X-Access-Code', c.accessCode(id)).send({ rating: 4 }).expect(409);
    check(refused, 'post', '/v1/track/{trackingId}/accept');
    expect(refused.body).toMatchObject({ statusCode: 409, state: 'SUBMITTED' });
    if (closed) check(await request(t.http).post(`/v1/complaints/${closed}/archive`).set(VERIFIER.auth).send({ reason: 'SPAM' }).expect(409), 'post', '/v1/complaints/{trackingId}/archive');
    check(await get(`/v1/track/${id}`).set('X-Access-Code', 'WRONG-CODE-0000').expect(404), 'get', '/v1/track/{trackingId}');
    const key = `answers-${id}`;
    await request(t.http).post(`/v1/complaints/${id}/request-clarification`).set(VERIFIER.auth).set('Idempotency-Key', key).send({ question: 'Di mana?' }).expect(200);
    check(await request(t.http).post(`/v1/complaints/${id}/request-clarification`).set(VERIFIER.auth).set('Idempotency-Key', key).send({ question: 'Kapan?' }).expect(422), 'post', '/v1/complaints/{trackingId}/request-clarification');
    check(await get('/open311/v2/requests.json?status=lost').expect(400), 'get', '/open311/v2/requests.json');
    check(await get('/open311/v2/requests/LPR-0000-0000.json').expect(404), 'get', '/open311/v2/requests/{id}.json');
    expect(problems.splice(0)).toEqual([]);
  });
});

/** Escalations need a breach: a PT2S verification policy breaches in seconds on the real server. */
describe('real escalation answers match the OpenAPI document (PT2S policy)', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  const problems: string[] = [];
  const check = (res: Response, method: Method, path: string) => problems.push(...problemsOf(res, method, path));

  beforeAll(async () => {
    t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-seconds.json' });
    c = await driverFor(t);
  });
  afterAll(() => t.close());

  it('the escalation inbox, both acknowledgements and the Ombudsman’s view of a level-3 complaint', async () => {
    const id = await c.submit();
    const levels = await c.escalationsReach(id, 3);
    const [first, second] = levels;
    const firstReceiver = c.receiverOf(first);
    const inbox = await request(t.http).get('/v1/escalations').set(firstReceiver.auth).expect(200);
    check(inbox, 'get', '/v1/escalations');
    expect(inbox.body.items.map((e: { key: string }) => e.key)).toContain(first.key);
    check(await request(t.http).post(`/v1/escalations/${first.id}/acknowledge`).set(firstReceiver.auth).send({ comment: 'Ditindaklanjuti.' }).expect(200), 'post', '/v1/escalations/{id}/acknowledge');
    check(
      await request(t.http).post(`/v1/complaints/${id}/acknowledge-escalation`).set(c.receiverOf(second).auth).send({ escalationKey: second.key }).expect(200),
      'post',
      '/v1/complaints/{trackingId}/acknowledge-escalation',
    );
    const { OMBUDSMAN, VERIFIER } = c.officers.national;
    check(await request(t.http).get(`/v1/complaints/${id}`).set(OMBUDSMAN.auth).expect(200), 'get', '/v1/complaints/{trackingId}');
    check(await request(t.http).get('/v1/complaints?breached=true&escalationLevel=1').set(VERIFIER.auth).expect(200), 'get', '/v1/complaints');
    check(await request(t.http).get(`/v1/complaints/${id}`).set(VERIFIER.auth).expect(200), 'get', '/v1/complaints/{trackingId}');
    expect(problems.splice(0)).toEqual([]);
  });
});
