import { Logger } from '@nestjs/common';
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

const NEST_LEVEL: Record<LogLevel, 'verbose' | 'debug' | 'log' | 'warn' | 'error'> = {
  TRACE: 'verbose',
  DEBUG: 'debug',
  INFO: 'log',
  WARN: 'warn',
  ERROR: 'error',
};

let installed = false;

/**
 * Routes the Temporal SDK's own logs (worker, workflow and activity loggers) into the app's structured
 * logger and, given an address, serves the SDK's metrics there for Prometheus (GET /metrics), once per
 * process; the Runtime must be installed before any worker or native connection.
 */
export function installTemporalRuntime(metricsAddress: string | undefined): void {
  if (installed) return;
  const logger = new Logger('Temporal');
  Runtime.install({
    logger: new DefaultLogger('INFO', ({ level, message, meta }) => logger[NEST_LEVEL[level]]({ ...meta, msg: message })),
    ...(metricsAddress
      ? { telemetryOptions: { metrics: { metricPrefix: 'temporal_', prometheus: { bindAddress: metricsAddress, countersTotalSuffix: true, useSecondsForDurations: true } } } }
      : {}),
  });
  installed = true;
}
