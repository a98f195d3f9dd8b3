// npm run deadlines:retime -- "<reason>" [--by <officerId>]
// After calendar data was amended (a new or changed SKB in config/calendars) and the workers were
// restarted with it, re-times the running deadlines of every open complaint. Policy versions stay frozen.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { retryServiceErrors } from '../src/temporal/retry-service-errors.js';
import { complaintWorkflow } from '../workflows/complaint.workflow.js';
import { retimeDeadlinesUpdate } from '../workflows/messages.js';
import { payloadKeysFrom, tenggatDataConverter } from '../src/temporal/payload-codec.js';

/** `scope` narrows the visibility query, e.g. `TaskQueue = "…"`. */
export async function retimeRunningDeadlines(
  client: Client,
  reason: string,
  by: string,
  scope?: string,
): Promise<{ retimed: number; failed: string[] }> {
  const failed: string[] = [];
  let retimed = 0;
  const query = `WorkflowType = "${complaintWorkflow.name}" AND ExecutionStatus = "Running"${scope ? ` AND ${scope}` : ''}`;
  const running = client.workflow.list({ query });
  for await (const execution of running) {
    // One update ID per complaint: a retried call that had in fact reached the workflow is not applied twice.
    const updateId = `retime-${randomUUID()}`;
    const retime = () =>
      client.workflow
        .getHandle(execution.workflowId)
        .executeUpdate(retimeDeadlinesUpdate, { updateId, args: [{ actor: { id: by, role: 'SYSADMIN' }, reason }] });
    try {
      // An operator's batch may wait longer than an officer's request: up to about 45 s per complaint.
      await retryServiceErrors(retime, 10);
      retimed += 1;
    } catch (error) {
      failed.push(`${execution.workflowId}: ${describeFailure(error)}`);
    }
  }
  return { retimed, failed };
}

/** The update's own failure (e.g. an activity's message) says more than "Workflow Update failed". */
function describeFailure(error: unknown): string {
  const messages: string[] = [];
  for (let e = error as Error | undefined; e; e = e.cause as Error | undefined) messages.push(e.message);
  return messages.join(': ');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [reason, flag, by] = process.argv.slice(2);
  if (!reason || (flag !== undefined && flag !== '--by')) {
    console.error('usage: npm run deadlines:retime -- "<reason, e.g. SKB 2027 loaded>" [--by <officerId>]');
    process.exit(2);
  }
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  try {
    const client = new Client({
      connection,
      namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
      dataConverter: tenggatDataConverter(payloadKeysFrom(process.env.TEMPORAL_PAYLOAD_KEYS)),
    });
    const { retimed, failed } = await retimeRunningDeadlines(client, reason, by ?? 'calendar-admin');
    console.log(`re-timed ${retimed} open complaint(s); ${failed.length} refused`);
    for (const line of failed) console.log(`  ${line}`);
  } finally {
    await connection.close();
  }
}
