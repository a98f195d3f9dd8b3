// Request IDs: the server makes its own for every request (logs, audit log, X-Request-Id answer header);
// a client's X-Request-Id is kept beside it as a correlation ID, never taken for ours (it could be forged).
import type { IncomingMessage } from 'node:http';

const CORRELATION_ID = /^[\x21-\x7e]{1,128}$/;

/** The client's X-Request-Id when it is a plausible ID (visible ASCII, at most 128 characters), else null. */
export function correlationIdOf(request: IncomingMessage): string | null {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : null;
}

/** The server's ID of the request (set by the logger middleware). */
export function requestIdOf(request: { id?: unknown }): string | null {
  return typeof request.id === 'string' || typeof request.id === 'number' ? String(request.id) : null;
}

/** Both IDs, as the audit log stores them. */
export const traceOf = (request: IncomingMessage & { id?: unknown }) => ({ requestId: requestIdOf(request), correlationId: correlationIdOf(request) });
