import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { migrate } from '../../src/database/migrator.js';
import { projectRoot } from '../../src/project-root.js';
import { createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { ComplaintDriver, driverFor } from '../support/lifecycle.js';
import type { TestOfficer } from '../support/officers.js';
import { dropSchema, startWorkerProcess, testDatabaseUrl, type NodeProcess } from '../support/stack.js';

/**
 * SYSADMIN's administration on a schema and task queue of its own: "the last SYSADMIN" and the national
 * calendar are whole-database facts, and a re-timing reaches every running complaint of the task queue.
 */
describe('administration by SYSADMIN', () => {
  const databaseUrl = testDatabaseUrl();
  const taskQueue = `administration-${randomUUID()}`;
  let worker: NodeProcess;
  let t: TestApp;
  let c: ComplaintDriver;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;
  let sysadmin: TestOfficer;

  beforeAll(async () => {
    await migrate(databaseUrl);
    worker = await startWorkerProcess({ ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_TASK_QUEUE: taskQueue });
    t = await createTestApp({ DATABASE_URL: databaseUrl, TEMPORAL_TASK_QUEUE: taskQueue });
    agencies = await createAgencies(t.prisma);
    c = await driverFor(t, agencies);
    sysadmin = c.officers.national.SYSADMIN;
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await worker.stop();
    await dropSchema(databaseUrl);
  });

  const as = (officer: { auth: { Authorization: string } }) => ({
    get: (path: string) => request(t.http).get(path).set(officer.auth),
    post: (path: string, body: object = {}) => request(t.http).post(path).set(officer.auth).send(body),
    patch: (path: string, body: object) => request(t.http).patch(path).set(officer.auth).send(body),
    put: (path: string, body: object) => request(t.http).put(path).set(officer.auth).send(body),
  });
  const admin = () => as(sysadmin);
  const login = (username: string, password: string) => request(t.http).post('/v1/auth/login').send({ username, password });
  const username = (prefix: string) => `${prefix}.${randomBytes(3).toString('hex')}`;
  const unitOf = (agencyId: string) => `unit-${agencyId}-pengaduan`;

  /** A liaison of the Jakarta agency, created through the API: its account and its one-time password. */
  async function createLiaison(): Promise<{ id: string; username: string; password: string }> {
    const name = username('penghubung');
    const res = await admin()
      .post('/v1/admin/officers', { username: name, displayName: 'Pejabat Penghubung Uji', role: 'LIAISON', agencyId: agencies.jakarta.id, unitId: unitOf(agencies.jakarta.id) })
      .expect(201);
    return { id: res.body.officer.id, username: name, password: res.body.temporaryPassword };
  }

  /** The audit rows of requests to `path`, once `count` of them are written (they are written after the answer). */
  const auditOf = (path: string, count = 1) =>
    eventually(async () => {
      const rows = await t.prisma.auditLog.findMany({ where: { path }, orderBy: { id: 'asc' } });
      return rows.length >= count ? rows : undefined;
    });

  it('creates an officer who then signs in with the temporary password, stored only as an argon2 hash', async () => {
    const name = username('penghubung');
    const body = { username: name, displayName: 'Pejabat Penghubung Disdukcapil', role: 'LIAISON', agencyId: agencies.jakarta.id, unitId: unitOf(agencies.jakarta.id), supervisorId: c.officers.byAgency[agencies.jakarta.id].SUPERVISOR.id };
    const res = await admin().post('/v1/admin/officers', body).expect(201);
    expect(res.body.officer).toEqual({ id: expect.any(String), ...body, active: true, createdAt: expect.any(String) });
    expect(res.body.temporaryPassword).toMatch(/^[\w-]{24}$/);
    const stored = await t.prisma.user.findUniqueOrThrow({ where: { id: res.body.officer.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);

    const signedIn = await login(name, res.body.temporaryPassword).expect(200);
    const me = await request(t.http).get('/v1/auth/me').set('Authorization', `Bearer ${signedIn.body.accessToken}`).expect(200);
    expect(me.body).toEqual({ id: res.body.officer.id, displayName: body.displayName, role: 'LIAISON', agencyId: agencies.jakarta.id, unitId: unitOf(agencies.jakarta.id) });

    const listed = await admin().get(`/v1/admin/officers?search=${name}`).expect(200);
    expect(listed.body).toEqual({ items: [res.body.officer], nextCursor: null });
  });

  it('lists officers in pages, filtered by role and agency', async () => {
    const query = `role=LIAISON&agencyId=${agencies.makassar.id}&active=true&limit=1`;
    const first = await admin().get(`/v1/admin/officers?${query}`).expect(200);
    const second = await admin().get(`/v1/admin/officers?${query}&cursor=${first.body.nextCursor}`).expect(200);
    const ids = [...first.body.items, ...second.body.items].map((o: { id: string }) => o.id);
    expect(ids.sort()).toEqual([c.officers.byAgency[agencies.makassar.id].LIAISON.id, c.officers.byAgency[agencies.makassar.id].otherUnitLiaison.id].sort());
    expect(second.body.nextCursor).toBeNull();
  });

  it('deactivation refuses sign-in and the token already given; reactivation lets the officer back in', async () => {
    const officer = await createLiaison();
    const token = (await login(officer.username, officer.password).expect(200)).body.accessToken as string;
    const me = () => request(t.http).get('/v1/auth/me').set('Authorization', `Bearer ${token}`);
    await me().expect(200);

    const deactivated = await admin().post(`/v1/admin/officers/${officer.id}/deactivate`).expect(200);
    expect(deactivated.body).toMatchObject({ id: officer.id, active: false });
    await login(officer.username, officer.password).expect(401);
    await me().expect(401);

    await admin().post(`/v1/admin/officers/${officer.id}/reactivate`).expect(200);
    await login(officer.username, officer.password).expect(200);
    await me().expect(200);
  });

  it('resets a password: the new one signs in, the old one no longer does', async () => {
    const officer = await createLiaison();
    const res = await admin().post(`/v1/admin/officers/${officer.id}/reset-password`).expect(200);
    expect(res.body).toEqual({ temporaryPassword: expect.stringMatching(/^[\w-]{24}$/) });
    await login(officer.username, officer.password).expect(401);
    await login(officer.username, res.body.temporaryPassword).expect(200);
  });

  it('changes role, agency and unit together, and refuses a unit of another agency naming unitId', async () => {
    const officer = await createLiaison();
    const moved = await admin()
      .patch(`/v1/admin/officers/${officer.id}`, { role: 'SUPERVISOR', agencyId: agencies.makassar.id, unitId: unitOf(agencies.makassar.id), displayName: 'Atasan Baru' })
      .expect(200);
    expect(moved.body).toMatchObject({ role: 'SUPERVISOR', agencyId: agencies.makassar.id, unitId: unitOf(agencies.makassar.id), displayName: 'Atasan Baru' });

    const refused = await admin().patch(`/v1/admin/officers/${officer.id}`, { unitId: unitOf(agencies.jayapura.id) }).expect(400);
    expect(refused.body.message).toEqual([expect.stringMatching(/^unitId: unit .* belongs to .*, not to /)]);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: officer.id } })).unitId).toBe(unitOf(agencies.makassar.id));
    // A national role keeps no agency: the change must say so.
    await admin().patch(`/v1/admin/officers/${officer.id}`, { role: 'AUDITOR' }).expect(400);
    const national = await admin().patch(`/v1/admin/officers/${officer.id}`, { role: 'AUDITOR', agencyId: null, unitId: null }).expect(200);
    expect(national.body).toMatchObject({ role: 'AUDITOR', agencyId: null, unitId: null });
  });

  it.each([
    ['agencyId', { role: 'VERIFIER', agencyId: 'AGENCY' }, /^agencyId: VERIFIER is a national role/],
    ['agencyId', { role: 'AGENCY_ADMIN' }, /^agencyId: AGENCY_ADMIN works for one agency/],
    ['agencyId', { role: 'LIAISON', agencyId: 'no-such-agency' }, /^agencyId: unknown agency 'no-such-agency'/],
    ['unitId', { role: 'LIAISON', agencyId: 'AGENCY', unitId: 'OTHER_UNIT' }, /^unitId: unit .* belongs to /],
    ['supervisorId', { role: 'LIAISON', agencyId: 'AGENCY', supervisorId: 'usr-nobody' }, /^supervisorId: 'usr-nobody' is not an active officer/],
    ['role', { role: 'MAYOR' }, /^role: must be one of /],
    ['username', { role: 'AUDITOR', username: 'Bad Name' }, /^username: must be 3 to 64 /],
    ['displayName', { role: 'AUDITOR', displayName: '' }, /^displayName: must not be empty/],
    ['password', { role: 'AUDITOR', password: 'chosen-by-admin' }, /^password: is not a field of this request/],
  ] as const)('refuses a new officer with a bad %s (400 naming it) and creates nothing', async (_field, overrides, message) => {
    const name = username('baru');
    const body: Record<string, unknown> = { username: name, displayName: 'Petugas Baru', ...overrides };
    if (body.agencyId === 'AGENCY') body.agencyId = agencies.jakarta.id;
    if (body.unitId === 'OTHER_UNIT') body.unitId = unitOf(agencies.makassar.id);
    const officersBefore = await t.prisma.user.count();
    const res = await admin().post('/v1/admin/officers', body).expect(400);
    expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    expect(await t.prisma.user.count()).toBe(officersBefore);
    expect(await t.prisma.user.findUnique({ where: { username: String(body.username) } })).toBeNull();
  });

  it('refuses a taken username with 409 naming it', async () => {
    const officer = await createLiaison();
    const res = await admin().post('/v1/admin/officers', { username: officer.username, displayName: 'Kembar', role: 'AUDITOR' }).expect(409);
    expect(res.body.message).toBe(`username '${officer.username}' is taken`);
  });

  it('never lets the last active SYSADMIN be deactivated or demoted', async () => {
    const self = `/v1/admin/officers/${sysadmin.id}`;
    expect((await admin().post(`${self}/deactivate`).expect(409)).body.message).toMatch(/is the last active SYSADMIN/);
    await admin().patch(self, { role: 'AUDITOR' }).expect(409);

    const second = await admin().post('/v1/admin/officers', { username: username('sysadmin'), displayName: 'Administrator Kedua', role: 'SYSADMIN' }).expect(201);
    const secondToken = (await login(second.body.officer.username, second.body.temporaryPassword).expect(200)).body.accessToken as string;
    const asSecond = as({ auth: { Authorization: `Bearer ${secondToken}` } });
    await admin().post(`${self}/deactivate`).expect(200);
    // Now the second is the last one.
    await asSecond.post(`/v1/admin/officers/${second.body.officer.id}/deactivate`).expect(409);
    await asSecond.post(`${self}/reactivate`).expect(200);
    await admin().post(`/v1/admin/officers/${second.body.officer.id}/deactivate`).expect(200);
  });

  it('keeps every change in the audit log: who, what and when', async () => {
    const started = new Date();
    const officer = await createLiaison();
    await admin().patch(`/v1/admin/officers/${officer.id}`, { displayName: 'Nama Baru' }).expect(200);
    await admin().patch(`/v1/admin/officers/${officer.id}`, { role: 'MAYOR' }).expect(400);
    const rows = await auditOf(`/v1/admin/officers/${officer.id}`, 2);
    expect(rows.map((r) => [r.actorId, r.actorRole, r.action, r.method, r.statusCode, r.detail])).toEqual([
      [sysadmin.id, 'SYSADMIN', 'update-officer', 'PATCH', 200, { body: { displayName: 'Nama Baru' } }],
      [sysadmin.id, 'SYSADMIN', 'update-officer', 'PATCH', 400, { body: { role: 'MAYOR' } }],
    ]);
    for (const row of rows) expect(row.at.getTime()).toBeGreaterThanOrEqual(started.getTime());
    const created = (await auditOf('/v1/admin/officers')).find((r) => (r.detail as { body?: { username?: string } }).body?.username === officer.username);
    expect(created).toMatchObject({ action: 'create-officer', method: 'POST', statusCode: 201, actorId: sysadmin.id });
    // The answer's password never enters the log.
    expect(JSON.stringify(created!.detail)).not.toContain(officer.password);
  });

  it('manages agencies and units: zone labels, refusals naming the field, the zone fixed once complaints exist', async () => {
    const id = `pemkab-gowa-${randomBytes(3).toString('hex')}`;
    const created = await admin().post('/v1/admin/agencies', { id, name: 'Pemerintah Kabupaten Gowa', timeZone: 'Asia/Makassar' }).expect(201);
    expect(created.body).toEqual({ id, name: 'Pemerintah Kabupaten Gowa', timeZone: 'Asia/Makassar', zoneLabel: 'WITA', kind: null, areaCode: null, provinceCode: null, units: [], createdAt: expect.any(String) });
    expect((await admin().post('/v1/admin/agencies', { id, name: 'Lagi', timeZone: 'Asia/Makassar' }).expect(409)).body.message).toMatch(/exists already/);
    const badZone = await admin().post('/v1/admin/agencies', { id: `${id}-x`, name: 'Zona Salah', timeZone: 'Asia/Singapore' }).expect(400);
    expect(badZone.body.message).toEqual([expect.stringMatching(/^timeZone: must be one of Asia\/Jakarta, Asia\/Makassar, Asia\/Jayapura/)]);
    expect(await t.prisma.agency.findUnique({ where: { id: `${id}-x` } })).toBeNull();

    const parent = await admin().post(`/v1/admin/agencies/${id}/units`, { id: `${id}-setda`, name: 'Sekretariat Daerah' }).expect(201);
    expect(parent.body).toEqual({ id: `${id}-setda`, name: 'Sekretariat Daerah', parentUnitId: null });
    await admin().post(`/v1/admin/agencies/${id}/units`, { id: `${id}-humas`, name: 'Bagian Humas', parentUnitId: `${id}-setda` }).expect(201);
    const foreignParent = await admin().post(`/v1/admin/agencies/${id}/units`, { id: `${id}-asing`, name: 'Asing', parentUnitId: unitOf(agencies.jakarta.id) }).expect(400);
    expect(foreignParent.body.message).toEqual([expect.stringMatching(/^parentUnitId: .* is not a unit of /)]);

    // No complaint yet: the zone may still be corrected; the name always.
    const renamed = await admin().patch(`/v1/admin/agencies/${id}`, { name: 'Pemkab Gowa', timeZone: 'Asia/Jayapura' }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Pemkab Gowa', timeZone: 'Asia/Jayapura', zoneLabel: 'WIT' });
    expect(renamed.body.units.map((u: { id: string }) => u.id)).toEqual([`${id}-humas`, `${id}-setda`]);

    const trackingId = await c.submit();
    await c.act(trackingId, 'verify', { agencyId: agencies.jayapura.id });
    const refused = await admin().patch(`/v1/admin/agencies/${agencies.jayapura.id}`, { timeZone: 'Asia/Jakarta' }).expect(409);
    expect(refused.body.message).toMatch(/timeZone of .* cannot change: 1 complaint\(s\)/);
    await admin().patch(`/v1/admin/agencies/${agencies.jayapura.id}`, { name: 'Pemprov Papua' }).expect(200);
    expect((await t.prisma.agency.findUniqueOrThrow({ where: { id: agencies.jayapura.id } })).timeZone).toBe('Asia/Jayapura');
  });

  it('refuses hostile input to administration with 400 naming the field, changing nothing', async () => {
    const officersBefore = await t.prisma.user.count();
    const nul = await admin().post('/v1/admin/officers', { username: username('nul'), displayName: 'Petugas \u0000 Baru', role: 'AUDITOR' }).expect(400);
    expect(JSON.stringify(nul.body.message)).toMatch(/displayName: contains U\+0000/);
    const deep = await request(t.http).post('/v1/admin/agencies').set(sysadmin.auth).set('Content-Type', 'application/json').send(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`).expect(400);
    expect(JSON.stringify(deep.body.message)).toMatch(/nests deeper than 16 levels/);
    const farYear = await admin().put('/v1/admin/calendars/9999', { year: 9999, decrees: ['SKB'], days: [] }).expect(400);
    expect(JSON.stringify(farYear.body.message)).toMatch(/year: must be at most 2100/);
    const noDays = await admin().put('/v1/admin/calendars/2091', { year: 2091, decrees: ['SKB'] }).expect(400);
    expect(JSON.stringify(noDays.body.message)).toMatch(/days: is required/);
    // An agency's officer holds a token of another agency's scope: administration is SYSADMIN's alone.
    await as(c.officers.byAgency[agencies.jakarta.id].AGENCY_ADMIN).post('/v1/admin/officers', { username: username('x'), displayName: 'X', role: 'AUDITOR' }).expect(403);
    expect(await t.prisma.user.count()).toBe(officersBefore);
    expect(await t.prisma.calendarYear.findMany({ where: { year: { in: [2091, 9999] } } })).toEqual([]);
  });

  it('shows the policy versions read-only: targets with their sources and the ladder', async () => {
    const res = await admin().get('/v1/admin/policies').expect(200);
    expect(res.body.map((v: { version: string }) => v.version)).toEqual(['2026.2', '2026.1']);
    expect(res.body.filter((v: { inForceNow: boolean }) => v.inForceNow)).toHaveLength(1);
    const [newest] = res.body;
    expect(newest.stages).toContainEqual({
      stage: 'verification',
      complexity: null,
      target: { workingDays: 3, duration: null, description: '3 working days', source: expect.stringMatching(/LAPOR/) },
    });
    expect(newest.stages.filter((s: { stage: string }) => s.stage === 'resolution').map((s: { complexity: string }) => s.complexity)).toEqual(['SIMPLE', 'NORMAL', 'INVESTIGATION']);
    expect(newest.ladder.map((s: { level: number; receiverRole: string; nationalReceiverRole: string | null }) => [s.level, s.receiverRole, s.nationalReceiverRole])).toEqual([
      [1, 'SUPERVISOR', null],
      [2, 'COMPLAINT_MANAGER', 'VERIFIER'],
      [3, 'OMBUDSMAN', null],
    ]);
  });

  it.each([
    ['year', (y: number) => ({ ...decreeYear(y), year: y + 1 }), /^year: is \d+, but the URL uploads \d+/],
    ['days[1].date', (y: number) => ({ ...decreeYear(y), days: [day(`${y}-01-01`), day(`${y}-01-01`)] }), /^days\[1\]\.date: repeats /],
    ['days[0].date', (y: number) => ({ ...decreeYear(y), days: [day(`${y + 1}-01-01`)] }), /^days\[0\]\.date: must be a yyyy-MM-dd date in /],
    ['days[0].date', (y: number) => ({ ...decreeYear(y), days: [day(`${y}-02-30`)] }), /^days\[0\]\.date: must be a yyyy-MM-dd date in /],
    ['days.0.name', (y: number) => ({ ...decreeYear(y), days: [{ ...day(`${y}-01-01`), name: '' }] }), /^days\.0\.name: must not be empty/],
    ['days.0.kind', (y: number) => ({ ...decreeYear(y), days: [{ ...day(`${y}-01-01`), kind: 'HOLIDAY' }] }), /^days\.0\.kind: must be one of PUBLIC_HOLIDAY, JOINT_LEAVE/],
    ['decrees', (y: number) => ({ ...decreeYear(y), decrees: [] }), /^decrees: must hold at least 1 value/],
  ] as const)('refuses a calendar year with a bad %s (400 naming the entry) and stores nothing', async (_entry, body, message) => {
    const year = 2090;
    const res = await admin().put(`/v1/admin/calendars/${year}`, body(year)).expect(400);
    expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    expect(await t.prisma.calendarYear.findUnique({ where: { year } })).toBeNull();
  });

  it("moves a running complaint's working-day deadline when an uploaded decree year adds a day off and the deadlines are re-timed", async () => {
    const trackingId = await c.submit();
    const [before] = (await c.until(trackingId, (s) => s.deadlines.length === 1)).deadlines;
    // The amendment makes the first working day the verification clock counts joint leave.
    const skipped = new Set(before.explanation.skipped.map((d) => d.date));
    const startDay = before.explanation.startAt.slice(0, 10);
    const counted = [...Array(10).keys()]
      .map((i) => new Date(Date.parse(`${startDay}T00:00:00Z`) + (i + 1) * 86_400_000).toISOString().slice(0, 10))
      .find((d) => !skipped.has(d))!;
    const year = Number(counted.slice(0, 4));
    const shipped = JSON.parse(readFileSync(join(projectRoot(), 'config', 'calendars', `${year}.json`), 'utf8'));
    const amended = { ...shipped, decrees: [...shipped.decrees, 'SKB perubahan (uji): cuti bersama tambahan'], days: [...shipped.days, { date: counted, kind: 'JOINT_LEAVE', name: 'Cuti bersama tambahan' }] };

    const uploaded = await admin().put(`/v1/admin/calendars/${year}`, amended).expect(200);
    expect(uploaded.body).toMatchObject({ year, source: 'UPLOAD', uploadedBy: sysadmin.id, jointLeave: shipped.days.filter((d: { kind: string }) => d.kind === 'JOINT_LEAVE').length + 1 });
    const years = (await admin().get('/v1/admin/calendars').expect(200)).body;
    expect(years.find((y: { year: number }) => y.year === year)).toEqual(uploaded.body);
    expect(years.find((y: { year: number }) => y.year !== year)).toMatchObject({ source: 'FILE', uploadedAt: null, uploadedBy: null });

    const retimed = await admin().post(`/v1/admin/calendars/${year}/retime`, { reason: 'SKB perubahan diunggah' }).expect(200);
    expect(retimed.body.failed).toEqual([]);
    expect(retimed.body.retimed).toBeGreaterThanOrEqual(1);
    const [after] = (await c.status(trackingId)).deadlines;
    expect(Date.parse(after.dueAt)).toBeGreaterThan(Date.parse(before.dueAt));
    expect(after.explanation.skipped).toContainEqual({ date: counted, reason: expect.stringMatching(/Cuti bersama tambahan/) });
    expect(after.explanation.notes.join(' ')).toMatch(new RegExp(`re-timed at .*: SKB perubahan diunggah \\(calendar ${year}\\)`));
    expect((await c.row(trackingId)).events.at(-1)).toMatchObject({ type: 'DEADLINES_RETIMED', actorId: sysadmin.id, actorRole: 'SYSADMIN' });

    const audit = await auditOf(`/v1/admin/calendars/${year}/retime`);
    expect(audit[0]).toMatchObject({ action: 'retime-deadlines', statusCode: 200, detail: { body: { reason: 'SKB perubahan diunggah' } } });
    await admin().post('/v1/admin/calendars/2095/retime', { reason: 'tidak ada' }).expect(404);
  });
});

const day = (date: string) => ({ date, kind: 'PUBLIC_HOLIDAY', name: 'Hari libur uji' });
const decreeYear = (year: number) => ({ year, decrees: [`SKB uji ${year}`], days: [day(`${year}-01-01`)] });
