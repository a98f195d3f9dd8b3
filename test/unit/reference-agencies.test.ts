import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReferenceAgencies } from '../../scripts/generate-reference-agencies.js';
import { REFERENCE_AGENCIES_FILE, loadReferenceAgencies, regenciesOf } from '../../src/areas/reference-agencies.js';
import { ReferenceAreas } from '../../src/areas/reference-areas.js';
import { projectRoot } from '../../src/project-root.js';

const file = loadReferenceAgencies();
const areas = new ReferenceAreas(file);

describe('reference agencies (config/reference/agencies.json)', () => {
  it('is byte for byte what npm run reference:generate writes from its sources (nobody edits it by hand)', () => {
    expect(readFileSync(join(projectRoot(), REFERENCE_AGENCIES_FILE), 'utf8')).toBe(renderReferenceAgencies());
  });

  it('names its source package and version, and the zone mapping with its legal source', () => {
    expect(file.sources.areas).toMatch(/^npm package idn-area-data@4\.0\.1 /);
    expect(file.sources.timeZones).toMatch(/Keputusan Presiden Republik Indonesia Nomor 41 Tahun 1987/);
    expect(file.sources.ministries).toMatch(/Peraturan Presiden Nomor 139 Tahun 2024/);
    expect(Object.keys(file.zoneByProvince)).toHaveLength(38);
  });

  it('has one government per province (38) and per regency/city (514), the ministries (48) and institutions', () => {
    expect(file.counts).toEqual({
      total: 616,
      MINISTRY: 48,
      INSTITUTION: 16,
      PROVINCE: 38,
      REGENCY: 416,
      CITY: 98,
      'Asia/Jakarta': 383,
      'Asia/Makassar': 162,
      'Asia/Jayapura': 71,
    });
    expect(new Set(file.agencies.map((a) => a.id)).size).toBe(file.agencies.length);
  });

  it('resolves every regency and city to its government, with its province and a zone (514 of 514)', () => {
    const regencies = regenciesOf(file);
    expect(regencies).toHaveLength(514);
    for (const regency of regencies) {
      const government = areas.governmentOf(regency.areaCode);
      expect(government).toMatchObject({ kind: regency.kind, areaCode: regency.areaCode, provinceCode: regency.provinceCode, name: `Pemerintah ${regency.name}` });
      expect(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']).toContain(government?.timeZone);
      expect(areas.provinceGovernmentOf(regency.areaCode)?.timeZone).toBe(government?.timeZone);
    }
  });

  // Keppres 41/1987, province by province (provinces formed since then by the territory they lie in).
  it.each([
    ['Asia/Jakarta', ['Aceh', 'Sumatera Utara', 'Sumatera Barat', 'Riau', 'Jambi', 'Sumatera Selatan', 'Bengkulu', 'Lampung', 'Kepulauan Bangka Belitung', 'Kepulauan Riau', 'Daerah Khusus Ibukota Jakarta', 'Jawa Barat', 'Jawa Tengah', 'Daerah Istimewa Yogyakarta', 'Jawa Timur', 'Banten', 'Kalimantan Barat', 'Kalimantan Tengah']],
    ['Asia/Makassar', ['Bali', 'Nusa Tenggara Barat', 'Nusa Tenggara Timur', 'Kalimantan Selatan', 'Kalimantan Timur', 'Kalimantan Utara', 'Sulawesi Utara', 'Sulawesi Tengah', 'Sulawesi Selatan', 'Sulawesi Tenggara', 'Gorontalo', 'Sulawesi Barat']],
    ['Asia/Jayapura', ['Maluku', 'Maluku Utara', 'Papua', 'Papua Barat', 'Papua Selatan', 'Papua Tengah', 'Papua Pegunungan', 'Papua Barat Daya']],
  ])('puts the provinces of %s there', (zone, provinces) => {
    const inZone = file.agencies.filter((a) => a.kind === 'PROVINCE' && a.timeZone === zone).map((a) => a.name.replace('Pemerintah Provinsi ', ''));
    expect(inZone.sort()).toEqual([...provinces].sort());
  });

  it('looks up a regency, its government and province by area code, and reads what people write', () => {
    expect(areas.regencyByCode('91.03')).toMatchObject({ name: 'Kabupaten Jayapura', provinceName: 'Papua' });
    expect(areas.governmentOf('91.03')).toMatchObject({ id: 'pemkab-9103', timeZone: 'Asia/Jayapura' });
    expect(areas.provinceGovernmentOf('91.03')).toMatchObject({ id: 'pemprov-91', name: 'Pemerintah Provinsi Papua' });
    expect(areas.governmentOf('99.99')).toBeUndefined();
    expect(areas.agency('kemendagri')).toMatchObject({ kind: 'MINISTRY', timeZone: 'Asia/Jakarta' });
    expect(areas.resolveRegency('Kab. Jayapura')).toMatchObject({ outcome: 'resolved', regency: { areaCode: '91.03' } });
  });
});
