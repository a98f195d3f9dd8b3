import { loadReferenceAgencies, regenciesOf } from '../../src/areas/reference-agencies.js';
import { abbreviates, parsePlace, RegencyMatcher, type PlaceMatch } from '../../src/areas/regency-matcher.js';

const regencies = regenciesOf(loadReferenceAgencies());
const matcher = new RegencyMatcher(regencies);
const outcome = (m: PlaceMatch) => (m.outcome === 'resolved' ? m.regency.name : `${m.outcome}: ${m.candidates.map((c) => c.name).join(' | ')}`);

describe('regency matcher', () => {
  it('resolves every official name, with and without its kind, to itself (514 of 514)', () => {
    expect(regencies).toHaveLength(514);
    for (const regency of regencies) {
      const m = matcher.match(regency.name);
      expect(m.outcome === 'resolved' && m.regency.areaCode).toBe(regency.areaCode);
    }
  });

  it.each([
    ['Kota Bandung', 'Kota Bandung'],
    ['kota bandung', 'Kota Bandung'],
    ['KOTA BANDUNG', 'Kota Bandung'],
    ['Kab. Bandung', 'Kabupaten Bandung'],
    ['kabupaten bandung', 'Kabupaten Bandung'],
    ['Kab Bandung', 'Kabupaten Bandung'],
    ['  Kab.  Bandung. ', 'Kabupaten Bandung'],
    ['Pemkab Bandung', 'Kabupaten Bandung'],
    ['Kota Bdg', 'Kota Bandung'],
    ['Kot. Bandung', 'Kota Bandung'],
    ['Kodya Bandung', 'Kota Bandung'],
    ['Kab. Bdg Brt', 'Kabupaten Bandung Barat'],
    ['Bandung Barat', 'Kabupaten Bandung Barat'],
    ['Kab. Jayapura', 'Kabupaten Jayapura'],
    ['Kota Jayapura', 'Kota Jayapura'],
    ['Gowa', 'Kabupaten Gowa'],
    ['Kota Makassar', 'Kota Makassar'],
    ['Makassar', 'Kota Makassar'],
    ['Kota Yogyakarta', 'Kota Yogyakarta'],
    ['Jogja', 'Kota Yogyakarta'],
    ['Jakarta Selatan', 'Kota Administrasi Jakarta Selatan'],
    ['Kota Jakarta Selatan', 'Kota Administrasi Jakarta Selatan'],
    ['Jaksel', 'Kota Administrasi Jakarta Selatan'],
    ['Kota Jkt Sel', 'Kota Administrasi Jakarta Selatan'],
    ['Kepulauan Seribu', 'Kabupaten Administrasi Kepulauan Seribu'],
    ['Kab. Kep. Seribu', 'Kabupaten Administrasi Kepulauan Seribu'],
    ['Kota Tidore', 'Kota Tidore Kepulauan'],
    ['Fakfak', 'Kabupaten Fak Fak'],
    ['Makasar', 'Kota Makassar'],
    ['Kabupaten Jayapur', 'Kabupaten Jayapura'],
    ['Kabupatén Gowa', 'Kabupaten Gowa'],
    ['Jl. Asia Afrika No. 1, Kota Bandung, Jawa Barat', 'Kota Bandung'],
  ])('reads %j as %s', (written, official) => {
    expect(outcome(matcher.match(written))).toBe(official);
  });

  it.each([
    ['Bandung', 'ambiguous: Kabupaten Bandung | Kota Bandung'],
    ['bandung', 'ambiguous: Kabupaten Bandung | Kota Bandung'],
    ['Jayapura', 'ambiguous: Kabupaten Jayapura | Kota Jayapura'],
    ['Sorong', 'ambiguous: Kabupaten Sorong | Kota Sorong'],
    ['Jakarta', 'ambiguous: Kota Administrasi Jakarta Barat | Kota Administrasi Jakarta Pusat | Kota Administrasi Jakarta Selatan | Kota Administrasi Jakarta Timur | Kota Administrasi Jakarta Utara'],
  ])('finds %j ambiguous: %s', (written, answer) => {
    expect(outcome(matcher.match(written))).toBe(answer);
  });

  it.each([
    ['Kota Bandunq', 'Kota Bandung'],
    ['Bandugn', 'Kabupaten Bandung'],
    ['Kota Gowa', 'Kabupaten Gowa'],
    ['Makasssar', 'Kota Makassar'],
    ['Surabaja', 'Kota Surabaya'],
  ])('does not guess a misspelling %j, it offers the nearest names first %s', (written, nearest) => {
    const m = matcher.match(written);
    expect(m.outcome).toBe('unknown');
    expect(m.outcome !== 'resolved' && m.candidates[0].name).toBe(nearest);
    expect(m.outcome !== 'resolved' && m.candidates.length).toBe(5);
  });

  it('offers no candidate for nothing but punctuation', () => {
    expect(matcher.match(' .,- ')).toEqual({ outcome: 'unknown', candidates: [] });
  });

  it.each([
    ['bdg', 'bandung', true],
    ['brt', 'barat', true],
    ['kep', 'kepulauan', true],
    ['bandung', 'bandung', true],
    ['b', 'bandung', false],
    ['dbg', 'bandung', false],
    ['bgd', 'bandung', false],
    ['bandungx', 'bandung', false],
  ])('abbreviates(%j, %j) is %s', (short, word, expected) => {
    expect(abbreviates(short, word)).toBe(expected);
  });

  it.each([
    ['Kab. Bandung', { kind: 'REGENCY', words: ['bandung'] }],
    ['Kota Adm. Jakarta Pusat', { kind: 'CITY', words: ['jakarta', 'pusat'] }],
    ['Kota', { kind: undefined, words: ['kota'] }],
    ['Jakbar', { kind: undefined, words: ['jakarta', 'barat'] }],
  ])('parses %j', (written, parsed) => {
    expect(parsePlace(written)).toEqual(parsed);
  });
});
