// Every officer endpoint × every role (and no account) × a complaint of the officer's own agency or
// another agency. Expected answers come from the rules, restated here independently of the code:
// 401 without a token, 403 for a role the endpoint does not admit, 404 for a complaint the officer may
// not see (exactly as for one that does not exist), and otherwise an answer about the complaint itself.
import request from 'supertest';
import type { Role } from '../../src/auth/officer.js';
import { createAgencies, createTestApp, type TestApp } from '../support/app.js';
import { ComplaintDriver, driverFor, LIAISON } from '../support/lifecycle.js';
import type { TestOfficer } from '../support/officers.js';

const ROLES: Role[] = ['VERIFIER', 'AGENCY_ADMIN', 'LIAISON', 'SUPERVISOR', 'COMPLAINT_MANAGER', 'OMBUDSMAN', 'AUDITOR', 'SYSADMIN'];
const CALLERS = [...ROLES, 'ANONYMOUS'] as const;
type Caller = (typeof CALLERS)[number];
type Whose = 'own agency' | 'other agency';

/** Who may see a closed complaint of an agency: national readers, that agency's roles, the Ombudsman once escalated to level 3. */
function maySee(role: Role, whose: Whose, escalatedToOmbudsman: boolean): boolean {
  if (['VERIFIER', 'AUDITOR', 'SYSADMIN'].includes(role)) return true;
  if (role === 'OMBUDSMAN') return escalatedToOmbudsman;
  return whose === 'own agency';
}

/** 401 without a token, 403 for a role not admitted, 404 if not visible; else an answer about the complaint. */
function expectedStatuses(endpoint: Endpoint, caller: Caller, whose: Whose): number[] {
  if (caller === 'ANONYMOUS') return [401];
  if (endpoint.roles && !endpoint.roles.includes(caller)) return [403];
  if (!maySee(caller, whose, whose === 'own agency')) return [404];
  if (endpoint.receiver && whose === 'own agency' && caller !== endpoint.receiver) return [403];
  // Visible and admitted: closed, so 409 (or 400 for a value it cannot take); a read answers 200.
  return endpoint.method === 'get' ? [200] : [400, 409];
}

interface Endpoint {
  name: string;
  method: 'get' | 'post';
  path: (trackingId: string) => string;
  /** Roles admitted; undefined = every officer role. */
  roles?: Role[];
  /** Only this admitted role may act on the fixture (an escalation addressed to it); the others get 403. */
  receiver?: Role;
  body?: (fixture: Fixture) => Record<string, unknown>;
  /** What a read's answer about the fixture carries (and no other answer does); default: its liaison's ID. */
  marker?: (fixture: Fixture) => string;
}

interface Fixture {
  trackingId: string;
  escalationKey: string;
  otherAgencyId: string;
  liaisonId: string;
}

const ENDPOINTS: Endpoint[] = [
  { name: 'GET complaint', method: 'get', path: (id) => `/v1/complaints/${id}` },
  {
    name: 'disposition-suggestions',
    method: 'get',
    path: (id) => `/v1/complaints/${id}/disposition-suggestions`,
    roles: ['VERIFIER'],
    marker: (f) => `"trackingId":"${f.trackingId}"`,
  },
  { name: 'verify', method: 'post', path: (id) => `/v1/complaints/${id}/verify`, roles: ['VERIFIER'], body: (f) => ({ agencyId: f.otherAgencyId }) },
  { name: 'request-clarification', method: 'post', path: (id) => `/v1/complaints/${id}/request-clarification`, roles: ['VERIFIER', 'LIAISON'], body: () => ({ question: 'Di mana?' }) },
  { name: 'archive', method: 'post', path: (id) => `/v1/complaints/${id}/archive`, roles: ['VERIFIER'], body: () => ({ reason: 'DUPLICATE' }) },
  { name: 'assign', method: 'post', path: (id) => `/v1/complaints/${id}/assign`, roles: ['AGENCY_ADMIN', 'SUPERVISOR'], body: (f) => ({ liaisonId: f.liaisonId }) },
  { name: 'redirect', method: 'post', path: (id) => `/v1/complaints/${id}/redirect`, roles: ['AGENCY_ADMIN'], body: (f) => ({ toAgencyId: f.otherAgencyId, reason: 'bukan wewenang' }) },
  { name: 'follow-up', method: 'post', path: (id) => `/v1/complaints/${id}/follow-up`, roles: ['LIAISON'], body: () => ({ text: 'Ditinjau.' }) },
  { name: 'resolve', method: 'post', path: (id) => `/v1/complaints/${id}/resolve`, roles: ['LIAISON'], body: () => ({ answer: 'Selesai.' }) },
  {
    name: 'extend-deadline',
    method: 'post',
    path: (id) => `/v1/complaints/${id}/extend-deadline`,
    roles: ['SUPERVISOR', 'COMPLAINT_MANAGER'],
    body: () => ({ stage: 'resolution', extra: { workingDays: 2 }, reason: 'uji lab' }),
  },
  {
    name: 'acknowledge-escalation',
    method: 'post',
    path: (id) => `/v1/complaints/${id}/acknowledge-escalation`,
    roles: ['SUPERVISOR', 'COMPLAINT_MANAGER', 'OMBUDSMAN', 'VERIFIER'],
    receiver: 'OMBUDSMAN',
    body: (f) => ({ escalationKey: f.escalationKey }),
  },
];

