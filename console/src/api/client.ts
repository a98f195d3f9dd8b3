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

export function headersFor(extra: Record<string, string> = {}): Headers {
  const headers = new Headers(extra);
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

export const api = createClient<paths>({ baseUrl: '' });
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

/** Calls an endpoint this document does not describe yet (see reference.ts), with the same headers. */
export async function fetchJson<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const headers = headersFor(init.headers);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  if (response.status === 401 && session.get()) session.signOut();
  if (!response.ok) throw await toApiError(response, null);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Downloads an attachment the API answers (CSV) with the officer's token, under the server's file name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { headers: headersFor() });
  if (!response.ok) throw await toApiError(response, null);
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** The data of a 2xx answer, read as the API's response DTO `V` (see views.ts). */
export const unwrapAs = <V>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<V> => unwrap(call) as Promise<V>;
