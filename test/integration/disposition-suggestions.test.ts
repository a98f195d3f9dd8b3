// GET /v1/complaints/:trackingId/disposition-suggestions against the real stack: the place's governments
// with their zones from the reference data, the demo stand-in with liaisons, ministries by keywords, and who
// may ask. Complaint rows are written directly: suggestions need no workflow. A schema of its own: other
// suites add demo stand-ins for the same regencies, and the order asserted here is exact.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { migrate } from '../../src/database/migrator.js';
import { createAgencies, createTestApp, insertComplaintRow, type TestApp } from '../support/app.js';
import { createOfficers, type Officers } from '../support/officers.js';
import { dropSchema, testDatabaseUrl } from '../support/stack.js';

interface Suggestion {
  agencyId: string;
  kind: string | null;
  timeZone: string;
  zoneLabel: string;
  reason: string;
  reasonText: string;
  keywords: string[];
  standInFor: string | null;
  liaisons: number;
}

describe('disposition suggestions', () => {
  let t: TestApp;
  let officers: Officers;
  let agencyId: string;

  const databaseUrl = testDatabaseUrl();

  beforeAll(async () => {
    await migrate(databaseUrl);
    t = await createTestApp({ DATABASE_URL: databaseUrl });
    agencyId = (await createAgencies(t.prisma)).jakarta.id;
    officers = await createOfficers(t, [agencyId]);
  });
  afterAll(async () => {
    await t.close();
    await dropSchema(databaseUrl);
  });

  const suggestions = (trackingId: string, auth = officers.national.VERIFIER.auth) => request(t.http).get(`/v1/complaints/${trackingId}/disposition-suggestions`).set(auth);

  it('suggests Kabupaten Jayapura, then the province of Papua, both in WIT from the reference data, then the health ministry for a puskesmas', async () => {
    const complaint = await insertComplaintRow(t.prisma, {
      regency: 'Kabupaten Jayapura',
      areaCode: '91.03',
      title: 'Puskesmas tutup di jam layanan',
      chronology: 'Tidak ada dokter sejak pagi; obat untuk anak saya habis.',
    });
    const res = await suggestions(complaint.trackingId).expect(200);
    expect(res.body).toMatchObject({ trackingId: complaint.trackingId, areaCode: '91.03' });
    const list = res.body.suggestions as Suggestion[];
    expect(list[0]).toEqual({
      agencyId: 'pemkab-9103',
      name: 'Pemerintah Kabupaten Jayapura',
      kind: 'REGENCY',
      timeZone: 'Asia/Jayapura',
      zoneLabel: 'WIT',
      reason: 'REGENCY_GOVERNMENT',
      reasonText: 'government of the regency or city where it happened (Kabupaten Jayapura)',
      keywords: [],
      standInFor: null,
      liaisons: 0,
    });
    expect(list[1]).toMatchObject({ agencyId: 'pemprov-91', kind: 'PROVINCE', timeZone: 'Asia/Jayapura', zoneLabel: 'WIT', reason: 'PROVINCE_GOVERNMENT' });
    expect(list.slice(2).map((s) => [s.agencyId, s.reason, s.keywords, s.timeZone])).toEqual([['kemenkes', 'KEYWORDS', ['puskesmas', 'obat', 'dokter'], 'Asia/Jakarta']]);
  });

  it('puts a demo stand-in with liaisons after the government it plays, and words reasons in Indonesian on request', async () => {
    const standIn = `pemkot-gorontalo-demo-${randomBytes(3).toString('hex')}`;
    await t.prisma.agency.create({ data: { id: standIn, name: 'Pemkot Gorontalo (demo)', timeZone: 'Asia/Makassar', areaCode: '75.71', provinceCode: '75' } });
    await t.prisma.user.create({ data: { id: `usr-${standIn}`, username: `usr-${standIn}`, passwordHash: 'x', displayName: 'Penghubung', role: 'LIAISON', agencyId: standIn } });
    const complaint = await insertComplaintRow(t.prisma, { regency: 'Kota Gorontalo', areaCode: '75.71', title: 'Lampu jalan mati', chronology: 'Gelap sejak sebulan.' });
    const res = await suggestions(complaint.trackingId).set('Accept-Language', 'id').expect(200);
    expect((res.body.suggestions as Suggestion[]).map((s) => [s.agencyId, s.reason, s.standInFor, s.liaisons, s.zoneLabel])).toEqual([
      ['pemkot-7571', 'REGENCY_GOVERNMENT', null, 0, 'WITA'],
      [standIn, 'DEMO_STAND_IN', 'pemkot-7571', 1, 'WITA'],
      ['pemprov-75', 'PROVINCE_GOVERNMENT', null, 0, 'WITA'],
    ]);
    expect(res.body.suggestions[1].reasonText).toBe('instansi demo pengganti Pemerintah Kota Gorontalo, yang belum memiliki pejabat penghubung');
  });

  it('suggests ministries only for a complaint without a place', async () => {
    const complaint = await insertComplaintRow(t.prisma, { regency: '', areaCode: null, title: 'e-KTP belum jadi', chronology: 'Sudah tiga bulan.' });
    const res = await suggestions(complaint.trackingId).expect(200);
    expect(res.body.areaCode).toBeNull();
    expect((res.body.suggestions as Suggestion[]).map((s) => s.agencyId)).toEqual(['kemendagri']);
  });

  it('answers only verifiers: 403 for other roles and agency officers, 401 without a token, 400 for a malformed tracking ID, 404 for an unknown one', async () => {
    const complaint = await insertComplaintRow(t.prisma, { agencyId, areaCode: '32.73' });
    for (const officer of [officers.national.AUDITOR, officers.national.SYSADMIN, officers.byAgency[agencyId].AGENCY_ADMIN, officers.byAgency[agencyId].LIAISON]) {
      await suggestions(complaint.trackingId, officer.auth).expect(403);
    }
    await request(t.http).get(`/v1/complaints/${complaint.trackingId}/disposition-suggestions`).expect(401);
    const malformed = await suggestions('not-a-tracking-id').expect(400);
    expect(JSON.stringify(malformed.body)).toContain('trackingId');
    await suggestions('LPR-ZZZZ-ZZZZ').expect(404);
  });

  it('leaves the choice to the verifier: verify names the field for an agency that does not exist', async () => {
    const complaint = await insertComplaintRow(t.prisma, { areaCode: '91.03' });
    const res = await request(t.http).post(`/v1/complaints/${complaint.trackingId}/verify`).set(officers.national.VERIFIER.auth).send({ agencyId: 'no-such-agency' }).expect(400);
    expect(JSON.stringify(res.body)).toContain('agencyId');
    expect(JSON.stringify(res.body)).toContain('no-such-agency');
  });
});
