import { Module } from '@nestjs/common';
import { AuditHistoryModule } from '../audit/audit-history.module.js';
import { EvidencePackController } from './evidence-pack.controller.js';
import { EvidencePackRepository } from './evidence-pack.repository.js';
import { EvidencePackService } from './evidence-pack.service.js';

/** The Ombudsman evidence pack: PDF and JSON made from the workflow history, downloads audited, copies verified. */
@Module({
  imports: [AuditHistoryModule],
  controllers: [EvidencePackController],
  providers: [EvidencePackRepository, EvidencePackService],
  exports: [EvidencePackService],
})
export class EvidencePackModule {}
