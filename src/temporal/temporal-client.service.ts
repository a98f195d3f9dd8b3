import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { DependencyUnavailableError } from '../common/domain-errors.js';
import { AppConfig } from '../config/app-config.js';
import { TracingService } from '../tracing/tracing.service.js';
import { tenggatDataConverter } from './payload-codec.js';

/** The API's Temporal client: connected at boot (fail fast), encrypting payloads, closed at shutdown. */
@Injectable()
export class TemporalClientService implements OnModuleInit, OnApplicationShutdown {
  private connection?: Connection;
  private clientInstance?: Client;

  constructor(
    private readonly config: AppConfig,
    private readonly tracing: TracingService,
  ) {}

  get client(): Client {
    if (!this.clientInstance) throw new Error('Temporal client used before the module was initialised');
    return this.clientInstance;
  }

  async onModuleInit(): Promise<void> {
    try {
      this.connection = await Connection.connect({ address: this.config.temporalAddress });
    } catch (error) {
      throw new DependencyUnavailableError('Temporal', this.config.temporalAddress, 'TEMPORAL_ADDRESS', error);
    }
    this.clientInstance = new Client({
      connection: this.connection,
      namespace: this.config.temporalNamespace,
      dataConverter: tenggatDataConverter(this.config.temporalPayloadKeys),
      // Traced: starts, updates and queries get a span and carry the trace into the workflow's headers.
      ...(this.tracing.active && { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor({ tracer: this.tracing.active.tracer })] } }),
    });
  }

  /**
   * Runs a call that must answer within `ms`: an API request never hangs on an unreachable Temporal
   * (the call fails with DEADLINE_EXCEEDED, which the API answers with 503).
   */
  within<T>(ms: number, call: (client: Client) => Promise<T>): Promise<T> {
    const client = this.client;
    return client.connection.withDeadline(Date.now() + ms, () => call(client));
  }

  async ping(): Promise<void> {
    await this.client.workflowService.getSystemInfo({});
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close();
  }
}
