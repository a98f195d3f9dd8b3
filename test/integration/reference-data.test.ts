import request from 'supertest';
import { createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { ComplaintDriver, driverFor, LIAISON } from '../support/lifecycle.js';
import type { TestOfficer } from '../support/officers.js';

type Agencies = Awaited<ReturnType<typeof createAgencies>>;

interface Counts {
  openEscalations: number;
  workQueue: number;
  atRisk: number;
  breached: number;
}

describe('reference data for the pickers, scoped by role', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  let agencies: Agencies;
  const of = (agency: keyof Agencies) => c.officers.byAgency[agencies[agency].id];

  beforeAll(async () => {
    t = await createTestApp();
    agencies = await createAgencies(t.prisma);
    c = await driverFor(t, agencies);
  });
  afterAll(() => t.close());

  const get = (path: string, officer: TestOfficer, query: Record<string, string> = {}) => request(t.http).get(path).query(query).set(officer.auth);

  it("lists every agency with its zone label and units to any officer, by name", async () => {
    const res = await get('/v1/reference/agencies', of('jayapura').LIAISON).expect(200);
    const mine = res.body.filter((a: { id: string }) => Object.values(agencies).some((x) => x.id === a.id));
    expect(mine.map((a: { id: string; zoneLabel: string }) => [a.id, a.zoneLabel])).toEqual([
      [agencies.jakarta.id, 'WIB'],
      [agencies.jayapura.id, 'WIT'],
      [agencies.makassar.id, 'WITA'],
    ]);
    expect(mine[0]).toEqual({
      id: agencies.jakarta.id,
      name: 'Kementerian Dalam Negeri',
      timeZone: 'Asia/Jakarta',
      zoneLabel: 'WIB',
      kind: null,
      areaCode: null,
      provinceCode: null,
      units: [
        { id: `unit-${agencies.jakarta.id}-pengaduan`, name: 'Bagian Pengaduan', parentUnitId: null },
        { id: `unit-${agencies.jakarta.id}-lain`, name: 'Bagian Lain', parentUnitId: null },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    });
  });

  it("gives an agency admin its own agency's liaisons only, whatever agency it asks for", async () => {
    const admin = of('jakarta').AGENCY_ADMIN;
    const own = await get('/v1/reference/officers', admin, { role: 'LIAISON' }).expect(200);
    expect(own.body.map((o: { id: string }) => o.id).sort()).toEqual([of('jakarta').LIAISON.id, of('jakarta').otherUnitLiaison.id].sort());
    expect(own.body[0]).toEqual({ id: expect.any(String), displayName: expect.any(String), role: 'LIAISON', agencyId: agencies.jakarta.id, unitId: expect.any(String), active: true });
    expect(JSON.stringify(own.body)).not.toMatch(/username|passwordHash|argon2/);

    const other = await get('/v1/reference/officers', admin, { role: 'LIAISON', agencyId: agencies.makassar.id }).expect(200);
    expect(other.body).toEqual([]);
  });

  it("gives a national verifier any agency's officers, narrowed by unit", async () => {
    const verifier = c.officers.national.VERIFIER;
    const res = await get('/v1/reference/officers', verifier, { agencyId: agencies.makassar.id, unitId: `unit-${agencies.makassar.id}-pengaduan`, role: 'LIAISON' }).expect(200);
    expect(res.body.map((o: { id: string }) => o.id)).toEqual([of('makassar').LIAISON.id]);
  });

  it('hides deactivated officers, except from a SYSADMIN who asks for them', async () => {
    const gone = of('jayapura').otherUnitLiaison;
    await t.prisma.user.update({ where: { id: gone.id }, data: { active: false } });
    const query = { agencyId: agencies.jayapura.id, role: 'LIAISON', includeInactive: 'true' };
    const ids = async (officer: TestOfficer) => (await get('/v1/reference/officers', officer, query).expect(200)).body.map((o: { id: string }) => o.id);
    expect(await ids(c.officers.national.VERIFIER)).not.toContain(gone.id);
    expect(await ids(c.officers.national.SYSADMIN)).toContain(gone.id);
  });

  it('refuses a bad filter with 400 naming it, and anonymous callers with 401', async () => {
    const res = await get('/v1/reference/officers', c.officers.national.VERIFIER, { role: 'MAYOR' }).expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(/role: must be one of/);
    await request(t.http).get('/v1/reference/agencies').expect(401);
    await request(t.http).get('/v1/me/counts').expect(401);
  });

  it.each([
    ['get', '/v1/admin/officers'],
    ['post', '/v1/admin/officers'],
    ['patch', '/v1/admin/officers/usr-sysadmin'],
    ['post', '/v1/admin/officers/usr-sysadmin/deactivate'],
    ['post', '/v1/admin/officers/usr-sysadmin/reset-password'],
    ['get', '/v1/admin/agencies'],
    ['post', '/v1/admin/agencies'],
    ['get', '/v1/admin/calendars'],
    ['put', '/v1/admin/calendars/2027'],
    ['post', '/v1/admin/calendars/2027/retime'],
    ['get', '/v1/admin/policies'],
  ] as const)('refuses a liaison %s %s with 403 before reading the body', async (method, path) => {
    const res = await request(t.http)[method](path).set(of('jakarta').LIAISON.auth).send({});
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/role LIAISON may not do this; allowed: SYSADMIN/);
  });

  it("counts an agency's work and at-risk complaints as they move, and lists the at-risk ones with atRisk=true", async () => {
    const admin = of('makassar').AGENCY_ADMIN;
    const liaison = of('makassar').LIAISON;
    const counts = async (officer: TestOfficer): Promise<Counts> => (await get('/v1/me/counts', officer).expect(200)).body;
    const before = { admin: await counts(admin), liaison: await counts(liaison) };

    const id = await c.submit();
    await c.act(id, 'verify', { agencyId: agencies.makassar.id });
    // Disposed: the assignment clock (1 working day) falls due by the end of the next working day.
    const disposed = await counts(admin);
    expect(disposed).toEqual({ ...before.admin, workQueue: before.admin.workQueue + 1, atRisk: before.admin.atRisk + 1 });
    const atRisk = await get('/v1/complaints', admin, { atRisk: 'true' }).expect(200);
    expect(atRisk.body.items.map((i: { trackingId: string }) => i.trackingId)).toContain(id);
    const notAtRisk = await get('/v1/complaints', admin, { atRisk: 'false' }).expect(200);
    expect(notAtRisk.body.items.map((i: { trackingId: string }) => i.trackingId)).not.toContain(id);

    await c.act(id, 'assign', { liaisonId: LIAISON });
    // In progress: the next deadline is the first follow-up (5 working days); it is the liaison's work now.
    expect(await counts(admin)).toEqual(before.admin);
    expect(await counts(liaison)).toEqual({ ...before.liaison, workQueue: before.liaison.workQueue + 1 });
  });
});

