import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { projectRoot } from '../../src/project-root.js';
import { eventually } from '../support/app.js';
import { startWorkerProcess, type NodeProcess } from '../support/stack.js';

/** Compose's worker health check (node dist/scripts/worker-health.js), against the real Temporal server. */
describe('worker health check', () => {
  const taskQueue = `worker-health-${randomUUID()}`;
  let worker: NodeProcess | undefined;
  afterAll(() => worker?.stop());

  const check = (env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> =>
    new Promise((resolve) => {
      execFile(process.execPath, [join(projectRoot(), 'dist/scripts/worker-health.js')], { env: { ...process.env, TEMPORAL_TASK_QUEUE: taskQueue, ...env } }, (error, _stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stderr }),
      );
    });

  it('is unhealthy while no worker of this host polls the task queue, healthy once one does', async () => {
    expect(await check()).toEqual({ code: 1, stderr: expect.stringContaining('is polling the task queue') as string });
    worker = await startWorkerProcess({ ...process.env, TEMPORAL_TASK_QUEUE: taskQueue });
    await eventually(async () => ((await check()).code === 0 ? true : undefined));
  }, 60_000);

  it('is unhealthy when Temporal cannot be reached', async () => {
    expect(await check({ TEMPORAL_ADDRESS: '127.0.0.1:1' })).toEqual({ code: 1, stderr: expect.stringContaining('worker health check failed') as string });
  });
});
