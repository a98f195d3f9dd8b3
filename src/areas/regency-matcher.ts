// Matches how people write a regency or city ("Kab. Bandung", "kabupaten bandung", "Kota Bdg", "Kodya
// Jayapura", "Tanjungpinang") to one official kabupaten/kota. Pure: the regencies come in, nothing is read.
// Reads, in tiers, stopping at the first that finds anything (one finding resolves, several are ambiguous):
//   1. the name itself (case, accents, punctuation and spaces aside), of the kind named if one is;
//   2. word by word, each word the official word or an abbreviation of it (its first letter, then some of
//      its letters in order: "Bdg" for Bandung, "Brt" for Barat, "Kep" for Kepulauan);
//   3. the first words of an official name ("Kota Tidore" for Kota Tidore Kepulauan).
// Anything else is not guessed: the nearest names by edit distance come back as candidates.
import { distance } from 'fastest-levenshtein';
import type { Regency } from './reference-agencies.js';

export type PlaceMatch =
  | { outcome: 'resolved'; regency: Regency }
  /** Several official names fit what was written (bare "Bandung": the Kabupaten and the Kota). */
  | { outcome: 'ambiguous'; candidates: Regency[] }
  /** Nothing fits: the nearest official names. */
  | { outcome: 'unknown'; candidates: Regency[] };

/** Most candidates an answer lists. */
export const MAX_CANDIDATES = 5;

/** Words that name the kind of area, first in what people write. */
const KIND_WORDS: Record<string, Regency['kind']> = {
  kabupaten: 'REGENCY',
  kab: 'REGENCY',
  kb: 'REGENCY',
  pemkab: 'REGENCY',
  kota: 'CITY',
  kot: 'CITY',
  kt: 'CITY',
  kodya: 'CITY',
  kotamadya: 'CITY',
  pemkot: 'CITY',
};

/** Words that carry nothing for matching (Jakarta's cities are "Kota Administrasi ..."). */
const FILLER = new Set(['pemerintah', 'administrasi', 'adm']);

/** Everyday names that are not abbreviations of the official words. */
const ALIASES: Record<string, string[]> = {
  jogja: ['yogyakarta'],
  jogjakarta: ['yogyakarta'],
  jogya: ['yogyakarta'],
  jaksel: ['jakarta', 'selatan'],
  jakbar: ['jakarta', 'barat'],
  jaktim: ['jakarta', 'timur'],
  jakut: ['jakarta', 'utara'],
  jakpus: ['jakarta', 'pusat'],
};

interface Entry<T> {
  item: T;
  words: string[];
  joined: string;
}

/** Lower case, accents and punctuation gone, in words. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** What was written: the kind if it names one, and the name's words. */
export function parsePlace(text: string): { kind?: Regency['kind']; words: string[] } {
  const words = wordsOf(text).filter((w) => !FILLER.has(w));
  const kind = words.length > 1 ? KIND_WORDS[words[0]] : undefined;
  const name = (kind ? words.slice(1) : words).filter((w) => !FILLER.has(w)).flatMap((w) => ALIASES[w] ?? [w]);
  return { kind, words: name };
}

/** `short` is `word` or an abbreviation of it: same first letter, then some of its letters in order. */
export function abbreviates(short: string, word: string): boolean {
  if (short === word) return true;
  if (short.length < 2 || short.length >= word.length || short[0] !== word[0]) return false;
  let at = 1;
  for (const letter of short.slice(1)) {
    at = word.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** Named places read by the tiers above (no kind words): districts of a regency, villages of a district. */
export class NameMatcher<T extends { name: string; code: string }> {
  private readonly entries: Entry<T>[];

  constructor(items: readonly T[], nameWords: (name: string) => string[] = (name) => parsePlace(name).words) {
    this.entries = items.map((item) => {
      const words = nameWords(item.name);
      return { item, words, joined: words.join('') };
    });
  }

  /** The item for what was written, or up to MAX_CANDIDATES to choose from (`extraEdits` weighs some entries down). */
  match(words: string[], pool: (item: T) => boolean = () => true, extraEdits: (item: T) => number = () => 0): Match<T> {
    if (words.length === 0) return { outcome: 'unknown', candidates: [] };
    const joined = words.join('');
    const inPool = this.entries.filter((e) => pool(e.item));
    const tiers: ((e: Entry<T>) => boolean)[] = [
      (e) => e.joined === joined,
      (e) => e.words.length === words.length && words.every((w, i) => abbreviates(w, e.words[i])),
      (e) => e.words.length > words.length && words.every((w, i) => abbreviates(w, e.words[i])),
    ];
    for (const fits of tiers) {
      const found = inPool.filter(fits).sort(byName);
      if (found.length === 1) return { outcome: 'resolved', item: found[0].item };
      if (found.length > 1) return { outcome: 'ambiguous', candidates: found.slice(0, MAX_CANDIDATES).map((e) => e.item) };
    }
    // Nearest names, of every entry (a name of another kind than the one written weighs one edit more).
    const nearest = this.entries
      .map((e) => ({ e, d: distance(joined, e.joined) + extraEdits(e.item) }))
      .sort((a, b) => a.d - b.d || byName(a.e, b.e))
      .slice(0, MAX_CANDIDATES)
      .map(({ e }) => e.item);
    return { outcome: 'unknown', candidates: nearest };
  }
}

export type Match<T> = { outcome: 'resolved'; item: T } | { outcome: 'ambiguous' | 'unknown'; candidates: T[] };

const byName = <T extends { name: string; code: string }>(a: Entry<T>, b: Entry<T>) => a.item.name.localeCompare(b.item.name) || a.item.code.localeCompare(b.item.code);

export class RegencyMatcher {
  private readonly names: NameMatcher<Regency & { code: string }>;

  constructor(regencies: readonly Regency[]) {
    // Matched without their kind word (kind is a filter): "Kabupaten Bandung" is the words "bandung".
    this.names = new NameMatcher(regencies.map((r) => ({ ...r, code: r.areaCode })));
  }

  /** One regency/city for what was written, or the candidates to choose from. */
  match(text: string): PlaceMatch {
    const segments = text.split(/[,;\n]/).filter((s) => wordsOf(s).length > 0);
    if (segments.length <= 1) return this.matchOne(text);
    // An address ("Jl. Asia Afrika 1, Kota Bandung, Jawa Barat"): the one part that names a regency.
    const results = segments.map((s) => this.matchOne(s));
    const resolved = [...new Map(results.flatMap((r) => (r.outcome === 'resolved' ? [[r.regency.areaCode, r.regency] as const] : []))).values()];
    if (resolved.length === 1) return { outcome: 'resolved', regency: resolved[0] };
    if (resolved.length > 1) return { outcome: 'ambiguous', candidates: resolved.slice(0, MAX_CANDIDATES) };
    return results.find((r) => r.outcome === 'ambiguous') ?? this.matchOne(text);
  }

  private matchOne(text: string): PlaceMatch {
    const { kind, words } = parsePlace(text);
    const m = this.names.match(words, (r) => !kind || r.kind === kind, (r) => (kind && r.kind !== kind ? 1 : 0));
    const strip = ({ code: _code, ...regency }: Regency & { code: string }): Regency => regency;
    return m.outcome === 'resolved' ? { outcome: 'resolved', regency: strip(m.item) } : { outcome: m.outcome, candidates: m.candidates.map(strip) };
  }
}
