// The reporter's access code: shown once with the tracking ID, never stored. It is derived (HMAC of the
// complaint ID under ACCESS_CODE_SECRET, which defaults to AUTH_SECRET) rather than random so that a repeated submission with the same
// Idempotency-Key answers the same code; without the secret it is unguessable. A check derives it again
// and compares in constant time: nothing about the code is kept that a copy of the database could be
// searched against (complaints filed before 2026-11-30 still hold an argon2 hash of the same derived code
// in access_code_hash; it is no longer read, and their codes verify by derivation like every other).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CROCKFORD_ALPHABET } from './tracking-id.js';

/** 12 Crockford characters (60 bits), grouped for reading aloud over the phone: 7K3M-9Q2X-4HTB. */
export const ACCESS_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Checked against when there is no complaint: a real derivation and comparison, so an unknown ID costs what a wrong code does. */
const NO_COMPLAINT = '00000000-0000-0000-0000-000000000000';

export function deriveAccessCode(secret: string, complaintId: string): string {
  const digest = createHmac('sha256', secret).update(`tenggat access code\n${complaintId}`).digest();
  const chars = Array.from({ length: 12 }, (_, i) => CROCKFORD_ALPHABET[digest[i] % 32]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Codes are read back by people: accept lower case and missing dashes. */
export function normaliseAccessCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return [0, 4, 8].map((i) => compact.slice(i, i + 4)).join('-');
}

/**
 * Whether `presented` (as typed: any case, dashes optional) is the access code of the complaint; for no
 * complaint (undefined) it does the same work and answers false. The comparison takes the same time
 * wherever the codes differ; only the presented code's own length can end it sooner, and that the caller knows.
 */
export function accessCodeMatches(secret: string, complaintId: string | undefined, presented: string): boolean {
  const expected = Buffer.from(deriveAccessCode(secret, complaintId ?? NO_COMPLAINT));
  const given = Buffer.from(normaliseAccessCode(presented));
  return given.length === expected.length && timingSafeEqual(given, expected) && complaintId !== undefined;
}
