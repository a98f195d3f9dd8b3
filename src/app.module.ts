import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccessModule } from './access/access.module.js';
import { AdminModule } from './admin/admin.module.js';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { AuditHistoryModule } from './audit/audit-history.module.js';
import { AuditLogModule } from './audit/audit-log.module.js';
import { AuthModule } from './auth/auth.module.js';
import { InputSanityGuard } from './common/input-sanity.guard.js';
import { AllExceptionsFilter } from './common/all-exceptions.filter.js';
import { loggerModule } from './common/logger.module.js';
import { ChannelsModule } from './channels/channels.module.js';
import { CodecModule } from './codec/codec.module.js';
import { ConsoleModule } from './console/console.module.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import { EscalationsModule } from './escalations/escalations.module.js';
import { EvidencePackModule } from './evidence-pack/evidence-pack.module.js';
import { TrackingModule } from './tracking/tracking.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { IntegrationClientsModule } from './integration-clients/integration-clients.module.js';
import { Open311Module } from './open311/open311.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { TemporalClientModule } from './temporal/temporal-client.module.js';
import { TracingModule } from './tracing/tracing.module.js';
import { WorkerModule } from './temporal/worker.module.js';
import { WhatIfModule } from './whatif/what-if.module.js';

/** The HTTP API; with RUN_WORKER_IN_API it also hosts the Temporal worker (Quick start). */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        loggerModule(config),
        TracingModule.register('tenggat-api'),
        DatabaseModule,
        TemporalClientModule,
        IntegrationClientsModule,
        AuthModule,
        AuditLogModule,
        AuditHistoryModule,
        AccessModule,
        ComplaintsModule,
        TrackingModule,
        AttachmentsModule,
        EscalationsModule,
        EvidencePackModule,
        ChannelsModule,
        Open311Module,
        ReportsModule,
        WhatIfModule,
        ReferenceModule,
        AdminModule,
        CodecModule,
        HealthModule,
        MetricsModule.register(config.metricsEnabled),
        ConsoleModule.register(),
        ...(config.runWorkerInApi ? [WorkerModule] : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_GUARD, useClass: InputSanityGuard },
      ],
    };
  }
}

/** The worker process: no HTTP, just the worker and what its activities need. */
@Module({})
export class WorkerAppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [ConfigModule.register(config), loggerModule(config), TracingModule.register('tenggat-worker'), DatabaseModule, TemporalClientModule, WorkerModule],
    };
  }
}
