// Text PostgreSQL can store as it was sent: no U+0000, and no unpaired UTF-16 surrogate (node-postgres
// would silently turn one into U+FFFD). The API refuses such text at its edge, and the workflow's
// validators refuse it again, so no Update can carry it into history and wedge a projection.

import type { RefusalWording } from './types.js';

// oxlint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored (`nul` or `unpairedSurrogate`, with the code point), or null when it can. */
export function unstorableText(text: string): { kind: 'nul' | 'unpairedSurrogate'; code: string } | null {
  const found = UNSTORABLE.exec(text)?.[0];
  if (found === undefined) return null;
  const code = `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return { kind: found === '\u0000' ? 'nul' : 'unpairedSurrogate', code };
}

/** An unacceptable field: `problem` in English for the workflow's own refusal, `wording` for the API's catalogs. */
export interface UnacceptableField {
  field: string;
  problem: string;
  wording: RefusalWording;
}

const PROBLEMS: Record<string, (params: Record<string, string | number>) => string> = {
  'input.nul': ({ code }) => `contains ${code} (NUL), which cannot be stored`,
  'input.unpairedSurrogate': ({ code }) => `contains an unpaired surrogate (${code}), which is not valid text`,
  'input.tooDeep': ({ max }) => `nests deeper than ${max} levels`,
  'input.unstorableFieldName': ({ code }) => `has a field name that contains ${code}, which cannot be stored`,
  'input.prototypeFieldName': () => 'is a field name that could reach object prototypes; it is never accepted',
};

const unacceptable = (field: string, key: RefusalWording['key'], params: Record<string, string | number> = {}): UnacceptableField => ({
  field,
  problem: PROBLEMS[key](params),
  wording: { key, params: { field, ...params } },
});

/** Field names that could reach an object's prototype when input is merged or copied: refused outright. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a field name is, or (query-string style, `a[b]`, `a.b`) contains, a prototype key. */
const touchesPrototype = (key: string) => key.split(/[[\].]+/).some((part) => PROTOTYPE_KEYS.has(part));

/** How deep a request body or an Update's input may nest: deeper is refused, never recursed into. */
export const MAX_INPUT_DEPTH = 16;

/**
 * The first field of `value` (a parsed body, query, path parameters or an Update's input) that holds
 * unstorable text, nests too deep or is named like a prototype key, with the refusal's wording; null
 * when all is well. Walks without recursion, so a hostile nesting cannot exhaust the stack.
 */
export function firstUnacceptableField(value: unknown, root = ''): UnacceptableField | null {
  const pending: { value: unknown; field: string; depth: number }[] = [{ value, field: root, depth: 0 }];
  const name = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);
  while (pending.length) {
    const { value: v, field, depth } = pending.pop()!;
    if (typeof v === 'string') {
      const problem = unstorableText(v);
      if (problem) return unacceptable(field || '(value)', problem.kind === 'nul' ? 'input.nul' : 'input.unpairedSurrogate', { code: problem.code });
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_INPUT_DEPTH) return unacceptable(field || 'body', 'input.tooDeep', { max: MAX_INPUT_DEPTH });
      for (const [key, child] of Object.entries(v)) {
        const keyProblem = unstorableText(key);
        if (keyProblem) return unacceptable(name(field, JSON.stringify(key)), 'input.unstorableFieldName', { code: keyProblem.code });
        if (touchesPrototype(key)) return unacceptable(name(field, key), 'input.prototypeFieldName');
        pending.push({ value: child, field: name(field, key), depth: depth + 1 });
      }
    }
  }
  return null;
}
