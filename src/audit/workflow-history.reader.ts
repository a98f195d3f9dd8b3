import { Injectable } from '@nestjs/common';
import { isGrpcServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import type { HistoryEvent } from './workflow-history.decoder.js';

export interface WorkflowRun {
  runId: string;
  events: HistoryEvent[];
}

export interface WorkflowRuns {
  /** The latest run's execution status; null when Temporal holds no such workflow. */
  workflowStatus: string | null;
  /** Oldest first. */
  runs: WorkflowRun[];
  /** The run Temporal no longer holds (past retention) before the oldest one kept, if any. */
  missingBefore?: string;
}

/** gRPC status of a run Temporal no longer holds (closed runs are deleted after the namespace's retention). */
const GRPC_NOT_FOUND = 5;

/** Reads a complaint workflow's event history, every run of it, as Temporal holds it. */
@Injectable()
export class WorkflowHistoryReader {
  constructor(private readonly temporal: TemporalClientService) {}

  /**
   * Every run of the workflow, oldest first: from the latest run back along continuedExecutionRunId.
   * Without a workflow (never started, or past retention) there are no runs.
   */
  async runs(workflowId: string): Promise<WorkflowRuns> {
    const workflows = this.temporal.client.workflow;
    let latest;
    try {
      latest = await workflows.getHandle(workflowId).describe();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return { workflowStatus: null, runs: [] };
      throw error;
    }
    const runs: WorkflowRun[] = [];
    const seen = new Set<string>();
    for (let runId: string | undefined = latest.runId; runId && !seen.has(runId); ) {
      seen.add(runId);
      let events: HistoryEvent[];
      try {
        events = (await workflows.getHandle(workflowId, runId).fetchHistory()).events ?? [];
      } catch (error) {
        if (runs.length > 0 && isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND) {
          return { workflowStatus: latest.status.name, runs, missingBefore: runId };
        }
        throw error;
      }
      runs.unshift({ runId, events });
      runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
    }
    return { workflowStatus: latest.status.name, runs };
  }
}
