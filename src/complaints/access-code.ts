// The reporter's access code: shown once with the tracking ID, stored only as an argon2 hash.
// It is derived (HMAC of the complaint ID under AUTH_SECRET) rather than random so that a repeated
// submission with the same Idempotency-Key answers the same code; without the secret it is unguessable.
import { createHmac } from 'node:crypto';
import { CROCKFORD_ALPHABET } from './tracking-id.js';

/** 12 Crockford characters (60 bits), grouped for reading aloud over the phone: 7K3M-9Q2X-4HTB. */
export const ACCESS_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

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
