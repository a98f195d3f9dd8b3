import { Logger } from '@nestjs/common';
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

const NEST_LEVEL: Record<LogLevel, 'verbose' | 'debug' | 'log' | 'warn' | 'error'> = {
  TRACE: 'verbose',
  DEBUG: 'debug',
  INFO: 'log',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * Start-up detail, not news: the development workflow bundle's build output (webpack's asset list, the
 * size) and that no Nexus services are polled. Logged at debug; a failed build still logs at error.
 */
export function isStartupDetail(message: string): boolean {
  return message.startsWith('asset workflow-bundle-') || message === 'Workflow bundle created' || message === 'No Nexus services registered, not polling for Nexus tasks';
}

function nestLevelOf(level: LogLevel, message: string): (typeof NEST_LEVEL)[LogLevel] {
  return level === 'INFO' && isStartupDetail(message) ? 'debug' : NEST_LEVEL[level];
}

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
    logger: new DefaultLogger('INFO', ({ level, message, meta }) => logger[nestLevelOf(level, message)]({ ...meta, msg: message })),
    ...(metricsAddress
      ? { telemetryOptions: { metrics: { metricPrefix: 'temporal_', prometheus: { bindAddress: metricsAddress, countersTotalSuffix: true, useSecondsForDurations: true } } } }
      : {}),
  });
  installed = true;
}
