import { Module } from '@nestjs/common';
import { WorkflowStartModule } from '../complaints/workflow-start/workflow-start.module.js';
import { WorkflowStartReconciler } from '../complaints/workflow-start/workflow-start-reconciler.service.js';
import { NotificationDispatcher } from '../notifications/notification-dispatcher.service.js';
import { WorkerService } from './worker.service.js';

/** Everything that runs beside the workflows: the Temporal worker, the outbox dispatcher, the start reconciler. */
@Module({ imports: [WorkflowStartModule], providers: [WorkerService, NotificationDispatcher, WorkflowStartReconciler] })
export class WorkerModule {}
