import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { correlationIdOf } from './request-trace.js';

/**
 * Structured JSON logs. Requests are logged by method, path and ID only: no headers, no bodies,
 * so no reporter identity or credentials can reach a log line.
 */
export function loggerModule(config: AppConfig) {
  return LoggerModule.forRoot({
    pinoHttp: [
      {
        level: config.logLevel,
        // Always our own ID (answered in X-Request-Id); the client's X-Request-Id is logged as correlationId.
        genReqId: (_req: IncomingMessage, res: ServerResponse) => {
          const id = randomUUID();
          res.setHeader('X-Request-Id', id);
          return id;
        },
        customProps: (req: IncomingMessage) => {
          const correlationId = correlationIdOf(req);
          return correlationId ? { correlationId } : {};
        },
        serializers: {
          req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        autoLogging: { ignore: (req: IncomingMessage) => req.url?.startsWith('/health') ?? false },
      },
      // Synchronous writes: the last lines before a SIGTERM exit (worker drained) must not be lost.
      pino.destination({ dest: 1, sync: true }),
    ],
  });
}
