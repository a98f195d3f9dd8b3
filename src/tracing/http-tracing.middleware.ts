import { context, propagation, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { routeTemplate } from '../metrics/metric-labels.js';

/**
 * The server span of each request, current for the rest of it (guards, controllers, the Temporal
 * client, whose spans become its children). NestJS 12 is ESM-only, and OpenTelemetry's http and
 * express instrumentations patch through require hooks, which miss ESM imports without a loader hook:
 * this middleware does their part here. It continues a caller's W3C traceparent, and is named and
 * labelled by the route template only — never the path with its tracking IDs, nor the query.
 */
export function traceHttpRequests(tracer: Tracer): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer.startSpan(req.method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } }, parent);
    res.once('close', () => {
      const route = routeTemplate(req.route as { path?: unknown } | undefined, req.baseUrl);
      span.updateName(`${req.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
      if (!res.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR, message: 'connection closed before the answer was sent' });
      else if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
