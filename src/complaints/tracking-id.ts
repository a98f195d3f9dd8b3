// Tracking IDs: human-friendly (Crockford base32: no I, L, O or U to misread) and unguessable
// (cryptographically random, 40 bits), e.g. LPR-7K3M-9Q2X.
import { randomInt } from 'node:crypto';

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const TRACKING_ID_PATTERN = /^LPR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export function newTrackingId(): string {
  const group = () => Array.from({ length: 4 }, () => CROCKFORD_ALPHABET[randomInt(CROCKFORD_ALPHABET.length)]).join('');
  return `LPR-${group()}-${group()}`;
}
