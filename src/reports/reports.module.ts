import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { SlaPolicy, loadSlaPolicy } from '../policy/sla-policy.js';
import { SlaReportController } from './sla-report.controller.js';
import { SlaReportRepository } from './sla-report.repository.js';
import { SlaReportService } from './sla-report.service.js';

/** Read-only reports over the read model (SLA compliance). */
@Module({
  controllers: [SlaReportController],
  providers: [
    SlaReportRepository,
    SlaReportService,
    // The national time zone in which report dates are read comes from the policy in force.
    { provide: SlaPolicy, useFactory: (config: AppConfig) => loadSlaPolicy(config.slaPolicyFile), inject: [AppConfig] },
  ],
})
export class ReportsModule {}