/** Acknowledging the level-3 escalation by its ID: only the receiver (OMBUDSMAN) reaches the ended process (409). */
function acknowledgeAnswer(caller: Caller): number {
  if (caller === 'ANONYMOUS') return 401;
  if (!['SUPERVISOR', 'COMPLAINT_MANAGER', 'OMBUDSMAN', 'VERIFIER'].includes(caller)) return 403;
  if (caller === 'OMBUDSMAN') return 409;
  return maySee(caller, 'own agency', true) ? 403 : 404;
}

/** Reference data (any officer) and administration (SYSADMIN), with inputs that change nothing: 400 or an unknown target (404). */
const DIRECTORY_ENDPOINTS: { method: 'get' | 'post' | 'patch' | 'put'; path: string; body?: object; sysadminOnly: boolean; allowed: number }[] = [
  { method: 'get', path: '/v1/reference/agencies', sysadminOnly: false, allowed: 200 },
  { method: 'get', path: '/v1/reference/officers', sysadminOnly: false, allowed: 200 },
  { method: 'get', path: '/v1/me/counts', sysadminOnly: false, allowed: 200 },
  { method: 'get', path: '/v1/admin/officers', sysadminOnly: true, allowed: 200 },
  { method: 'post', path: '/v1/admin/officers', body: {}, sysadminOnly: true, allowed: 400 },
  { method: 'patch', path: '/v1/admin/officers/usr-nobody', body: { displayName: 'x' }, sysadminOnly: true, allowed: 404 },
  { method: 'post', path: '/v1/admin/officers/usr-nobody/deactivate', sysadminOnly: true, allowed: 404 },
  { method: 'post', path: '/v1/admin/officers/usr-nobody/reactivate', sysadminOnly: true, allowed: 404 },
  { method: 'post', path: '/v1/admin/officers/usr-nobody/reset-password', sysadminOnly: true, allowed: 404 },
  { method: 'get', path: '/v1/admin/agencies', sysadminOnly: true, allowed: 200 },
  { method: 'post', path: '/v1/admin/agencies', body: {}, sysadminOnly: true, allowed: 400 },
  { method: 'patch', path: '/v1/admin/agencies/no-such-agency', body: { name: 'x' }, sysadminOnly: true, allowed: 404 },
  { method: 'post', path: '/v1/admin/agencies/no-such-agency/units', body: { id: 'no-such-unit', name: 'x' }, sysadminOnly: true, allowed: 404 },
  { method: 'get', path: '/v1/admin/calendars', sysadminOnly: true, allowed: 200 },
  { method: 'put', path: '/v1/admin/calendars/2090', body: {}, sysadminOnly: true, allowed: 400 },
  { method: 'post', path: '/v1/admin/calendars/2095/retime', body: { reason: 'no data for this year' }, sysadminOnly: true, allowed: 404 },
  { method: 'get', path: '/v1/admin/policies', sysadminOnly: true, allowed: 200 },
];

