// Which agencies a verifier is offered when disposing a complaint: pure, no I/O, unit-tested on its own.
// The verifier still decides; verify accepts any existing agency.
//
// Order:
//   1. the government of the complaint's regency/city (from its area code, config/reference/agencies.json);
//   2. the government of its province;
//   3. ministries and national institutions whose keywords (config/reference/ministry-keywords.json, reviewed
//      data) occur in the complaint's title or chronology, best score first.
// A demo stand-in playing one of those governments (config/agencies.json: pemkot-bandung ↔ 32.73) follows the
// government it plays when that government has no liaison officer, so the demo's officers can take it.
//
// Keyword scoring: title and chronology are read as words (case, accents and punctuation ignored, see
// wordsOf). A keyword of several words matches those words in a row; its last word may carry the
// possessive `-nya` ("sekolahnya"). Each distinct keyword found counts once: 2 points when it is in the
// title (the reporter's own summary of the problem), else 1. Agencies score the sum of their keywords;
// the best MAX_MINISTRIES with a score above zero are suggested, ties in the file's order.
//
// The zone of every suggestion is the agency's own: from the reference data for a reference agency, from
// its stored row for a demo stand-in; never derived from the place or the text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root.js';
import { wordsOf } from '../areas/regency-matcher.js';
import type { AgencyKind } from '../areas/reference-agencies.js';

export const MAX_MINISTRIES = 3;
export const TITLE_WEIGHT = 2;

export const SUGGESTION_REASONS = ['REGENCY_GOVERNMENT', 'PROVINCE_GOVERNMENT', 'DEMO_STAND_IN', 'KEYWORDS'] as const;
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

/** An agency as the suggestions need it: reference or stored. */
export interface SuggestableAgency {
  id: string;
  name: string;
  kind: AgencyKind | null;
  timeZone: string;
}

export interface DispositionSuggestion extends SuggestableAgency {
  reason: SuggestionReason;
  /** The keywords found (reason KEYWORDS), as written in the keyword file. */
  keywords: string[];
  /** The government a demo stand-in plays (reason DEMO_STAND_IN), else null. */
  standInFor: string | null;
  /** Active liaison officers of the agency: with none, nobody there can take the complaint yet. */
  liaisons: number;
}

export interface MinistryKeywords {
  agencyId: string;
  topic: string;
  keywords: string[];
}

export interface SuggestionInput {
  /** The complaint's regency/city (`91.03`), or null (complaints filed before matching, an SMS naming no place). */
  areaCode: string | null;
  title: string;
  chronology: string;
}

/** What the core looks up: the reference data and the officers, loaded by the caller. */
export interface SuggestionData {
  /** The reference government of an area code (`91.03` a regency/city, `91` a province). */
  governmentOf(areaCode: string): SuggestableAgency | undefined;
  /** A reference ministry or institution by ID. */
  agency(id: string): SuggestableAgency | undefined;
  /** Demo stand-ins (agencies without a kind) carrying an area code, by that code. */
  standIns: ReadonlyMap<string, readonly SuggestableAgency[]>;
  /** Active liaisons per agency ID (absent = none). */
  liaisons: ReadonlyMap<string, number>;
  keywords: readonly MinistryKeywords[];
}

export const MINISTRY_KEYWORDS_FILE = join('config', 'reference', 'ministry-keywords.json');

/** The reviewed keyword file. */
export function loadMinistryKeywords(): MinistryKeywords[] {
  return (JSON.parse(readFileSync(join(projectRoot(), MINISTRY_KEYWORDS_FILE), 'utf8')) as { agencies: MinistryKeywords[] }).agencies;
}

/** Whether `phrase` (words) occurs in `words` as consecutive words, the last one perhaps with `-nya`. */
function occurs(phrase: string[], words: string[]): boolean {
  const last = phrase.length - 1;
  for (let start = 0; start + last < words.length; start++) {
    if (phrase.every((word, i) => words[start + i] === word || (i === last && words[start + i] === `${word}nya`))) return true;
  }
  return false;
}

/** Agencies whose keywords occur in the text, best first, with the keywords found. */
export function matchKeywords(table: readonly MinistryKeywords[], title: string, chronology: string): { agencyId: string; score: number; keywords: string[] }[] {
  const titleWords = wordsOf(title);
  const bodyWords = wordsOf(chronology);
  return table
    .map((entry, order) => {
      const found: string[] = [];
      let score = 0;
      for (const keyword of entry.keywords) {
        const phrase = wordsOf(keyword);
        if (phrase.length === 0) continue;
        const weight = occurs(phrase, titleWords) ? TITLE_WEIGHT : occurs(phrase, bodyWords) ? 1 : 0;
        if (weight > 0) {
          found.push(keyword);
          score += weight;
        }
      }
      return { agencyId: entry.agencyId, score, keywords: found, order };
    })
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ agencyId, score, keywords }) => ({ agencyId, score, keywords }));
}

/** The suggestions for one complaint, in the order the verifier sees them; each agency once. */
export function suggestDispositions(input: SuggestionInput, data: SuggestionData): DispositionSuggestion[] {
  const out: DispositionSuggestion[] = [];
  const add = (agency: SuggestableAgency, reason: SuggestionReason, extra: { keywords?: string[]; standInFor?: string } = {}) => {
    if (out.some((s) => s.id === agency.id)) return;
    const { id, name, kind, timeZone } = agency;
    out.push({ id, name, kind, timeZone, reason, keywords: extra.keywords ?? [], standInFor: extra.standInFor ?? null, liaisons: data.liaisons.get(id) ?? 0 });
  };
  const government = (areaCode: string, reason: SuggestionReason) => {
    const reference = data.governmentOf(areaCode);
    if (reference) add(reference, reason);
    if (reference && (data.liaisons.get(reference.id) ?? 0) > 0) return;
    for (const standIn of data.standIns.get(areaCode) ?? []) add(standIn, 'DEMO_STAND_IN', { standInFor: reference?.id });
  };
  if (input.areaCode) {
    government(input.areaCode, 'REGENCY_GOVERNMENT');
    government(input.areaCode.slice(0, 2), 'PROVINCE_GOVERNMENT');
  }
  let ministries = 0;
  for (const match of matchKeywords(data.keywords, input.title, input.chronology)) {
    const agency = data.agency(match.agencyId);
    if (!agency || ministries >= MAX_MINISTRIES) continue;
    add(agency, 'KEYWORDS', { keywords: match.keywords });
    ministries++;
  }
  return out;
}
