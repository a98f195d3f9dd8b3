import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import type { WorkflowRun } from '../audit/workflow-history.reader.js';
import { canonicalJson, sha256Hex } from './evidence-pack.js';

/**
 * The SHA-256 of the history a pack is made from: the canonical JSON (keys sorted) of
 * `[{ runId, history }]`, runs oldest first, each `history` the run's events in proto3 JSON — the form
 * `temporal workflow show --output json` exports. Not the protobuf bytes: Temporal answers map fields
 * (search attributes, payload metadata) in no fixed order, so two fetches of one history differ there.
 */
export function historyDigest(runs: WorkflowRun[]): string {
  return sha256Hex(canonicalJson(runs.map((run) => ({ runId: run.runId, history: JSON.parse(historyToJSON({ events: run.events })) as unknown }))));
}
