// Health check of a worker process (compose's `worker` service): healthy when a worker on this host is
// polling the task queue, as Temporal itself reports it; the worker's default identity is "<pid>@<hostname>".
import { hostname } from 'node:os';
import { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';

/** A poll older than this means the worker stopped asking for work (a long poll lasts about a minute). */
const POLL_FRESHNESS_MS = 90_000;

async function workerIsPolling(): Promise<boolean> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? 'localhost:7233', connectTimeout: 5_000 });
  try {
    const { pollers } = await connection.workflowService.describeTaskQueue({
      namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
      taskQueue: { name: process.env.TEMPORAL_TASK_QUEUE ?? 'tenggat-complaints' },
      taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    const suffix = `@${hostname()}`;
    return (pollers ?? []).some((p) => p.identity?.endsWith(suffix) && Date.now() - Number(p.lastAccessTime?.seconds ?? 0) * 1000 < POLL_FRESHNESS_MS);
  } finally {
    await connection.close();
  }
}

workerIsPolling().then(
  (polling) => {
    if (!polling) console.error(`no worker on ${hostname()} is polling the task queue`);
    process.exit(polling ? 0 : 1);
  },
  (error: unknown) => {
    console.error(`worker health check failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
