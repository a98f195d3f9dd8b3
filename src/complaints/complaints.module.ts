import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module.js';
import { CalendarsModule } from '../calendars/calendars.module.js';
import { WorkflowStartModule } from './workflow-start/workflow-start.module.js';
import { PublicController } from '../public/public.controller.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintsRepository } from './complaints.repository.js';
import { ComplaintProcessService } from './complaint-process.service.js';
import { ComplaintsService } from './complaints.service.js';

@Module({
  imports: [WorkflowStartModule, CalendarsModule, AreasModule],
  controllers: [ComplaintsController, PublicController],
  providers: [
    ComplaintsRepository,
    ComplaintsService,
    ComplaintProcessService,
  ],
  exports: [ComplaintsService, ComplaintsRepository, ComplaintProcessService, WorkflowStartModule],
})
export class ComplaintsModule {}
