import { Module } from '@nestjs/common';
import { NotificationDispatcher } from '../notifications/notification-dispatcher.service.js';
import { WorkerService } from './worker.service.js';

/** Everything that runs beside the workflows: the Temporal worker and the outbox dispatcher. */
@Module({ providers: [WorkerService, NotificationDispatcher] })
export class WorkerModule {}
