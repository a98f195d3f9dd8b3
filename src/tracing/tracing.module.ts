import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { TracingService } from './tracing.service.js';

/** One TracingService per process, named after it (tenggat-api, tenggat-worker) unless OTEL_SERVICE_NAME says otherwise. */
@Global()
@Module({})
export class TracingModule {
  static register(serviceName: string): DynamicModule {
    return {
      module: TracingModule,
      providers: [{ provide: TracingService, useFactory: (config: AppConfig) => new TracingService(config, serviceName), inject: [AppConfig] }],
      exports: [TracingService],
    };
  }
}
