// API keys of integration clients: `<client id>.<256 random bits, base64url>`. The ID part finds the
// client; only the SHA-256 of the whole key is stored (a random 256-bit secret needs no slow hash).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const CLIENT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,62}$/;

export const newApiKey = (clientId: string): string => `${clientId}.${randomBytes(32).toString('base64url')}`;

export const hashApiKey = (apiKey: string): string => createHash('sha256').update(apiKey).digest('hex');

/** The client an API key names, or null for something that is not a key at all. */
export function clientIdOf(apiKey: string): string | null {
  const id = apiKey.slice(0, Math.max(apiKey.lastIndexOf('.'), 0));
  return CLIENT_ID_PATTERN.test(id) ? id : null;
}

/** Constant-time comparison of a presented key with the stored hash. */
export function apiKeyMatches(apiKey: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(apiKey), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
