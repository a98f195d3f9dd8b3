import { csvFields, readCsv } from '../../src/areas/area-csv.js';
import { Subdistricts, subdistrictWords } from '../../src/areas/subdistricts.js';
import type { Match } from '../../src/areas/regency-matcher.js';

const subdistricts = Subdistricts.load();
const outcome = (m: Match<{ name: string }>) => (m.outcome === 'resolved' ? m.item.name : `${m.outcome}: ${m.candidates.map((c) => c.name).join(' | ')}`);

describe('districts and villages (idn-area-data, in memory)', () => {
  it('reads every district and village of the package', () => {
    expect(subdistricts.counts()).toEqual({ districts: 7285, villages: 83762 });
    expect(subdistricts.village('35.13.15.2017')).toEqual({ code: '35.13.15.2017', name: 'Soka"an', parentCode: '35.13.15' });
  });

  it.each([
    ['plain,fields', ['plain', 'fields']],
    ['12.07.28.1007,12.07.28,"Lubuk Pakam I,II"', ['12.07.28.1007', '12.07.28', 'Lubuk Pakam I,II']],
    ['35.13.15.2017,35.13.15,"Soka""an"', ['35.13.15.2017', '35.13.15', 'Soka"an']],
    ['a,,c', ['a', '', 'c']],
  ])('splits the CSV line %j', (line, fields) => {
    expect(csvFields(line)).toEqual(fields);
  });

  it('refuses a CSV row with a missing field or an unterminated quote', () => {
    expect(() => readCsv('code,name\n11,Aceh,extra')).toThrow(/line 2: expected 2 fields/);
    expect(() => csvFields('1,"open')).toThrow(/unterminated/);
  });

  it.each([
    ['Kec. Coblong', ['coblong']],
    ['Kecamatan Sentani Timur', ['sentani', 'timur']],
    ['Kel. Dago', ['dago']],
    ['Desa', ['desa']],
  ])('reads %j as the words %j', (written, words) => {
    expect(subdistrictWords(written)).toEqual(words);
  });

  it.each([
    ['32.73', 'Coblong', 'Coblong'],
    ['32.73', 'kec. coblong', 'Coblong'],
    ['32.73', 'Kecamatan Buah Batu', 'Buahbatu'],
    ['91.03', 'Sentani', 'Sentani'],
    ['91.03', 'Distrik Sentani Timur', 'Sentani Timur'],
    ['32.73', 'Bojongloa', 'ambiguous: Bojongloa Kaler | Bojongloa Kidul'],
  ])('in %s reads the district %j as %s', (regency, written, answer) => {
    expect(outcome(subdistricts.matchDistrict(regency, written))).toBe(answer);
  });

  it('does not guess a misspelt district; it offers the nearest of that regency only', () => {
    const m = subdistricts.matchDistrict('32.73', 'Kec. Coblonk');
    expect(m.outcome).toBe('unknown');
    expect(m.outcome !== 'resolved' && m.candidates[0].name).toBe('Coblong');
    const elsewhere = subdistricts.matchDistrict('32.73', 'Sentani');
    expect(elsewhere.outcome !== 'resolved' && elsewhere.candidates.map((c) => c.parentCode)).toEqual(['32.73', '32.73', '32.73', '32.73', '32.73']);
  });

  it.each([
    ['32.73.02', 'Kel. Dago', 'Dago'],
    ['32.73.02', 'lebak gede', 'Lebak Gede'],
    ['32.73.02', 'Lebak', 'ambiguous: Lebak Gede | Lebak Siliwangi'],
  ])('in %s reads the village %j as %s', (district, written, answer) => {
    expect(outcome(subdistricts.matchVillage(district, written))).toBe(answer);
  });
});
