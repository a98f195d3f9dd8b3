// Opaque keyset cursors: the ID of the last row served, base64url-encoded.
import { InvalidFieldError } from './domain-errors.js';
import { message } from '../i18n/messages.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const DEFAULT_PAGE_SIZE = 50;

/** `ids` says what the rows' IDs look like (UUIDs unless told otherwise). */
export function decodeCursor(cursor: string | undefined, ids: RegExp = UUID): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!ids.test(id)) throw new InvalidFieldError('cursor', message('field.notCursor'));
  return id;
}

/** Turns `limit + 1` fetched rows into a page and the cursor of the next one. */
export function toPage<R extends { id: string }, T>(rows: R[], limit: number, map: (row: R) => T): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const more = rows.length > limit;
  return { items: items.map(map), nextCursor: more ? Buffer.from(items.at(-1)!.id, 'utf8').toString('base64url') : null };
}
