import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { AppConfig } from '../config/app-config.js';

/** What the Temporal interceptors and the HTTP middleware need of a running tracer. */
export interface ActiveTracing {
  tracer: Tracer;
  resource: Resource;
  /** Receives the workflow spans the worker's sandbox hands out through its sink. */
  spanProcessor: SpanProcessor;
}

/**
 * OpenTelemetry for one process: started only when an OTLP endpoint is configured (config.tracing), so
 * without one no SDK, exporter or context manager exists and `active` is undefined. Spans go in
 * batches to OTLP/HTTP (JSON); shutdown flushes them after the worker has drained. Made by TracingModule.
 */
export class TracingService implements OnApplicationShutdown {
  private readonly logger = new Logger(TracingService.name);
  private readonly provider?: NodeTracerProvider;
  readonly active?: ActiveTracing;

  constructor(config: AppConfig, serviceName: string) {
    if (!config.tracing) return;
    const resource = new Resource({ 'service.name': config.tracing.serviceName ?? serviceName });
    const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracing.tracesUrl }));
    this.provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
    // Global context manager (AsyncLocalStorage) and W3C trace-context propagator: what carries a trace
    // from the HTTP request into the Temporal client's headers.
    this.provider.register();
    this.active = { tracer: this.provider.getTracer('tenggat'), resource, spanProcessor };
    this.logger.log(`tracing to ${new URL(config.tracing.tracesUrl).origin} as ${String(resource.attributes['service.name'])}`);
  }

  /** Called after every beforeApplicationShutdown (the worker's drain): the last spans are flushed too. */
  async onApplicationShutdown(): Promise<void> {
    if (!this.provider) return;
    try {
      await this.provider.shutdown();
    } catch (error) {
      this.logger.warn(`spans not flushed at shutdown: ${(error as Error).message}`);
    }
  }
}