describe('role × agency access matrix', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  const fixtures = {} as Record<Whose, Fixture>;
  let officerOf: (caller: Role) => TestOfficer;

  /** A complaint of `agencyId`, taken through to CLOSED, so no allowed action can change it: they answer 409 or 400. */
  async function closedComplaint(agencyId: string, otherAgencyId: string): Promise<Fixture> {
    const trackingId = await c.submit();
    await c.act(trackingId, 'verify', { agencyId });
    await c.act(trackingId, 'assign', { liaisonId: LIAISON });
    await c.act(trackingId, 'resolve', { answer: 'Sudah ditangani.' });
    await c.act(trackingId, 'accept', { rating: 4 });
    return { trackingId, escalationKey: `complaint-${trackingId}:verification-1:3`, otherAgencyId, liaisonId: (await c.officer(trackingId, 'LIAISON')).id };
  }

  beforeAll(async () => {
    t = await createTestApp();
    const agencies = await createAgencies(t.prisma);
    c = await driverFor(t, agencies);
    const own = agencies.jakarta.id;
    const other = agencies.makassar.id;
    fixtures['own agency'] = await closedComplaint(own, other);
    fixtures['other agency'] = await closedComplaint(other, own);
    // The own-agency complaint reached the Ombudsman: its verification once breached up to level 3.
    const ownComplaint = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: fixtures['own agency'].trackingId } });
    await t.prisma.escalation.create({
      data: {
        id: crypto.randomUUID(),
        key: fixtures['own agency'].escalationKey,
        complaintId: ownComplaint.id,
        stage: 'verification',
        level: 3,
        receiverRole: 'OMBUDSMAN',
        agencyId: null,
        dueAt: new Date(Date.now() - 60_000),
        firedAt: new Date(Date.now() - 60_000),
      },
    });
    officerOf = (role) => c.officers.forRole(role, own);
  }, 120_000);
  afterAll(() => t.close());

  const cases = ENDPOINTS.flatMap((endpoint) =>
    CALLERS.flatMap((caller) => (['own agency', 'other agency'] as Whose[]).map((whose) => [endpoint.name, caller, whose, endpoint] as const)),
  );

  it.each(cases)('%s as %s on a complaint of the %s', async (_name, caller: Caller, whose: Whose, endpoint: Endpoint) => {
    const fixture = fixtures[whose];
    let call = request(t.http)[endpoint.method](endpoint.path(fixture.trackingId));
    if (caller !== 'ANONYMOUS') call = call.set(officerOf(caller).auth);
    const res = endpoint.body ? await call.send(endpoint.body(fixture)) : await call;

    expect(expectedStatuses(endpoint, caller, whose)).toContain(res.status);
    // A complaint the caller may not see leaves no trace in the answer; a visible one is the one asked for.
    expect(JSON.stringify(res.body).includes((endpoint.marker ?? ((f) => f.liaisonId))(fixture))).toBe(res.status === 200 && endpoint.method === 'get');
  });

  const listCases = CALLERS.flatMap((caller) => (['own agency', 'other agency'] as Whose[]).map((whose) => [caller, whose] as const));

  it.each(listCases)('work queue as %s lists a closed complaint of the %s only if visible', async (caller: Caller, whose: Whose) => {
    const { trackingId } = fixtures[whose];
    const agencyId = (await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId } })).agencyId!;
    let call = request(t.http).get('/v1/complaints').query({ status: 'CLOSED', agencyId, limit: 200 });
    if (caller !== 'ANONYMOUS') call = call.set(officerOf(caller).auth);
    const res = await call;
    expect(res.status).toBe(caller === 'ANONYMOUS' ? 401 : 200);
    const listed = (res.body.items ?? []).some((i: { trackingId: string }) => i.trackingId === trackingId);
    expect(listed).toBe(caller !== 'ANONYMOUS' && maySee(caller, whose, whose === 'own agency'));
  });

  it.each(CALLERS)('escalation inbox as %s shows the level-3 escalation only to those who may see its complaint', async (caller: Caller) => {
    let call = request(t.http).get('/v1/escalations').query({ mine: 'false', open: 'false', limit: 200 });
    if (caller !== 'ANONYMOUS') call = call.set(officerOf(caller).auth);
    const res = await call;
    expect(res.status).toBe(caller === 'ANONYMOUS' ? 401 : 200);
    const listed = (res.body.items ?? []).some((e: { key: string }) => e.key === fixtures['own agency'].escalationKey);
    expect(listed).toBe(caller !== 'ANONYMOUS' && maySee(caller, 'own agency', true));
  });

  it.each(CALLERS)('acknowledging the level-3 escalation by ID as %s: only its receiver role', async (caller: Caller) => {
    const escalation = await t.prisma.escalation.findUniqueOrThrow({ where: { key: fixtures['own agency'].escalationKey } });
    let call = request(t.http).post(`/v1/escalations/${escalation.id}/acknowledge`);
    if (caller !== 'ANONYMOUS') call = call.set(officerOf(caller).auth);
    const res = await call.send({});
    expect(res.status).toBe(acknowledgeAnswer(caller));
  });

  const directoryCases = DIRECTORY_ENDPOINTS.flatMap((endpoint) => CALLERS.map((caller) => [endpoint.method.toUpperCase(), endpoint.path, caller, endpoint] as const));

  it.each(directoryCases)('%s %s as %s: reference data for every officer, administration for SYSADMIN only', async (_method, _path, caller: Caller, endpoint) => {
    let call = request(t.http)[endpoint.method](endpoint.path);
    if (caller !== 'ANONYMOUS') call = call.set(officerOf(caller).auth);
    const res = endpoint.body ? await call.send(endpoint.body) : await call;
    const expected = caller === 'ANONYMOUS' ? 401 : endpoint.sysadminOnly && caller !== 'SYSADMIN' ? 403 : endpoint.allowed;
    expect(res.status).toBe(expected);
  });

  it.each([
    ['the right code', 'own agency', 200],
    ['no code', 'own agency', 404],
    ["another complaint's code", 'other agency', 404],
  ] as const)('reporter tracking with %s', async (_label, codeOf, status) => {
    const { trackingId } = fixtures['own agency'];
    const call = request(t.http).get(`/v1/track/${trackingId}`);
    const code = _label === 'no code' ? undefined : c.accessCode(fixtures[codeOf].trackingId);
    const res = code ? await call.set('X-Access-Code', code) : await call;
    expect(res.status).toBe(status);
  });
});
