// npm run ops:check [-- --json] [--grace-seconds N]
// The operator's look at whether every complaint is accounted for: workflows still running for closed or
// archived complaints with nothing left to wait for, complaint rows without a workflow, workflows
// without a complaint row, read-model rows behind their workflow, and workflows that ended abnormally
// for open complaints. Also tells (without counting them as problems) which closed complaints wait for
// acknowledgements, and which escalation receivers no active account holds. Exit code 1 on any problem.
import { Client, Connection, WorkflowNotFoundError, type WorkflowExecutionInfo } from '@temporalio/client';
import { prismaAdapter } from '../src/database/database-url.js';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { loadSlaPolicy } from '../src/policy/sla-policy.js';
import { describeUncovered, uncoveredReceivers } from '../src/policy/receiver-coverage.js';
import { complaintWorkflow } from '../workflows/complaint.workflow.js';
import { DEFAULT_TASK_QUEUE, statusQuery, TERMINAL_STATES, type ComplaintState, type ComplaintStatus } from '../workflows/messages.js';
import { payloadKeysFrom, tenggatDataConverter } from '../src/temporal/payload-codec.js';

export interface OpsCheckOptions {
  taskQueue: string;
  slaPolicyFile: string;
  /** Rows and runs younger than this are still settling (a submission between its row and its workflow). */
  graceMs?: number;
  /** How long to wait for one workflow's answer to the status query. */
  queryTimeoutMs?: number;
}

export interface Finding {
  trackingId: string | null;
  workflowId: string;
  detail: string;
}

export interface OpsCheckReport {
  checkedAt: string;
  taskQueue: string;
  counts: { complaints: number; workflows: number; running: number };
  problems: {
    terminalStillRunning: Finding[];
    rowsWithoutWorkflow: Finding[];
    workflowsWithoutRow: Finding[];
    readModelBehind: Finding[];
    endedAbnormally: Finding[];
  };
  waitingForAcknowledgement: Finding[];
  uncoveredReceivers: string[];
}

/** The problems as the operator reads them, in the order the table prints them. */
export const PROBLEM_LABELS: Record<keyof OpsCheckReport['problems'], string> = {
  terminalStillRunning: 'workflows still running for closed or archived complaints, nothing left to wait for',
  rowsWithoutWorkflow: 'complaint rows without a workflow',
  workflowsWithoutRow: 'workflows without a complaint row',
  readModelBehind: 'read-model rows behind their workflow',
  endedAbnormally: 'workflows that failed, were terminated or timed out for open complaints',
};

