import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { join } from 'node:path';
import { loadCalendarYears } from '../../activities/calendar-data.js';
import { CalendarSource, uploadedCalendarYearsIn } from '../../activities/calendar-source.js';
import { createActivities } from '../../activities/index.js';
import { createPolicyReplayActivities } from '../../activities/policy-replay-batch.js';
import { DependencyUnavailableError } from '../common/domain-errors.js';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { loadSlaPolicy } from '../policy/sla-policy.js';
import { projectRoot } from '../project-root.js';
import { TracingService } from '../tracing/tracing.service.js';
import { tracedWorkflowBundle, WORKFLOW_TRACING_INTERCEPTORS, workerTracingOptions } from '../tracing/worker-tracing.js';
import { tenggatDataConverter } from './payload-codec.js';
import { installTemporalRuntime } from './temporal-runtime-logging.js';

/**
 * The Temporal worker, owned by Nest's lifecycle: created once DI is done, run after bootstrap
 * (a crash is logged and ends the process), drained and closed before shutdown completes.
 */
@Injectable()
export class WorkerService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly tracing: TracingService,
  ) {}

  async onModuleInit(): Promise<void> {
    installTemporalRuntime(this.config.workerMetricsAddress);
    const calendar = new CalendarSource(uploadedCalendarYearsIn(this.prisma), loadCalendarYears(this.config.calendarDir));
    try {
      this.connection = await NativeConnection.connect({ address: this.config.temporalAddress });
    } catch (error) {
      throw new DependencyUnavailableError('Temporal', this.config.temporalAddress, 'TEMPORAL_ADDRESS', error);
    }
    // Activity spans and workflow spans when this process traces (OTEL_EXPORTER_OTLP_ENDPOINT).
    const { activityInterceptors, sinks } = workerTracingOptions(this.tracing.active);
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.temporalNamespace,
      taskQueue: this.config.temporalTaskQueue,
      activities: {
        ...createActivities({ prisma: this.prisma, calendar }),
        // What-if replays plan with the same calendar, each complaint under its own frozen policy version.
        ...createPolicyReplayActivities({ prisma: this.prisma, calendar, policy: loadSlaPolicy(this.config.slaPolicyFile) }),
      },
      // Every payload and failure message Temporal stores is encrypted (reporter text must not be readable there).
      dataConverter: tenggatDataConverter(this.config.temporalPayloadKeys),
      maxCachedWorkflows: this.config.workerMaxCachedWorkflows,
      // Stopping: activities get a grace period, then the worker is forced down (never an endless drain).
      shutdownGraceTime: '5 seconds',
      shutdownForceTime: '10 seconds',
      // A workflow task left on a dead worker's sticky queue moves to the shared queue after this.
      stickyQueueScheduleToStartTimeout: '3 seconds',
      // Workflow tasks hold a slot while their local activities wait on PostgreSQL: with the SDK's default
      // of 40, a midnight storm queued tasks on the sticky queue until they timed out (+3 to +10 s each).
      maxConcurrentWorkflowTaskExecutions: this.config.workerWorkflowTaskSlots,
      maxConcurrentWorkflowTaskPolls: Math.max(2, Math.ceil(this.config.workerWorkflowTaskSlots / 10)),
      ...this.workflowSource(),
      interceptors: { activity: activityInterceptors, ...(this.config.workflowBundlePath === undefined && this.tracing.active && { workflowModules: [WORKFLOW_TRACING_INTERCEPTORS] }) },
      sinks,
    });
  }

  onApplicationBootstrap(): void {
    const worker = this.worker!;
    this.logger.log(`worker polling task queue ${this.config.temporalTaskQueue}`);
    this.running = worker.run().catch((error: unknown) => {
      if (this.stopping) {
        this.logger.warn(`worker forced down at shutdown: ${(error as Error).message}`);
        return;
      }
      this.logger.error(`worker stopped: ${(error as Error).message}`, (error as Error).stack);
      process.exit(1);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
    this.logger.log('worker drained and closed');
  }

  /**
   * Production loads the bundle built ahead of time — its traced twin when this process traces —;
   * development bundles workflows/ from source, with the tracing interceptors when it traces.
   */
  private workflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
    const bundle = this.config.workflowBundlePath;
    if (bundle) return { workflowBundle: { codePath: this.tracing.active ? tracedWorkflowBundle(bundle) : bundle } };
    return { workflowsPath: join(projectRoot(), 'workflows', 'index.ts') };
  }
}
