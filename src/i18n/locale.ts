// Which language a request is answered in: Accept-Language (q-values honoured, en-US matches en),
// else the configured default (DEFAULT_LOCALE).
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LOCALES, type Locale } from './messages.js';

/** Set once per request by `chooseLocale`; read by the exception filter and by views. */
const chosen = new WeakMap<Request, Locale>();

/** The best of our languages for the request's Accept-Language; the default when none is acceptable. */
export function negotiateLocale(request: Request, fallback: Locale): Locale {
  if (!request.headers['accept-language']) return fallback;
  // The default first: a wildcard (`*`) picks it.
  const offered = [fallback, ...LOCALES.filter((l) => l !== fallback)];
  const best = request.acceptsLanguages(offered);
  return typeof best === 'string' ? (best as Locale) : fallback;
}

/** Middleware (before the body parsers, so their errors are answered in the same language). */
export function chooseLocale(fallback: Locale) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const locale = negotiateLocale(request, fallback);
    chosen.set(request, locale);
    response.setHeader('Content-Language', locale);
    response.vary('Accept-Language');
    next();
  };
}

/** The request's language as the middleware chose it (negotiated afresh if the request never passed it). */
export function localeOf(request: Request, fallback: Locale): Locale {
  return chosen.get(request) ?? negotiateLocale(request, fallback);
}

/** The language chooseLocale picked for a request that reached a handler. */
export function handlerLocale(request: Request): Locale {
  // chooseLocale runs for every route before any handler; the fallback only serves a request it never saw.
  return chosen.get(request) ?? LOCALES[0];
}

/** The request's language as a handler parameter: `@RequestLocale() locale: Locale`. */
export const RequestLocale = createParamDecorator((_: unknown, context: ExecutionContext): Locale => handlerLocale(context.switchToHttp().getRequest<Request>()));
