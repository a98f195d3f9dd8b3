// Districts (kecamatan, 7,285) and villages (kelurahan/desa, 83,762) of idn-area-data, read from the
// package into memory on first use (not into PostgreSQL): a complaint may name them, optionally, within
// its regency. Each parent's matcher is built when a complaint first names a place in it.
import { readAreaCsv } from './area-csv.js';
import { NameMatcher, wordsOf, type Match } from './regency-matcher.js';

/** A district or village: its official code (`32.73.01`, `32.73.01.1001`), name and the code of what it lies in. */
export interface Subdistrict {
  code: string;
  name: string;
  parentCode: string;
}

/** Words people put before a district's or village's name. */
const LEVEL_WORDS = new Set(['kecamatan', 'kec', 'distrik', 'kelurahan', 'kel', 'desa', 'ds', 'kampung', 'kp', 'nagari', 'gampong']);

/** A name's words without a leading level word ("Kec. Coblong" is "coblong"). */
export function subdistrictWords(text: string): string[] {
  const words = wordsOf(text);
  return words.length > 1 && LEVEL_WORDS.has(words[0]) ? words.slice(1) : words;
}

const byParent = (rows: Record<string, string>[], parentColumn: string): Map<string, Subdistrict[]> => {
  const map = new Map<string, Subdistrict[]>();
  for (const row of rows) {
    const place = { code: row.code, name: row.name, parentCode: row[parentColumn] };
    const siblings = map.get(place.parentCode);
    if (siblings) siblings.push(place);
    else map.set(place.parentCode, [place]);
  }
  return map;
};

class Level {
  private readonly matchers = new Map<string, NameMatcher<Subdistrict>>();
  private readonly byCode: Map<string, Subdistrict>;

  constructor(private readonly children: Map<string, Subdistrict[]>) {
    this.byCode = new Map([...children.values()].flat().map((p) => [p.code, p]));
  }

  get size(): number {
    return this.byCode.size;
  }

  byCodeOf(code: string): Subdistrict | undefined {
    return this.byCode.get(code);
  }

  match(parentCode: string, text: string): Match<Subdistrict> {
    let matcher = this.matchers.get(parentCode);
    if (!matcher) {
      matcher = new NameMatcher(this.children.get(parentCode) ?? [], subdistrictWords);
      this.matchers.set(parentCode, matcher);
    }
    return matcher.match(subdistrictWords(text));
  }
}

export class Subdistricts {
  private constructor(
    private readonly districts: Level,
    private readonly villages: Level,
  ) {}

  /** Reads districts.csv and villages.csv of the pinned package. */
  static load(): Subdistricts {
    return new Subdistricts(new Level(byParent(readAreaCsv('districts.csv'), 'regency_code')), new Level(byParent(readAreaCsv('villages.csv'), 'district_code')));
  }

  counts(): { districts: number; villages: number } {
    return { districts: this.districts.size, villages: this.villages.size };
  }

  district(code: string): Subdistrict | undefined {
    return this.districts.byCodeOf(code);
  }

  village(code: string): Subdistrict | undefined {
    return this.villages.byCodeOf(code);
  }

  /** A district (kecamatan) of the regency/city `regencyCode`, as written ("Kec. Coblong"). */
  matchDistrict(regencyCode: string, text: string): Match<Subdistrict> {
    return this.districts.match(regencyCode, text);
  }

  /** A village (kelurahan/desa) of the district `districtCode`, as written ("Kel. Dago"). */
  matchVillage(districtCode: string, text: string): Match<Subdistrict> {
    return this.villages.match(districtCode, text);
  }
}
