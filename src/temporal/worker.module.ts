import { Module } from '@nestjs/common';
import { WorkflowStartModule } from '../complaints/workflow-start/workflow-start.module.js';
import { WorkflowStartReconciler } from '../complaints/workflow-start/workflow-start-reconciler.service.js';
import { NotificationDispatcher } from '../notifications/notification-dispatcher.service.js';
import { ReporterNoticeSender } from '../notifications/reporter-notice-sender.js';
import { ReporterNoticeRepository } from '../notifications/reporter-notices.repository.js';
import { PolicyModule } from '../policy/policy.module.js';
import { WorkerService } from './worker.service.js';

/** Everything that runs beside the workflows: the Temporal worker, the outbox dispatcher (officer and reporter notices), the start reconciler. */
@Module({
  imports: [WorkflowStartModule, PolicyModule],
  providers: [WorkerService, NotificationDispatcher, ReporterNoticeSender, ReporterNoticeRepository, WorkflowStartReconciler],
})
export class WorkerModule {}
