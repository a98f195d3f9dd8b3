import { Module } from '@nestjs/common';
import { AuditHistoryController } from './audit-history.controller.js';
import { AuditHistoryRepository } from './audit-history.repository.js';
import { AuditHistoryService } from './audit-history.service.js';
import { WorkflowHistoryReader } from './workflow-history.reader.js';

/** Auditors' complaint history: Temporal event history of every run merged with the API audit log. */
@Module({
  controllers: [AuditHistoryController],
  providers: [AuditHistoryRepository, AuditHistoryService, WorkflowHistoryReader],
  exports: [WorkflowHistoryReader],
})
export class AuditHistoryModule {}