describe('navigation counts follow escalations (assignment clock of two seconds)', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  let agencies: Agencies;

  beforeAll(async () => {
    t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-assignment-seconds.json' });
    agencies = await createAgencies(t.prisma);
    c = await driverFor(t, agencies);
  });
  afterAll(() => t.close());

  it('counts an escalation when it arrives and stops counting it once acknowledged', async () => {
    const supervisor = c.officers.byAgency[agencies.jayapura.id].SUPERVISOR;
    const counts = async (): Promise<Counts> => (await request(t.http).get('/v1/me/counts').set(supervisor.auth).expect(200)).body;
    const before = await counts();

    const id = await c.submit();
    await c.act(id, 'verify', { agencyId: agencies.jayapura.id });
    const [escalation] = await c.escalationsReach(id, 1);
    expect(escalation).toMatchObject({ stage: 'assignment', level: 1, receiverRole: 'SUPERVISOR', agencyId: agencies.jayapura.id });
    // The projection of the breach (escalation level on the complaint) follows the escalation row.
    const escalated = await eventually(async () => {
      const now = await counts();
      return now.breached === before.breached + 1 ? now : undefined;
    });
    // Still to assign (work queue), and the first follow-up (an hour) is due within a working day (at risk).
    expect(escalated).toEqual({ openEscalations: before.openEscalations + 1, workQueue: before.workQueue + 1, atRisk: before.atRisk + 1, breached: before.breached + 1 });

    await c.acknowledgeAll(id);
    const acknowledged = await eventually(async () => {
      const now = await counts();
      return now.breached === before.breached ? now : undefined;
    });
    expect(acknowledged).toEqual({ ...before, workQueue: before.workQueue + 1, atRisk: before.atRisk + 1 });
  });
});
