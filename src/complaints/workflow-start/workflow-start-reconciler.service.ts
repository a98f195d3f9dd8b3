import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PollingLoop } from '../../common/polling-loop.js';
import { AppConfig } from '../../config/app-config.js';
import { ComplaintWorkflowStarter } from './complaint-workflow-starter.js';

/** A complaint row gets this long to have its workflow started by the API before the reconciler does it. */
const START_GRACE_MS = 2000;
const BATCH = 100;

/**
 * Runs beside the workers: every few seconds, starts the workflow of any complaint whose row has none
 * confirmed. Several replicas may run it at once; starts are idempotent.
 */
@Injectable()
export class WorkflowStartReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollingLoop;

  constructor(starter: ComplaintWorkflowStarter, config: AppConfig) {
    const round = async () => ({ moreWaiting: (await starter.startMissing(START_GRACE_MS, BATCH)) === BATCH });
    this.loop = new PollingLoop('starting missing workflows', round, config.reconcilePollMs, new Logger('WorkflowStarts'));
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
