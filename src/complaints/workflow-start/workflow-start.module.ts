import { Module } from '@nestjs/common';
import { PolicyModule } from '../../policy/policy.module.js';
import { ComplaintsRepository } from '../complaints.repository.js';
import { ComplaintWorkflowStarter } from './complaint-workflow-starter.js';

/** Starting complaint workflows from their rows: the API at intake, the reconciler beside the workers. */
@Module({
  imports: [PolicyModule],
  providers: [ComplaintWorkflowStarter, ComplaintsRepository],
  exports: [ComplaintWorkflowStarter, PolicyModule],
})
export class WorkflowStartModule {}
