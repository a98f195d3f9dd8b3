// One client for the API, typed by the OpenAPI document (openapi.d.ts, generated; never edited by hand).
// Every request carries the officer's token when signed in and the UI language (errors come back in it).
import createClient, { type Middleware } from 'openapi-fetch';
import { currentLang } from '../i18n';
import { session } from '../session';
import type { paths } from './openapi';

export interface ApiErrorBody {
  statusCode: number;
  error?: string;
  message: string | string[];
  state?: string;
  allowedActions?: string[];
}

/** An answer other than 2xx: its status and the API's own message(s). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(messages.join('; ') || `HTTP ${status}`);
  }
}

function headersFor(): Headers {
  const headers = new Headers();
  headers.set('Accept-Language', currentLang());
  const token = session.get()?.token;
  if (token && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
  return headers;
}

const authAndLanguage: Middleware = {
  onRequest({ request }) {
    headersFor().forEach((value, name) => {
      if (!request.headers.has(name)) request.headers.set(name, value);
    });
    return request;
  },
  onResponse({ response }) {
    // An expired or revoked token: back to the sign-in page rather than a page of errors.
    if (response.status === 401 && session.get()) session.signOut();
    return response;
  },
};

// JSON answers only in the types: the CSV variants of the same operations are fetched as blobs (download).
export const api = createClient<paths, 'application/json'>({ baseUrl: '' });
api.use(authAndLanguage);

export async function toApiError(response: Response, body: unknown): Promise<ApiError> {
  const parsed = (body ?? (await response.clone().json().catch(() => null))) as Partial<ApiErrorBody> | null;
  const message = parsed?.message ?? response.statusText;
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(response.status, Array.isArray(message) ? message : [String(message)], Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

/** The data of a 2xx answer, or an ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw await toApiError(response, error);
  return data as T;
}

/** A fresh Idempotency-Key: a retried click never takes an action twice. */
export const idempotencyKey = (): string => crypto.randomUUID();

/**
 * Saves an attachment the API answers (CSV) under the server's file name. The call is made through the
 * typed client with `parseAs: 'blob'`, so it carries the same token and language as every other.
 */
export async function download(call: Promise<{ data?: Blob; error?: unknown; response: Response }>, fallbackName: string): Promise<void> {
  const { data, error, response } = await call;
  if (!response.ok || !data) throw await toApiError(response, error);
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(data);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
