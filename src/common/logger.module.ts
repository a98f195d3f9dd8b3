import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import pretty from 'pino-pretty';
import type { AppConfig } from '../config/app-config.js';
import { correlationIdOf } from './request-trace.js';

/** Readable lines for a developer at a terminal (or LOG_FORMAT=pretty); JSON lines for everything that reads logs. */
export function usesPrettyLogs(format: AppConfig['logFormat'], nodeEnv: AppConfig['nodeEnv'], stdoutIsTerminal: boolean): boolean {
  if (format !== 'auto') return format === 'pretty';
  return nodeEnv === 'development' && stdoutIsTerminal;
}

/** Nest's own start-up detail (each module loaded, each route mapped) goes to debug; info keeps what matters. */
const STARTUP_DETAIL_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export function withQuietStartup(logger: LoggerService): LoggerService {
  const quiet: LoggerService = Object.create(logger);
  quiet.log = (message: unknown, ...params: unknown[]) => {
    const context = params.at(-1);
    if (typeof context === 'string' && STARTUP_DETAIL_CONTEXTS.has(context) && logger.debug) logger.debug(message, ...params);
    else logger.log(message, ...params);
  };
  return quiet;
}

/**
 * Structured logs (JSON, or readable lines, see usesPrettyLogs). Requests are logged by method, path and ID only: no headers, no bodies,
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
      // Synchronous writes: the last lines before a SIGTERM exit (worker drained) must not be lost. So
      // pino-pretty runs as a stream in this thread, not as a transport in a worker thread.
      usesPrettyLogs(config.logFormat, config.nodeEnv, process.stdout.isTTY === true)
        ? pretty({ destination: 1, sync: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss.l' })
        : pino.destination({ dest: 1, sync: true }),
    ],
  });
}
