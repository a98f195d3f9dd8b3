import { type DynamicModule, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';
import { MetricsRepository } from './metrics.repository.js';
import { MetricsService } from './metrics.service.js';

/** GET /metrics for Prometheus; absent (404) when METRICS_ENABLED=false. */
@Module({})
export class MetricsModule {
  static register(enabled: boolean): DynamicModule {
    return enabled ? { module: MetricsModule, controllers: [MetricsController], providers: [MetricsService, MetricsRepository] } : { module: MetricsModule };
  }
}
