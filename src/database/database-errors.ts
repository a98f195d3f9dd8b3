// What a database error says about retrying: data and constraint errors (SQLSTATE classes 22 and 23, and
// Prisma's "not found") fail again on the same input; everything else (connections, timeouts, locks) may
// pass on a later try.
import { Prisma } from '../generated/prisma/client.js';

/** Prisma codes for requests that cannot succeed as sent. */
const PERMANENT_PRISMA_CODES = new Set(['P2000', 'P2003', 'P2004', 'P2011', 'P2012', 'P2019', 'P2020', 'P2025']);

/** The SQLSTATE PostgreSQL answered, when the error carries one. */
export function sqlState(error: unknown): string | null {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } } } | null)?.meta;
  const cause = meta?.driverAdapterError?.cause;
  const code = cause?.originalCode ?? cause?.code ?? (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/** Driver-adapter error kinds and Prisma codes that mean the database cannot be reached right now. */
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseUnavailable']);
const UNREACHABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
const UNREACHABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
/** What node-postgres says, without a code, when a pooled connection died under it. */
const UNREACHABLE_MESSAGES = /^(Connection terminated( unexpectedly)?|Client has encountered a connection error and is not queryable|timeout exceeded when trying to connect)/;

/** Whether `error` says the database is unreachable or unavailable (as opposed to refusing a request). */
export function databaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } }; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    const kind = e.meta?.driverAdapterError?.cause?.kind;
    if (typeof kind === 'string' && UNREACHABLE_KINDS.has(kind)) return true;
    if (typeof e.code === 'string' && (UNREACHABLE_PRISMA_CODES.has(e.code) || UNREACHABLE_NODE_CODES.has(e.code))) return true;
    const state = sqlState(e);
    if (state && (state.startsWith('08') || state === '57P01' || state === '57P03' || state === '53300')) return true;
    if (e instanceof Prisma.PrismaClientInitializationError) return true;
    if (e instanceof Error && UNREACHABLE_MESSAGES.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** host:port of a database URL, without credentials: what a message may say about it. */
export function databaseTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

/** Why retrying `error` cannot help, or null when a later try may pass. */
export function permanentDatabaseError(error: unknown): string | null {
  const state = sqlState(error);
  if (state && /^2[23]/.test(state)) return `PostgreSQL refused the data (SQLSTATE ${state})`;
  if (error instanceof Prisma.PrismaClientKnownRequestError && PERMANENT_PRISMA_CODES.has(error.code)) return `the database refused the request (${error.code})`;
  if (error instanceof Prisma.PrismaClientValidationError) return 'the database client refused the request as malformed';
  return null;
}
