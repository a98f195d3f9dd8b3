// The complaint workflow's contract: every Update and Query defined once, shared by the workflow, the
// worker, the API and the tests, plus the lifecycle's vocabulary and data. No workflow code.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ActionInputs, ComplaintStatus, RetimeDeadlinesInput } from './lifecycle/types.js';
import { ACTIONS, type ComplaintAction } from './lifecycle/vocabulary.js';

export * from './lifecycle/vocabulary.js';
export * from './lifecycle/types.js';
export * from './lifecycle/records.js';
export type { DeadlinePlanRequest, PlannedDeadline, Step } from './lifecycle/clocks.js';

export const DEFAULT_TASK_QUEUE = 'tenggat-complaints';

export const complaintWorkflowId = (trackingId: string): string => `complaint-${trackingId}`;

/** The Update that carries an action, typed by the action's input; its name is the one recorded in histories. */
export type ActionUpdate<A extends ComplaintAction> = UpdateDefinition<ComplaintStatus, [ActionInputs[A]], (typeof ACTIONS)[A]['update']>;

const defineAction = <A extends ComplaintAction>(action: A): ActionUpdate<A> =>
  defineUpdate<ComplaintStatus, [ActionInputs[A]], (typeof ACTIONS)[A]['update']>(ACTIONS[action].update);

/** One Update per action, by the action's name. */
export const ACTION_UPDATES: { [A in ComplaintAction]: ActionUpdate<A> } = {
  verify: defineAction('verify'),
  'request-clarification': defineAction('request-clarification'),
  'provide-clarification': defineAction('provide-clarification'),
  archive: defineAction('archive'),
  assign: defineAction('assign'),
  redirect: defineAction('redirect'),
  'follow-up': defineAction('follow-up'),
  resolve: defineAction('resolve'),
  accept: defineAction('accept'),
  dispute: defineAction('dispute'),
  'extend-deadline': defineAction('extend-deadline'),
  'acknowledge-escalation': defineAction('acknowledge-escalation'),
};

export const retimeDeadlinesUpdate = defineUpdate<ComplaintStatus, [RetimeDeadlinesInput], 'retimeDeadlines'>('retimeDeadlines');
export const statusQuery = defineQuery<ComplaintStatus, [], 'status'>('status');

// ---- the what-if replay of a policy over past complaints (policy-replay.workflow.ts) ----

export const policyReplayWorkflowId = (replayId: string): string => `policy-replay-${replayId}`;

export type PolicyReplayStatus = 'RUNNING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';

/** Workflow input; carried across continue-as-new with the cursor and the counts so far. */
export interface PolicyReplayInput {
  replayId: string;
  /** Complaints in the period when the replay started (for progress). */
  total: number;
  batchSize: number;
  /** Batches before the run continues as new (default 200). */
  batchesPerRun?: number;
  /** The last complaint replayed (batches go in submission order, then complaint ID); null before the first batch. */
  after: PolicyReplayCursor | null;
  processed: number;
  differing: number;
  unreplayable: number;
  unlikeRecord: number;
}

export interface PolicyReplayCursor {
  submittedAt: string;
  complaintId: string;
}

export interface PolicyReplayBatchInput {
  replayId: string;
  after: PolicyReplayCursor | null;
  limit: number;
  processedBefore: number;
  differingBefore: number;
  unreplayableBefore: number;
  unlikeRecordBefore: number;
}

export interface PolicyReplayBatchResult {
  complaints: number;
  differing: number;
  /** Complaints whose recorded history the lifecycle could not run (listed with why). */
  unreplayable: number;
  /** Complaints whose replay under their own policy breached other deadlines than their history records. */
  unlikeRecord: number;
  /** The batch's last complaint (the next batch starts after it). */
  last: PolicyReplayCursor | null;
}

export interface PolicyReplayEnding {
  replayId: string;
  status: Exclude<PolicyReplayStatus, 'RUNNING'>;
  error?: string;
}

export interface PolicyReplayProgress {
  replayId: string;
  status: PolicyReplayStatus;
  total: number;
  processed: number;
  differing: number;
  unreplayable: number;
  unlikeRecord: number;
  batches: number;
}

export const policyReplayProgressQuery = defineQuery<PolicyReplayProgress, [], 'progress'>('progress');
