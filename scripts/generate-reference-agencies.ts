// npm run reference:generate: writes config/reference/agencies.json, the reference agencies of the whole
// country, from
//   - the npm package idn-area-data (pinned in package.json): provinces.csv and regencies.csv, with their
//     official area codes — one regional government per province and per regency/city;
//   - config/reference/time-zones.json (reviewed): the zone of each province, after Keppres 41/1987;
//   - config/reference/national-agencies.json (reviewed): ministries (Perpres 139/2024) and national institutions.
// An update of any source is a reviewed diff of the generated file; test/unit/reference-agencies.test.ts
// fails when the committed file is not byte for byte what this writes (so nobody edits it by hand).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AREA_PACKAGE, areaPackageDir, readAreaCsv } from '../src/areas/area-csv.js';
import { AGENCY_TIME_ZONES, type AgencyTimeZone } from '../src/calendars/time-zones.js';
import { projectRoot } from '../src/project-root.js';
import { AGENCY_KINDS, REFERENCE_AGENCIES_FILE, regionalAgencyId, type ReferenceAgenciesFile, type ReferenceAgency } from '../src/areas/reference-agencies.js';

const SOURCE_PACKAGE = AREA_PACKAGE;

interface TimeZonesFile {
  legalSource: string;
  provinces: { code: string; name: string; timeZone: string }[];
}

interface NationalList {
  source: string;
  timeZone: string;
  agencies: { id: string; name: string }[];
}

interface NationalAgenciesFile {
  ministries: NationalList;
  institutions: NationalList;
}

const zoneOf = (value: string, where: string): AgencyTimeZone => {
  if (!(AGENCY_TIME_ZONES as readonly string[]).includes(value)) throw new Error(`${where}: time zone ${value} is not one of ${AGENCY_TIME_ZONES.join(', ')}`);
  return value as AgencyTimeZone;
};

/** The generated file's text: the header (sources, zone mapping, counts), then one agency per line. */
export function renderReferenceAgencies(root = projectRoot()): string {
  const pkg = JSON.parse(readFileSync(join(areaPackageDir(root), 'package.json'), 'utf8')) as { version: string; license: string };
  const csv = (file: string) => readAreaCsv(file, root);
  const zones = JSON.parse(readFileSync(join(root, 'config', 'reference', 'time-zones.json'), 'utf8')) as TimeZonesFile;
  const national = JSON.parse(readFileSync(join(root, 'config', 'reference', 'national-agencies.json'), 'utf8')) as NationalAgenciesFile;

  const zoneByProvince = new Map(zones.provinces.map((p) => [p.code, { name: p.name, timeZone: zoneOf(p.timeZone, `time-zones.json ${p.code}`) }]));
  const provinces = csv('provinces.csv');
  const agencies: ReferenceAgency[] = [];
  for (const list of [national.ministries, national.institutions]) {
    const kind = list === national.ministries ? 'MINISTRY' : 'INSTITUTION';
    for (const a of list.agencies) agencies.push({ id: a.id, kind, name: a.name, areaCode: null, provinceCode: null, timeZone: zoneOf(list.timeZone, a.id) });
  }
  for (const { code, name } of provinces) {
    const zone = zoneByProvince.get(code);
    if (!zone) throw new Error(`province ${code} ${name} has no time zone in config/reference/time-zones.json`);
    if (zone.name !== name) throw new Error(`province ${code} is ${name} in ${SOURCE_PACKAGE} but ${zone.name} in config/reference/time-zones.json`);
    agencies.push({ id: regionalAgencyId('PROVINCE', code), kind: 'PROVINCE', name: `Pemerintah Provinsi ${name}`, areaCode: code, provinceCode: code, timeZone: zone.timeZone });
  }
  const stale = [...zoneByProvince.keys()].filter((code) => !provinces.some((p) => p.code === code));
  if (stale.length) throw new Error(`config/reference/time-zones.json names provinces ${SOURCE_PACKAGE} no longer has: ${stale.join(', ')}`);
  for (const { code, province_code: provinceCode, name } of csv('regencies.csv')) {
    const kind = /^Kota /.test(name) ? 'CITY' : /^Kabupaten /.test(name) ? 'REGENCY' : undefined;
    if (!kind) throw new Error(`regency ${code} ${name} is neither a Kabupaten nor a Kota`);
    if (!code.startsWith(`${provinceCode}.`)) throw new Error(`regency ${code} does not lie in its province ${provinceCode}`);
    const zone = zoneByProvince.get(provinceCode);
    if (!zone) throw new Error(`regency ${code} ${name}: unknown province ${provinceCode}`);
    agencies.push({ id: regionalAgencyId(kind, code), kind, name: `Pemerintah ${name}`, areaCode: code, provinceCode, timeZone: zone.timeZone });
  }
  const ids = new Set<string>();
  for (const { id } of agencies) {
    if (ids.has(id)) throw new Error(`two reference agencies share the ID ${id}`);
    ids.add(id);
  }

  const counts: Record<string, number> = { total: agencies.length };
  for (const kind of AGENCY_KINDS) counts[kind] = agencies.filter((a) => a.kind === kind).length;
  for (const zone of AGENCY_TIME_ZONES) counts[zone] = agencies.filter((a) => a.timeZone === zone).length;
  const header: Omit<ReferenceAgenciesFile, 'agencies'> = {
    generatedBy: 'npm run reference:generate (scripts/generate-reference-agencies.ts); do not edit: edit a source and regenerate',
    sources: {
      areas: `npm package ${SOURCE_PACKAGE}@${pkg.version} (package licence ${pkg.license}; data/LICENSE.md: ODbL), data/provinces.csv and data/regencies.csv: official area codes and names`,
      timeZones: `config/reference/time-zones.json: ${zones.legalSource}`,
      ministries: `config/reference/national-agencies.json: ${national.ministries.source}`,
      institutions: `config/reference/national-agencies.json: ${national.institutions.source}`,
    },
    zoneByProvince: Object.fromEntries([...zoneByProvince].map(([code, z]) => [code, z.timeZone])),
    counts,
  };
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  return `${head},\n  "agencies": [\n${agencies.map((a) => `    ${JSON.stringify(a)}`).join(',\n')}\n  ]\n}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = join(projectRoot(), REFERENCE_AGENCIES_FILE);
  writeFileSync(file, renderReferenceAgencies());
  const { counts } = JSON.parse(readFileSync(file, 'utf8')) as ReferenceAgenciesFile;
  console.log(`wrote ${REFERENCE_AGENCIES_FILE}: ${JSON.stringify(counts)}`);
}
