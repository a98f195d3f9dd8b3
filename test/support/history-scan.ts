// Looks through a Temporal history as anyone with access to the server reads it (no codec): every
// string and every byte field (payload data, metadata), for text that must not be readable there.
import type { Client } from '@temporalio/client';

/** Typed into reporter free text by tests; the suite's teardown looks for it in every history. */
export const LEAK_CANARY = 'TENGGATLEAKCANARY';

/** Where each secret appears readable: the path of the field holding it. */
export function readableIn(value: unknown, secrets: string[], path = '$'): { path: string; secret: string }[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return secrets.filter((s) => value.includes(s)).map((secret) => ({ path, secret }));
  if (value instanceof Uint8Array) return readableIn(Buffer.from(value).toString('utf8'), secrets, path);
  if (Array.isArray(value)) return value.flatMap((item, i) => readableIn(item, secrets, `${path}[${i}]`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => readableIn(item, secrets, `${path}.${key}`));
  return [];
}

/** What the after-suite scan found: how many histories it read, and every readable canary. */
export interface HistoryScan {
  histories: number;
  readable: { workflowId: string; path: string }[];
}

/**
 * Reads every workflow history of `taskQueue` with a client that has no codec (as Temporal's own gRPC
 * port and Web UI show them) and reports each place LEAK_CANARY can be read.
 */
export async function scanHistories(client: Client, taskQueue: string): Promise<HistoryScan> {
  const scan: HistoryScan = { histories: 0, readable: [] };
  for await (const execution of client.workflow.list({ query: `TaskQueue = "${taskQueue}"` })) {
    const history = await client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
    scan.histories += 1;
    for (const hit of readableIn(history, [LEAK_CANARY])) scan.readable.push({ workflowId: execution.workflowId, path: hit.path });
  }
  return scan;
}
