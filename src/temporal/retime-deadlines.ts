// Re-times the running deadlines of open complaints after calendar data changed (an uploaded or amended
// decree year): one validated Update per running complaint workflow, each applied once. Used by the
// operator script (npm run deadlines:retime) and SYSADMIN's POST /v1/admin/calendars/:year/retime.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { complaintWorkflow } from '../../workflows/complaint.workflow.js';
import { retimeDeadlinesUpdate } from '../../workflows/messages.js';
import { retryServiceErrors } from './retry-service-errors.js';

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
