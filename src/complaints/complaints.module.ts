import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { SlaPolicy, loadSlaPolicy } from '../policy/sla-policy.js';
import { PublicController } from '../public/public.controller.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintsRepository } from './complaints.repository.js';
import { ComplaintProcessService } from './complaint-process.service.js';
import { ComplaintsService } from './complaints.service.js';

@Module({
  controllers: [ComplaintsController, PublicController],
  providers: [
    ComplaintsRepository,
    ComplaintsService,
    ComplaintProcessService,
    // Read and validated at boot: an invalid policy file stops startup naming the field.
    { provide: SlaPolicy, useFactory: (config: AppConfig) => loadSlaPolicy(config.slaPolicyFile), inject: [AppConfig] },
  ],
  exports: [ComplaintsService, ComplaintsRepository, ComplaintProcessService],
})
export class ComplaintsModule {}
