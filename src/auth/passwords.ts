import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (m=19 MiB, t=2), as OWASP recommends. */
export const hashSecret = (secret: string): Promise<string> => hash(secret);

export async function verifySecret(storedHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(storedHash, secret);
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}
