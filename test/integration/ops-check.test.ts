import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { formatReport, operatorCheck, problemCount, type OpsCheckReport } from '../../scripts/ops-check.js';
import { loadSlaPolicy } from '../../src/policy/sla-policy.js';
import { projectRoot } from '../../src/project-root.js';
import { complaintWorkflow } from '../../workflows/complaint.workflow.js';
import { complaintWorkflowId } from '../../workflows/messages.js';
import { complaintBody, createTestApp, eventually, insertComplaintRow, type TestApp } from '../support/app.js';

const run = promisify(execFile);

/** The operator check finds what it should, and only that: each anomaly made here, then put right. */
describe('operator check (npm run ops:check)', () => {
  let t: TestApp;
  const mainQueue = process.env.TEMPORAL_TASK_QUEUE!;
  const options = { taskQueue: mainQueue, slaPolicyFile: 'config/sla-policy.json', graceMs: 0 };
  const mine = (report: OpsCheckReport, trackingId: string) =>
    Object.fromEntries(Object.entries(report.problems).map(([kind, list]) => [kind, list.filter((f) => f.trackingId === trackingId).length]));

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds a complaint row without a workflow', async () => {
    // Confirmed once, gone since: the reconciler only starts rows never confirmed.
    const row = await insertComplaintRow(t.prisma, { submittedAt: new Date(Date.now() - 3_600_000), workflowStartedAt: new Date(Date.now() - 3_500_000) });
    const { trackingId } = row;
    try {
      const report = await operatorCheck(t.temporal, t.prisma, options);
      expect(mine(report, trackingId)).toMatchObject({ rowsWithoutWorkflow: 1, readModelBehind: 0, workflowsWithoutRow: 0 });
      expect(formatReport(report)).toMatch(/complaint rows without a workflow\s+[1-9]/);
    } finally {
      await t.prisma.complaint.delete({ where: { id: row.id } });
    }
  });

  it('finds a read-model row behind its workflow, and nothing once it caught up', async () => {
    const { body } = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    const trackingId: string = body.trackingId;
    const caughtUp = await eventually(async () => {
      const row = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId } });
      return row.lastEventSeq >= 1 ? row : undefined;
    });
    expect(mine(await operatorCheck(t.temporal, t.prisma, options), trackingId)).toMatchObject({ readModelBehind: 0, rowsWithoutWorkflow: 0, terminalStillRunning: 0 });
    await t.prisma.complaint.update({ where: { trackingId }, data: { lastEventSeq: 0 } });
    try {
      const report = await operatorCheck(t.temporal, t.prisma, options);
      expect(mine(report, trackingId)).toMatchObject({ readModelBehind: 1 });
      expect(report.problems.readModelBehind.find((f) => f.trackingId === trackingId)?.detail).toBe(`row at event 0, workflow at ${caughtUp.lastEventSeq} (SUBMITTED)`);
    } finally {
      await t.prisma.complaint.update({ where: { trackingId }, data: { lastEventSeq: caughtUp.lastEventSeq } });
    }
  });

  it('finds a workflow without a complaint row, from the command line too (exit code 1)', async () => {
    // A queue of its own, with no worker: the workflow waits there, out of the suite's way.
    const taskQueue = `ops-check-${randomUUID()}`;
    const trackingId = `LPR-NOROW-${randomBytes(2).toString('hex').toUpperCase()}`;
    const handle = await t.temporal.workflow.start(complaintWorkflow, {
      workflowId: complaintWorkflowId(trackingId),
      taskQueue,
      args: [
        {
          complaintId: randomUUID(),
          trackingId,
          submittedAt: new Date().toISOString(),
          agencyId: null,
          classification: 'COMPLAINT',
          channel: 'WEB',
          policy: loadSlaPolicy('config/sla-policy.json').all()[0],
        },
      ],
    });
    try {
      await eventually(async () => {
        const report = await operatorCheck(t.temporal, t.prisma, { ...options, taskQueue });
        return report.problems.workflowsWithoutRow.some((f) => f.workflowId === handle.workflowId) ? report : undefined;
      });
      const cli = await run(process.execPath, [join(projectRoot(), 'dist', 'scripts', 'ops-check.js'), '--json', '--grace-seconds', '0'], {
        env: { ...process.env, NODE_OPTIONS: '', TEMPORAL_TASK_QUEUE: taskQueue },
      }).then(
        () => ({ code: 0, stdout: '' }),
        (error: { code: number; stdout: string }) => error,
      );
      expect(cli.code).toBe(1);
      const report = JSON.parse(cli.stdout) as OpsCheckReport;
      expect(problemCount(report)).toBeGreaterThanOrEqual(1);
      expect(report.problems.workflowsWithoutRow.map((f) => f.workflowId)).toContain(handle.workflowId);
    } finally {
      await handle.terminate('operator check test: done');
    }
  });
});
