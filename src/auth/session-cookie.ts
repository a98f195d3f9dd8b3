// The codec session: the officer's bearer token in an HttpOnly cookie scoped to /codec, so the Temporal
// Web UI (which cannot send our bearer token) can call the codec with "Include cross-origin credentials".
// SameSite=Strict keeps it off cross-site requests; CORS admits only the Web UI's origin.
import type { IncomingMessage } from 'node:http';
import { parseCookie, stringifySetCookie } from 'cookie';

export const CODEC_SESSION_COOKIE = 'tenggat_codec_session';

export function codecSessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return stringifySetCookie({ name: CODEC_SESSION_COOKIE, value: token, maxAge: maxAgeSeconds, path: '/codec', httpOnly: true, sameSite: 'strict', secure });
}

/** The token of the codec session cookie, if the request carries one. */
export function sessionTokenOf(request: IncomingMessage): string | undefined {
  return request.headers.cookie ? parseCookie(request.headers.cookie)[CODEC_SESSION_COOKIE] : undefined;
}
