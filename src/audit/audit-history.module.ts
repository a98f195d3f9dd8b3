import { Module } from '@nestjs/common';
import { AuditHistoryController } from './audit-history.controller.js';
import { AuditHistoryRepository } from './audit-history.repository.js';
import { AuditHistoryService } from './audit-history.service.js';

/** Auditors' complaint history: Temporal event history of every run merged with the API audit log. */
@Module({
  controllers: [AuditHistoryController],
  providers: [AuditHistoryRepository, AuditHistoryService],
})
export class AuditHistoryModule {}
