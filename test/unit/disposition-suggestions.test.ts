import { ReferenceAreas } from '../../src/areas/reference-areas.js';
import {
  loadMinistryKeywords,
  matchKeywords,
  MAX_MINISTRIES,
  suggestDispositions,
  type MinistryKeywords,
  type SuggestableAgency,
  type SuggestionData,
} from '../../src/complaints/disposition-suggestions.js';

const areas = new ReferenceAreas();
const keywords = loadMinistryKeywords();

const demo = (id: string, timeZone: string): SuggestableAgency => ({ id, name: id, kind: null, timeZone });
const data = (liaisons: Record<string, number> = {}, standIns: Record<string, SuggestableAgency[]> = {}): SuggestionData => ({
  governmentOf: (code) => areas.governmentOf(code),
  agency: (id) => areas.agency(id),
  standIns: new Map(Object.entries(standIns)),
  liaisons: new Map(Object.entries(liaisons)),
  keywords,
});

describe(suggestDispositions.name, () => {
  it.each([
    // [what, area, title, chronology, expected IDs in order]
    ['Kabupaten Jayapura: the regency, then its province', '91.03', 'Lampu taman mati', 'Sudah seminggu.', ['pemkab-9103', 'pemprov-91']],
    ['Kota Bandung with a KTP problem', '32.73', 'e-KTP belum jadi', 'Sudah tiga bulan menunggu.', ['pemkot-3273', 'pemprov-32', 'kemendagri']],
    ['keywords in the chronology only', '73.71', 'Pelayanan lambat', 'Antre di puskesmas sejak pagi, obat habis.', ['pemkot-7371', 'pemprov-73', 'kemenkes']],
    ['no place: ministries only', null, 'Sekolah memungut biaya', 'Guru meminta uang, dana BOS tidak jelas.', ['kemendikdasmen']],
    ['no place, no keyword: nothing', null, 'Pelayanan lambat', 'Sudah lama.', []],
    ['an area code the reference data lacks', '99.99', 'Pelayanan lambat', 'Sudah lama.', []],
    ['accents, case and -nya are read', '51.71', 'LISTRIK padam', 'Pémadaman dan sekolahnya tutup.', ['pemkot-5171', 'pemprov-51', 'kementerian-esdm', 'kemendikdasmen']],
    ['an address starting with "Jalan" is no road keyword', '32.73', 'Pungutan liar', 'Di Jalan Asia Afrika ada pungli oleh oknum.', ['pemkot-3273', 'pemprov-32', 'polri']],
  ] as const)('%s', (_what, areaCode, title, chronology, expected) => {
    expect(suggestDispositions({ areaCode, title, chronology }, data()).map((s) => s.id)).toEqual(expected);
  });

  it('gives each agency its own zone from the reference data and says why', () => {
    const [regency, province] = suggestDispositions({ areaCode: '91.03', title: 'x', chronology: 'y' }, data());
    expect(regency).toMatchObject({ id: 'pemkab-9103', kind: 'REGENCY', timeZone: 'Asia/Jayapura', reason: 'REGENCY_GOVERNMENT', standInFor: null, liaisons: 0 });
    expect(province).toMatchObject({ id: 'pemprov-91', kind: 'PROVINCE', timeZone: 'Asia/Jayapura', reason: 'PROVINCE_GOVERNMENT' });
  });

  it('adds the demo stand-in after a government without liaisons, and not after one with liaisons', () => {
    const standIns = { '32.73': [demo('pemkot-bandung', 'Asia/Jakarta')], '32': [demo('pemprov-jabar-demo', 'Asia/Jakarta')] };
    const unstaffed = suggestDispositions({ areaCode: '32.73', title: 'x', chronology: 'y' }, data({ 'pemkot-bandung': 2 }, standIns));
    expect(unstaffed.map((s) => [s.id, s.reason, s.standInFor, s.liaisons])).toEqual([
      ['pemkot-3273', 'REGENCY_GOVERNMENT', null, 0],
      ['pemkot-bandung', 'DEMO_STAND_IN', 'pemkot-3273', 2],
      ['pemprov-32', 'PROVINCE_GOVERNMENT', null, 0],
      ['pemprov-jabar-demo', 'DEMO_STAND_IN', 'pemprov-32', 0],
    ]);
    const staffed = suggestDispositions({ areaCode: '32.73', title: 'x', chronology: 'y' }, data({ 'pemkot-3273': 1, 'pemprov-32': 1 }, standIns));
    expect(staffed.map((s) => s.id)).toEqual(['pemkot-3273', 'pemprov-32']);
  });

  it(`suggests at most ${MAX_MINISTRIES} ministries, each once`, () => {
    const text = 'KTP, puskesmas, sekolah, listrik, bansos, PHK, polisi: semua bermasalah. Puskesmas lagi.';
    const ministries = suggestDispositions({ areaCode: null, title: 'Banyak masalah', chronology: text }, data());
    expect(ministries).toHaveLength(MAX_MINISTRIES);
    expect(new Set(ministries.map((s) => s.id)).size).toBe(MAX_MINISTRIES);
    expect(ministries.every((s) => s.reason === 'KEYWORDS' && s.keywords.length > 0)).toBe(true);
  });
});

describe(matchKeywords.name, () => {
  const table: MinistryKeywords[] = [
    { agencyId: 'a', topic: 'A', keywords: ['rumah sakit', 'obat'] },
    { agencyId: 'b', topic: 'B', keywords: ['sekolah'] },
    { agencyId: 'c', topic: 'C', keywords: ['guru'] },
  ];

  it.each([
    ['a title keyword weighs 2, a chronology keyword 1', 'Sekolah rusak', 'Obat habis', [['b', 2, ['sekolah']], ['a', 1, ['obat']]]],
    ['several words match in a row only', 'x', 'rumah yang sakit; rumah sakit penuh', [['a', 1, ['rumah sakit']]]],
    ['a keyword counts once however often it occurs', 'x', 'obat obat obat, rumah sakit', [['a', 2, ['rumah sakit', 'obat']]]],
    ['ties keep the file order', 'x', 'guru dan sekolah', [['b', 1, ['sekolah']], ['c', 1, ['guru']]]],
    ['part of a word is no match', 'x', 'persekolahan, berobat', []],
  ] as const)('%s', (_what, title, chronology, expected) => {
    expect(matchKeywords(table, title, chronology).map((m) => [m.agencyId, m.score, m.keywords])).toEqual(expected);
  });

  it.each([
    ['hajj and umrah go to the Kementerian Haji dan Umrah (2025), not to the Kementerian Agama', 'Pelunasan biaya haji tidak tercatat', 'kemenhaj'],
    ['marriage registration stays with the Kementerian Agama', 'Buku nikah di KUA belum terbit', 'kemenag'],
  ])('the reviewed file: %s', (_what, title, agencyId) => {
    expect(matchKeywords(keywords, title, '')[0]?.agencyId).toBe(agencyId);
  });

  it('names only agencies of the reference data', () => {
    expect(keywords.filter((k) => areas.agency(k.agencyId) === undefined).map((k) => k.agencyId)).toEqual([]);
  });
});
