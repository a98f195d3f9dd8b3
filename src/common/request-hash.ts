import { createHash } from 'node:crypto';

/** A stable fingerprint of a request body, independent of key order: tells a repeat from a different request. */
export function hashRequest(body: unknown): string {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
      : value;
  return createHash('sha256').update(JSON.stringify(canonical(body ?? {}))).digest('hex');
}
