import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { ComplaintWorkflowStarter } from './complaint-workflow-starter.js';

/** A complaint row gets this long to have its workflow started by the API before the reconciler does it. */
const START_GRACE_MS = 2000;

/**
 * Runs beside the workers: every few seconds, starts the workflow of any complaint whose row has none
 * confirmed. Several replicas may run it at once; starts are idempotent.
 */
@Injectable()
export class WorkflowStartReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkflowStarts');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly starter: ComplaintWorkflowStarter,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.starter
        .startMissing(START_GRACE_MS)
        .catch((error: Error) => this.logger.warn(`could not start missing workflows yet: ${error.message.split('\n')[0]}`))
        .finally(() => this.schedule());
    }, this.config.reconcilePollMs);
  }
}
