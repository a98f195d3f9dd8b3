// What a worker adds for tracing: the workflow interceptors (in the traced bundle, see
// workflows/tracing-interceptors.ts), the sink that takes workflow spans out of the sandbox, and,
// when this process traces, spans around each activity.
import { join } from 'node:path';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  type OpenTelemetrySinks,
} from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks, WorkerOptions } from '@temporalio/worker';
import { projectRoot } from '../project-root.js';
import type { ActiveTracing } from './tracing.service.js';

/** In the traced bundle of scripts/build-workflow-bundle.ts, and in a tracing development worker's own bundle. */
export const WORKFLOW_TRACING_INTERCEPTORS = join(projectRoot(), 'workflows', 'tracing-interceptors.ts');

/** The traced bundle built beside a plain one: `dist/workflow-bundle.js` → `dist/workflow-bundle-traced.js`. */
export const tracedWorkflowBundle = (plainBundlePath: string): string => plainBundlePath.replace(/(\.js)?$/, '-traced.js');

/**
 * A run started with a trace keeps producing spans on a worker that does not trace (it is decided by
 * the run's history): those are dropped here instead of logged as calls to an unregistered sink.
 */
const DROP_WORKFLOW_SPANS: InjectedSinks<OpenTelemetrySinks> = { exporter: { export: { fn: () => undefined } } };

/** Activity spans and the workflow-span sink when this process traces; only the dropping sink when it does not. */
export function workerTracingOptions(tracing: ActiveTracing | undefined): Required<Pick<WorkerOptions, 'sinks'>> & { activityInterceptors: NonNullable<NonNullable<WorkerOptions['interceptors']>['activity']> } {
  if (!tracing) return { sinks: DROP_WORKFLOW_SPANS, activityInterceptors: [] };
  const { tracer, spanProcessor, resource } = tracing;
  return {
    sinks: { exporter: makeWorkflowExporter(spanProcessor, resource) },
    activityInterceptors: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer }), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
  };
}
