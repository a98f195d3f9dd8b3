// Workflow interceptors of the traced bundle (not a workflow): OpenTelemetry spans for runs started with a trace.
//
// Registered only by workers that trace (they load dist/workflow-bundle-traced.js): the interceptors add
// no commands, only headers and sink calls, so a run replays the same on either bundle — and the plain
// bundle spares every cached workflow its own copy of OpenTelemetry's modules (about 0.45 MB each). Whether
// a run is traced is read from its own history: the trace header its start carried (the API's traced
// Temporal client adds it). A run started without one — tracing off, or any history recorded before
// tracing existed — passes every call straight through: no spans, no extra headers. Its spans leave
// through the `exporter` sink.
import { TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation.js';
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow/index.js';
import type {
  ActivityInput,
  ContinueAsNewInput,
  DisposeInput,
  GetLogAttributesInput,
  LocalActivityInput,
  Next,
  QueryInput,
  SignalInput,
  SignalWorkflowInput,
  StartChildWorkflowExecutionInput,
  UpdateInput,
  WorkflowExecuteInput,
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
  WorkflowInternalsInterceptor,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

interface OpenTelemetryInterceptors {
  inbound: OpenTelemetryInboundInterceptor;
  outbound: OpenTelemetryOutboundInterceptor;
  internals: OpenTelemetryInternalsInterceptor;
}

/** The package's interceptors, made only once a run turns out to be traced (they start a tracer in the sandbox). */
class TraceSwitch {
  private otel?: OpenTelemetryInterceptors;

  /** Decided by the run's start (`execute` runs before any other handler of the run). */
  decide(headers: WorkflowExecuteInput['headers']): void {
    if (TRACE_HEADER in headers) {
      this.otel = { inbound: new OpenTelemetryInboundInterceptor(), outbound: new OpenTelemetryOutboundInterceptor(), internals: new OpenTelemetryInternalsInterceptor() };
    }
  }

  get traced(): OpenTelemetryInterceptors | undefined {
    return this.otel;
  }
}

class TracedInbound implements WorkflowInboundCallsInterceptor {
  constructor(private readonly trace: TraceSwitch) {}

  execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    this.trace.decide(input.headers);
    return this.trace.traced ? this.trace.traced.inbound.execute(input, next) : next(input);
  }

  handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>): Promise<void> {
    return this.trace.traced ? this.trace.traced.inbound.handleSignal(input, next) : next(input);
  }

  handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>): Promise<unknown> {
    return this.trace.traced ? this.trace.traced.inbound.handleUpdate(input, next) : next(input);
  }

  validateUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>): void {
    if (this.trace.traced) this.trace.traced.inbound.validateUpdate(input, next);
    else next(input);
  }

  handleQuery(input: QueryInput, next: Next<WorkflowInboundCallsInterceptor, 'handleQuery'>): Promise<unknown> {
    return this.trace.traced ? this.trace.traced.inbound.handleQuery(input, next) : next(input);
  }
}

class TracedOutbound implements WorkflowOutboundCallsInterceptor {
  constructor(private readonly trace: TraceSwitch) {}

  scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>): Promise<unknown> {
    return this.trace.traced ? this.trace.traced.outbound.scheduleActivity(input, next) : next(input);
  }

  scheduleLocalActivity(input: LocalActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleLocalActivity'>): Promise<unknown> {
    return this.trace.traced ? this.trace.traced.outbound.scheduleLocalActivity(input, next) : next(input);
  }

  startChildWorkflowExecution(input: StartChildWorkflowExecutionInput, next: Next<WorkflowOutboundCallsInterceptor, 'startChildWorkflowExecution'>): Promise<[Promise<string>, Promise<unknown>]> {
    return this.trace.traced ? this.trace.traced.outbound.startChildWorkflowExecution(input, next) : next(input);
  }

  continueAsNew(input: ContinueAsNewInput, next: Next<WorkflowOutboundCallsInterceptor, 'continueAsNew'>): Promise<never> {
    return this.trace.traced ? this.trace.traced.outbound.continueAsNew(input, next) : next(input);
  }

  signalWorkflow(input: SignalWorkflowInput, next: Next<WorkflowOutboundCallsInterceptor, 'signalWorkflow'>): Promise<void> {
    return this.trace.traced ? this.trace.traced.outbound.signalWorkflow(input, next) : next(input);
  }

  getLogAttributes(input: GetLogAttributesInput, next: Next<WorkflowOutboundCallsInterceptor, 'getLogAttributes'>): Record<string, unknown> {
    return this.trace.traced ? this.trace.traced.outbound.getLogAttributes(input, next) : next(input);
  }
}

class TracedInternals implements WorkflowInternalsInterceptor {
  constructor(private readonly trace: TraceSwitch) {}

  dispose(input: DisposeInput, next: Next<WorkflowInternalsInterceptor, 'dispose'>): void {
    if (this.trace.traced) void this.trace.traced.internals.dispose(input, next);
    else next(input);
  }
}

export const interceptors = (): WorkflowInterceptors => {
  const trace = new TraceSwitch();
  return { inbound: [new TracedInbound(trace)], outbound: [new TracedOutbound(trace)], internals: [new TracedInternals(trace)] };
};
