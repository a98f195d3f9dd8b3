// The what-if replay of an SLA policy over past complaints, as a workflow that only orchestrates: batch
// after batch (each one activity that replays and stores), progress as a query, cancellation that marks
// the replay cancelled, continue-as-new for long runs. It reads no running complaint's workflow.
import { ActivityFailure, ApplicationFailure, CancellationScope, continueAsNew, isCancellation, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createPolicyReplayActivities } from '../activities/policy-replay-batch.js';
import { policyReplayProgressQuery, type PolicyReplayInput, type PolicyReplayProgress } from './messages.js';

/** Batches per run before continuing as new: each adds a handful of history events. */
const BATCHES_PER_RUN = 200;

const { replayPolicyBatch, finishPolicyReplay } = proxyActivities<ReturnType<typeof createPolicyReplayActivities>>({
  // A batch of a few hundred complaints takes seconds; a slow database gets a generous margin.
  startToCloseTimeout: '5 minutes',
  // The batch heartbeats as it goes: one lost with its worker is tried again on another within seconds.
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

const failureText = (error: unknown): string => {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  return cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : String(cause);
};

export async function policyReplayWorkflow(input: PolicyReplayInput): Promise<PolicyReplayProgress> {
  const progress: PolicyReplayProgress = { replayId: input.replayId, status: 'RUNNING', total: input.total, processed: input.processed, differing: input.differing, unreplayable: input.unreplayable, unlikeRecord: input.unlikeRecord, batches: 0 };
  setHandler(policyReplayProgressQuery, () => progress);
  let after = input.after;
  try {
    for (;;) {
      if (progress.batches >= (input.batchesPerRun ?? BATCHES_PER_RUN) || workflowInfo().continueAsNewSuggested) break;
      const batch = await replayPolicyBatch({ replayId: input.replayId, after, limit: input.batchSize, processedBefore: progress.processed, differingBefore: progress.differing, unreplayableBefore: progress.unreplayable, unlikeRecordBefore: progress.unlikeRecord });
      progress.batches += 1;
      progress.processed += batch.complaints;
      progress.differing += batch.differing;
      progress.unreplayable += batch.unreplayable;
      progress.unlikeRecord += batch.unlikeRecord;
      after = batch.last;
      if (batch.complaints < input.batchSize) {
        await finishPolicyReplay({ replayId: input.replayId, status: 'COMPLETED' });
        progress.status = 'COMPLETED';
        return progress;
      }
    }
  } catch (error) {
    const status = isCancellation(error) ? 'CANCELLED' : 'FAILED';
    // Recorded even though the workflow is being cancelled: the report must say it is incomplete.
    await CancellationScope.nonCancellable(() => finishPolicyReplay({ replayId: input.replayId, status, ...(status === 'FAILED' ? { error: failureText(error) } : {}) }));
    progress.status = status;
    throw error;
  }
  return continueAsNew<typeof policyReplayWorkflow>({ ...input, after, processed: progress.processed, differing: progress.differing, unreplayable: progress.unreplayable, unlikeRecord: progress.unlikeRecord });
}
