import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module.js';
import { SlaReportController } from './sla-report.controller.js';
import { SlaReportRepository } from './sla-report.repository.js';
import { SlaReportService } from './sla-report.service.js';

/** Read-only reports over the read model (SLA compliance). */
@Module({
  // The national time zone in which report dates are read comes from the policy in force.
  imports: [PolicyModule],
  controllers: [SlaReportController],
  providers: [SlaReportRepository, SlaReportService],
})
export class ReportsModule {}
