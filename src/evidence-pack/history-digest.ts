import proto from '@temporalio/proto';
import type { WorkflowRun } from '../audit/workflow-history.reader.js';
import { sha256Hex } from './evidence-pack.js';

/**
 * The SHA-256 of the history a pack is made from: each run, oldest first, as its run ID, a newline and the
 * protobuf encoding of its `temporal.api.history.v1.History` (the events exactly as Temporal answered them).
 */
export function historyDigest(runs: WorkflowRun[]): string {
  const parts = runs.flatMap((run) => [Buffer.from(`${run.runId}\n`, 'utf8'), Buffer.from(proto.temporal.api.history.v1.History.encode({ events: run.events }).finish())]);
  return sha256Hex(Buffer.concat(parts));
}
