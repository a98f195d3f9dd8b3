import type { NextFunction, Request, Response } from 'express';
import { routeTemplate } from './metric-labels.js';
import { httpRequestDuration } from './process-metrics.js';

/** Times every request, labelled by the route template Express matched, once the answer is sent. */
export function recordHttpDuration(req: Request, res: Response, next: NextFunction): void {
  const stopTimer = httpRequestDuration.startTimer();
  res.once('finish', () => {
    stopTimer({ method: req.method, route: routeTemplate(req.route as { path?: unknown } | undefined, req.baseUrl), status: String(res.statusCode) });
  });
  next();
}
