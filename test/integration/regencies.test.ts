// Places of complaints matched to official regencies/cities (config/reference/agencies.json) on every
// intake, and the regional governments of the whole country loaded by the migrations.
import request from 'supertest';
import { ReferenceAreas } from '../../src/areas/reference-areas.js';
import { AgenciesRepository } from '../../src/directory/agencies.repository.js';
import { complaintBody, createTestApp, eventually, type TestApp } from '../support/app.js';
import { registerIntegrationClient, type TestIntegrationClient } from '../support/integration-clients.js';
import { createOfficers, type Officers } from '../support/officers.js';

const areas = new ReferenceAreas();

describe('regencies and cities of the whole country', () => {
  let t: TestApp;
  let officers: Officers;
  let sms: TestIntegrationClient;
  let open311: TestIntegrationClient;

  beforeAll(async () => {
    t = await createTestApp();
    officers = await createOfficers(t, []);
    sms = await registerIntegrationClient(t, officers.national.SYSADMIN, 'SMS', 'SMS 1708 gateway');
    open311 = await registerIntegrationClient(t, officers.national.SYSADMIN, 'WEB', 'Aplikasi Open311');
  });
  afterAll(() => t.close());

  const row = (trackingId: string) => t.prisma.complaint.findUniqueOrThrow({ where: { trackingId }, select: { regency: true, areaCode: true } });

  it('has every reference agency in PostgreSQL after the migrations, each regency/city government with its zone (514 of 514)', async () => {
    const rows = await t.prisma.agency.findMany({ where: { kind: { not: null } }, select: { id: true, kind: true, areaCode: true, provinceCode: true, timeZone: true } });
    const counts = Object.fromEntries(['MINISTRY', 'INSTITUTION', 'PROVINCE', 'REGENCY', 'CITY'].map((k) => [k, rows.filter((r) => r.kind === k).length]));
    expect(counts).toEqual({ MINISTRY: 48, INSTITUTION: 16, PROVINCE: 38, REGENCY: 416, CITY: 98 });
    const byArea = new Map(rows.filter((r) => r.areaCode).map((r) => [r.areaCode, r]));
    for (const regency of areas.allRegencies()) {
      const government = areas.governmentOf(regency.areaCode)!;
      expect(byArea.get(regency.areaCode)).toEqual({ id: government.id, kind: regency.kind, areaCode: regency.areaCode, provinceCode: regency.provinceCode, timeZone: government.timeZone });
    }
    expect(byArea.get('91.03')).toMatchObject({ id: 'pemkab-9103', timeZone: 'Asia/Jayapura' });
  });

  it('lists reference agencies with kind and codes, finds an area\'s agencies (reference first, then a demo stand-in) and keeps SYSADMIN from editing one', async () => {
    const listed = await request(t.http).get('/v1/reference/agencies').set(officers.national.VERIFIER.auth).expect(200);
    expect(listed.body.find((a: { id: string }) => a.id === 'pemkab-9103')).toEqual({
      id: 'pemkab-9103',
      name: 'Pemerintah Kabupaten Jayapura',
      timeZone: 'Asia/Jayapura',
      zoneLabel: 'WIT',
      kind: 'REGENCY',
      areaCode: '91.03',
      provinceCode: '91',
      units: [],
    });

    const standIn = `demo-jayapura-${Date.now()}`;
    await t.prisma.agency.create({ data: { id: standIn, name: 'Pemkab Jayapura (demo)', timeZone: 'Asia/Jayapura', areaCode: '91.03', provinceCode: '91' } });
    expect((await t.app.get(AgenciesRepository).byAreaCode('91.03')).map((a) => a.id)).toEqual(['pemkab-9103', standIn]);

    const admin = officers.national.SYSADMIN;
    const refused = await request(t.http).patch('/v1/admin/agencies/pemkab-9103').set(admin.auth).send({ timeZone: 'Asia/Jakarta' }).expect(409);
    expect(refused.body.message).toBe('pemkab-9103 is reference data (config/reference/agencies.json): change its source and run npm run reference:generate');
    await request(t.http).patch('/v1/admin/agencies/pemkab-9103').set(admin.auth).send({ name: 'Pemkab Jayapura' }).expect(409);
    await request(t.http).patch('/v1/admin/agencies/pemkab-9103').set(admin.auth).send({ name: 'Pemerintah Kabupaten Jayapura' }).expect(200);
    expect(await t.prisma.agency.findUniqueOrThrow({ where: { id: 'pemkab-9103' }, select: { name: true, timeZone: true } })).toEqual({ name: 'Pemerintah Kabupaten Jayapura', timeZone: 'Asia/Jayapura' });
  });

  it('files a complaint in Kabupaten Jayapura under its area code and, disposed to that regency, counts its deadlines in WIT', async () => {
    const res = await request(t.http).post('/v1/complaints').send(complaintBody({ location: { regency: 'kab. jayapura' } })).expect(201);
    const { trackingId } = res.body as { trackingId: string };
    const verifier = officers.national.VERIFIER;
    const view = await request(t.http).get(`/v1/complaints/${trackingId}`).set(verifier.auth).expect(200);
    expect(view.body.location).toEqual({ regency: 'Kabupaten Jayapura', areaCode: '91.03', district: null, districtCode: null, village: null, villageCode: null });

    const government = areas.governmentOf(view.body.location.areaCode)!;
    expect(government).toMatchObject({ id: 'pemkab-9103', name: 'Pemerintah Kabupaten Jayapura', timeZone: 'Asia/Jayapura' });
    await eventually(async () => ((await t.prisma.complaint.findUnique({ where: { trackingId } }))?.workflowStartedAt ? true : undefined));
    await request(t.http).post(`/v1/complaints/${trackingId}/verify`).set(verifier.auth).send({ agencyId: government.id }).expect(200);
    const disposed = await eventually(async () => {
      const res = await request(t.http).get(`/v1/complaints/${trackingId}`).set(verifier.auth).expect(200);
      return res.body.process?.deadlines.some((d: { stage: string }) => d.stage === 'assignment') ? res.body : undefined;
    });
    expect(disposed.agencyId).toBe('pemkab-9103');
    const assignment = disposed.process.deadlines.find((d: { stage: string }) => d.stage === 'assignment');
    expect(assignment.explanation).toMatchObject({ timeZone: 'Asia/Jayapura' });
    expect(assignment.dueAt).toMatch(/T23:59:59\.999\+09:00$/);
  });

  it('matches an optional district and village within the regency, refusing one it cannot decide with 400 naming that field', async () => {
    const submit = (location: Record<string, string>) => request(t.http).post('/v1/complaints').send(complaintBody({ location }));
    const filed = await submit({ regency: 'Kota Bandung', district: 'Kec. Coblong', village: 'kel dago' }).expect(201);
    const view = await request(t.http).get(`/v1/complaints/${filed.body.trackingId}`).set(officers.national.VERIFIER.auth).expect(200);
    expect(view.body.location).toEqual({ regency: 'Kota Bandung', areaCode: '32.73', district: 'Coblong', districtCode: '32.73.02', village: 'Dago', villageCode: '32.73.02.1004' });

    const district = await submit({ regency: 'Kota Bandung', district: 'Bojongloa' }).expect(400);
    expect(district.body.message).toEqual(["location.district: 'Bojongloa' fits more than one place; write one of: Bojongloa Kaler (Kota Bandung, Jawa Barat), Bojongloa Kidul (Kota Bandung, Jawa Barat)"]);
    expect(district.body.candidates).toEqual([
      { areaCode: '32.73.04', name: 'Bojongloa Kaler', within: 'Kota Bandung, Jawa Barat' },
      { areaCode: '32.73.17', name: 'Bojongloa Kidul', within: 'Kota Bandung, Jawa Barat' },
    ]);
    const village = await submit({ regency: 'Kota Bandung', district: 'Coblong', village: 'Dagoo' }).expect(400);
    expect(village.body.candidates[0]).toEqual({ areaCode: '32.73.02.1004', name: 'Dago', within: 'Coblong, Kota Bandung, Jawa Barat' });
    const orphan = await submit({ regency: 'Kota Bandung', village: 'Dago' }).expect(400);
    expect(orphan.body.message).toEqual(['location.village: name the district (location.district) the village lies in']);
  });

  it('resolves the place of an SMS LAPOR#<regency># prefix, refuses one it cannot decide (400 on text) and files an SMS naming none without a code', async () => {
    const from = '+6281299990001';
    const named = await request(t.http).post('/v1/channels/sms').set(sms.header).send({ from, text: 'LAPOR#Kota Bdg#Jalan berlubang di Jl. Soekarno-Hatta' }).expect(200);
    expect(await row(named.body.trackingId)).toEqual({ regency: 'Kota Bandung', areaCode: '32.73' });

    const ambiguous = await request(t.http).post('/v1/channels/sms').set(sms.header).send({ from, text: 'LAPOR#Bandung#Jalan berlubang' }).expect(400);
    expect(ambiguous.body.message).toEqual(["text: 'Bandung' fits more than one place; write one of: Kabupaten Bandung (Jawa Barat), Kota Bandung (Jawa Barat)"]);
    expect(ambiguous.body.candidates.map((c: { areaCode: string }) => c.areaCode)).toEqual(['32.04', '32.73']);

    const unnamed = await request(t.http).post('/v1/channels/sms').set(sms.header).send({ from, text: `Lampu jalan padam ${Date.now()}` }).expect(200);
    expect(await row(unnamed.body.trackingId)).toEqual({ regency: 'Belum disebutkan (SMS 1708)', areaCode: null });
  });

  it("resolves Open311's address_string (an address naming a regency too) and refuses one it cannot decide in Open311's error list", async () => {
    const post = (address: string) =>
      request(t.http)
        .post('/open311/v2/requests.json')
        .type('form')
        .send(new URLSearchParams({ api_key: open311.apiKey, service_code: 'COMPLAINT', description: 'Sampah menumpuk di pasar', address_string: address }).toString());
    const filed = await post('Pasar Baru, Kab. Gowa').expect(201);
    expect(await row(filed.body[0].service_request_id)).toEqual({ regency: 'Kabupaten Gowa', areaCode: '73.06' });

    const refused = await post('Jayapura').expect(400);
    expect(refused.body).toEqual([{ code: 400, description: "address_string: 'Jayapura' fits more than one place; write one of: Kabupaten Jayapura (Papua), Kota Jayapura (Papua)" }]);
  });
});
