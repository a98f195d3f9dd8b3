// Text PostgreSQL can store as it was sent: no U+0000, and no unpaired UTF-16 surrogate (node-postgres
// would silently turn one into U+FFFD). The API refuses such text at its edge, and the workflow's
// validators refuse it again, so no Update can carry it into history and wedge a projection.

// oxlint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored, or null when it can. */
export function unstorableText(text: string): string | null {
  const found = UNSTORABLE.exec(text)?.[0];
  if (found === undefined) return null;
  const code = `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return found === '\u0000' ? `contains ${code} (NUL), which cannot be stored` : `contains an unpaired surrogate (${code}), which is not valid text`;
}

/** Field names that could reach an object's prototype when input is merged or copied: refused outright. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a field name is, or (query-string style, `a[b]`, `a.b`) contains, a prototype key. */
const touchesPrototype = (key: string) => key.split(/[[\].]+/).some((part) => PROTOTYPE_KEYS.has(part));

/** How deep a request body or an Update's input may nest: deeper is refused, never recursed into. */
export const MAX_INPUT_DEPTH = 16;

/**
 * The first field of `value` (a parsed body, query, path parameters or an Update's input) that holds
 * unstorable text, nests too deep or is named like a prototype key, as `{ field, problem }`; null when
 * all is well. Walks without
 * recursion, so a hostile nesting cannot exhaust the stack.
 */
export function firstUnacceptableField(value: unknown, root = ''): { field: string; problem: string } | null {
  const pending: { value: unknown; field: string; depth: number }[] = [{ value, field: root, depth: 0 }];
  const name = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);
  while (pending.length) {
    const { value: v, field, depth } = pending.pop()!;
    if (typeof v === 'string') {
      const problem = unstorableText(v);
      if (problem) return { field: field || '(value)', problem };
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_INPUT_DEPTH) return { field: field || 'body', problem: `nests deeper than ${MAX_INPUT_DEPTH} levels` };
      for (const [key, child] of Object.entries(v)) {
        const keyProblem = unstorableText(key);
        if (keyProblem) return { field: name(field, JSON.stringify(key)), problem: `has a field name that ${keyProblem}` };
        if (touchesPrototype(key)) return { field: name(field, key), problem: 'is a field name that could reach object prototypes; it is never accepted' };
        pending.push({ value: child, field: name(field, key), depth: depth + 1 });
      }
    }
  }
  return null;
}
