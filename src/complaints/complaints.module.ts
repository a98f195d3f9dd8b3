import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module.js';
import { CalendarsModule } from '../calendars/calendars.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { WorkflowStartModule } from './workflow-start/workflow-start.module.js';
import { PublicController } from '../public/public.controller.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintsRepository } from './complaints.repository.js';
import { ComplaintProcessService } from './complaint-process.service.js';
import { ComplaintsService } from './complaints.service.js';
import { DispositionSuggestionsService } from './disposition-suggestions.service.js';

@Module({
  imports: [WorkflowStartModule, CalendarsModule, AreasModule, DirectoryModule],
  controllers: [ComplaintsController, PublicController],
  providers: [
    ComplaintsRepository,
    ComplaintsService,
    ComplaintProcessService,
    DispositionSuggestionsService,
  ],
  exports: [ComplaintsService, ComplaintsRepository, ComplaintProcessService, WorkflowStartModule],
})
export class ComplaintsModule {}