const RUNNING = 'RUNNING';

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return out;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function operatorCheck(client: Client, prisma: PrismaClient, options: OpsCheckOptions): Promise<OpsCheckReport> {
  const graceMs = options.graceMs ?? 30_000;
  const queryTimeoutMs = options.queryTimeoutMs ?? 5_000;
  const now = Date.now();

  const workflows = new Map<string, WorkflowExecutionInfo>();
  for await (const w of client.workflow.list({ query: `WorkflowType = "${complaintWorkflow.name}"` })) {
    const seen = workflows.get(w.workflowId);
    // The newest run of each workflow ID speaks for it.
    if (!seen || w.startTime > seen.startTime) workflows.set(w.workflowId, w);
  }
  const rows = await prisma.complaint.findMany({ select: { trackingId: true, workflowId: true, status: true, lastEventSeq: true, submittedAt: true } });
  const rowsByWorkflow = new Map(rows.map((r) => [r.workflowId, r]));
  const ours = [...workflows.values()].filter((w) => w.taskQueue === options.taskQueue);
  const settled = (at: Date) => now - at.getTime() > graceMs;

  const report: OpsCheckReport = {
    checkedAt: new Date(now).toISOString(),
    taskQueue: options.taskQueue,
    counts: { complaints: rows.length, workflows: ours.length, running: ours.filter((w) => w.status.name === RUNNING).length },
    problems: { terminalStillRunning: [], rowsWithoutWorkflow: [], workflowsWithoutRow: [], readModelBehind: [], endedAbnormally: [] },
    waitingForAcknowledgement: [],
    uncoveredReceivers: [],
  };
  const { problems } = report;

  // Rows whose workflow visibility does not list (yet): ask Temporal itself before calling it missing.
  const unlisted = rows.filter((r) => !workflows.has(r.workflowId) && settled(r.submittedAt));
  await inBatches(unlisted, 8, async (row) => {
    try {
      await client.workflow.getHandle(row.workflowId).describe();
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      problems.rowsWithoutWorkflow.push({ trackingId: row.trackingId, workflowId: row.workflowId, detail: `${row.status} since ${row.submittedAt.toISOString()}, no workflow` });
    }
  });

  for (const w of ours) {
    const row = rowsByWorkflow.get(w.workflowId);
    if (!row) {
      if (settled(w.startTime)) problems.workflowsWithoutRow.push({ trackingId: null, workflowId: w.workflowId, detail: `${w.status.name} since ${w.startTime.toISOString()}` });
      continue;
    }
    const ended = w.status.name !== RUNNING && w.status.name !== 'COMPLETED' && w.status.name !== 'CONTINUED_AS_NEW';
    if (ended && !TERMINAL_STATES.includes(row.status as ComplaintState)) {
      problems.endedAbnormally.push({ trackingId: row.trackingId, workflowId: w.workflowId, detail: `workflow ${w.status.name}, complaint ${row.status}` });
    }
  }

  // Every running workflow of this queue answers what it has projected; a row that stays behind it is stale.
  const running = ours.filter((w) => w.status.name === RUNNING && rowsByWorkflow.has(w.workflowId));
  const statuses = new Map<string, ComplaintStatus | 'timeout'>();
  const ask = (w: WorkflowExecutionInfo, ms: number) => withTimeout(client.workflow.getHandle(w.workflowId).query(statusQuery), ms).catch(() => 'timeout' as const);
  await inBatches(running, 8, async (w) => statuses.set(w.workflowId, await ask(w, queryTimeoutMs)));
  // A worker that just started replays each workflow it has not cached: ask the slow ones once more, with time.
  const slow = running.filter((w) => statuses.get(w.workflowId) === 'timeout');
  await inBatches(slow, 4, async (w) => statuses.set(w.workflowId, await ask(w, queryTimeoutMs * 3)));
  const behind: { finding: (detail: string) => Finding; workflowId: string; status: ComplaintStatus }[] = [];
  for (const w of running) {
    const row = rowsByWorkflow.get(w.workflowId)!;
    const status = statuses.get(w.workflowId)!;
    const finding = (detail: string): Finding => ({ trackingId: row.trackingId, workflowId: w.workflowId, detail });
    if (status === 'timeout') {
      problems.readModelBehind.push(finding(`the workflow did not answer its status query, twice, within ${queryTimeoutMs * 3} ms (no worker polls ${options.taskQueue}?)`));
      continue;
    }
    if (TERMINAL_STATES.includes(status.state)) {
      const open = status.escalations.filter((e) => !e.acknowledgedAt);
      if (open.length === 0) problems.terminalStillRunning.push(finding(`${status.state}, every escalation acknowledged, still running`));
      else {
        const receivers = open.map((e) => `${e.receiverRole}${e.agencyId ? ` of ${e.agencyId}` : ''} (level ${e.level}, since ${e.firedAt})`);
        report.waitingForAcknowledgement.push(finding(`${status.state}; waits for ${receivers.join(', ')}`));
      }
    }
    if (status.eventSeq > row.lastEventSeq) behind.push({ finding, workflowId: w.workflowId, status });
  }
  if (behind.length) {
    // In flight right now, or stuck: look again once they had time to land.
    await new Promise((r) => setTimeout(r, 1000));
    const again = await prisma.complaint.findMany({ where: { workflowId: { in: behind.map((b) => b.workflowId) } }, select: { workflowId: true, lastEventSeq: true } });
    const seq = new Map(again.map((r) => [r.workflowId, r.lastEventSeq]));
    for (const b of behind) {
      const last = seq.get(b.workflowId);
      if (last === undefined || b.status.eventSeq > last) problems.readModelBehind.push(b.finding(`row at event ${last ?? 'none'}, workflow at ${b.status.eventSeq} (${b.status.state})`));
    }
  }

  const accounts = await prisma.user.findMany({ where: { active: true }, select: { role: true, agencyId: true } });
  const agencies = await prisma.agency.findMany({ select: { id: true } });
  report.uncoveredReceivers = uncoveredReceivers(loadSlaPolicy(options.slaPolicyFile).all(), agencies.map((a) => a.id), accounts).map(describeUncovered);
  return report;
}

export function problemCount(report: OpsCheckReport): number {
  return Object.values(report.problems).reduce((sum, list) => sum + list.length, 0);
}

/** The report as an operator reads it: a count per problem (zeros when all is well), then the findings. */
export function formatReport(report: OpsCheckReport): string {
  const width = Math.max(...Object.values(PROBLEM_LABELS).map((l) => l.length)) + 2;
  const lines = [
    `Tenggat operator check, ${report.checkedAt}: task queue ${report.taskQueue}, ${report.counts.complaints} complaint rows, ${report.counts.workflows} workflows (${report.counts.running} running)`,
    ...Object.entries(PROBLEM_LABELS).map(([key, label]) => `  ${label.padEnd(width)}${report.problems[key as keyof OpsCheckReport['problems']].length}`),
  ];
  for (const [key, list] of Object.entries(report.problems)) {
    for (const f of list.slice(0, 20)) lines.push(`    ${key}: ${f.trackingId ?? '-'} ${f.workflowId}: ${f.detail}`);
  }
  lines.push(`  (not a problem) closed or archived complaints whose workflow waits for acknowledgements: ${report.waitingForAcknowledgement.length}`);
  for (const f of report.waitingForAcknowledgement.slice(0, 10)) lines.push(`    ${f.trackingId}: ${f.detail}`);
  lines.push(`  (not a problem) escalation receivers no active account holds: ${report.uncoveredReceivers.length}`);
  for (const line of report.uncoveredReceivers.slice(0, 10)) lines.push(`    ${line}`);
  lines.push(`problems: ${problemCount(report)}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is required');
    process.exit(2);
  }
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const prisma = new PrismaClient({ adapter: prismaAdapter(databaseUrl, 4) });
  try {
    const client = new Client({
      connection,
      namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
      dataConverter: tenggatDataConverter(payloadKeysFrom(process.env.TEMPORAL_PAYLOAD_KEYS)),
    });
    const grace = process.argv.indexOf('--grace-seconds');
    const report = await operatorCheck(client, prisma, {
      taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? DEFAULT_TASK_QUEUE,
      slaPolicyFile: process.env.SLA_POLICY_FILE ?? 'config/sla-policy.json',
      ...(grace > 0 ? { graceMs: Number(process.argv[grace + 1]) * 1000 } : {}),
    });
    console.log(process.argv.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report));
    process.exitCode = problemCount(report) > 0 ? 1 : 0;
  } finally {
    await prisma.$disconnect();
    await connection.close();
  }
}
