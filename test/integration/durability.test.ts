import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { retimeRunningDeadlines } from '../../src/temporal/retime-deadlines.js';
import { projectRoot } from '../../src/project-root.js';
import { complaintWorkflowId } from '../../workflows/messages.js';
import { createTestApp, eventually, type TestApp } from '../support/app.js';
import { ComplaintDriver, driverFor } from '../support/lifecycle.js';
import { startWorkerProcess, type NodeProcess } from '../support/stack.js';

/** These tests own a task queue and its worker processes, so they can kill and restart them. */
describe('durability: worker killed with live timers, calendar amended under running deadlines', () => {
  const taskQueue = `durability-${randomUUID()}`;
  const calendarDir = mkdtempSync(join(tmpdir(), 'tenggat-calendars-'));
  cpSync(join(projectRoot(), 'config', 'calendars'), calendarDir, { recursive: true });
  const startWorker = () => startWorkerProcess({ ...process.env, TEMPORAL_TASK_QUEUE: taskQueue, CALENDAR_DIR: calendarDir });
  let worker: NodeProcess;
  /** A failure here is about the worker: say what it logged about workflow tasks and activities. */
  const withWorkerLog = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      const log = worker.output().split('\n').filter((line) => /"level":(40|50|60)|WARN|ERROR|failed/i.test(line));
      (error as Error).message += `\nworker warnings and errors (last 40):\n${log.slice(-40).join('\n')}`;
      throw error;
    }
  };

  beforeAll(async () => {
    worker = await startWorker();
  });
  afterAll(() => worker.stop());

  describe('SIGKILL', () => {
    let t: TestApp;
    let c: ComplaintDriver;
    beforeAll(async () => {
      t = await createTestApp({ TEMPORAL_TASK_QUEUE: taskQueue, SLA_POLICY_FILE: 'test/fixtures/sla-policy-seconds.json' });
      c = await driverFor(t);
    });
    afterAll(() => t.close());

    it('fires every deadline exactly once after the worker is SIGKILLed and replaced', () => withWorkerLog(async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await c.submit());
      await Promise.all(ids.map((id) => c.until(id, (s) => s.deadlines.length === 1)));
      await worker.stop('SIGKILL');
      await new Promise((r) => setTimeout(r, 3000)); // every verification deadline passes with no worker
      worker = await startWorker();
      const rows = await eventually(async () => {
        const all = await Promise.all(ids.map((id) => c.escalations(id)));
        return all.every((r) => r.length === 3) ? all : undefined;
      }, 40_000);
      await new Promise((r) => setTimeout(r, 2000));
      const settled = await Promise.all(ids.map((id) => c.escalations(id)));
      expect(settled.map((r) => r.map((e) => e.level))).toEqual(ids.map(() => [1, 2, 3]));
      const lateness = rows.flat().map((e) => e.firedAt.getTime() - e.dueAt.getTime());
      console.log(`SIGKILL test: 5 complaints, ${rows.flat().length} escalations, each once; level-1 lateness after restart max ${Math.max(...rows.map((r) => r[0].firedAt.getTime() - r[0].dueAt.getTime()))} ms; all levels max ${Math.max(...lateness)} ms past due`);
       }));
  });

  describe('calendar amendment', () => {
    let t: TestApp;
    let c: ComplaintDriver;
    beforeAll(async () => {
      t = await createTestApp({ TEMPORAL_TASK_QUEUE: taskQueue });
      c = await driverFor(t);
    });
    afterAll(() => t.close());

    it('re-times a running deadline when a decree adds a day off, and explains why', () => withWorkerLog(async () => {
      const id = await c.submit();
      const [before] = (await c.until(id, (s) => s.deadlines.length === 1)).deadlines;
      // The decree amendment: the first working day the clock counts becomes joint leave.
      const startDay = before.explanation.startAt.slice(0, 10);
      const skipped = new Set(before.explanation.skipped.map((d) => d.date));
      const counted = [...Array(10).keys()]
        .map((i) => new Date(Date.parse(`${startDay}T00:00:00Z`) + (i + 1) * 86_400_000).toISOString().slice(0, 10))
        .find((d) => !skipped.has(d))!;
      const file = join(calendarDir, `${counted.slice(0, 4)}.json`);
      const year = JSON.parse(readFileSync(file, 'utf8'));
      year.decrees.push('SKB perubahan (test): cuti bersama tambahan');
      year.days.push({ date: counted, kind: 'JOINT_LEAVE', name: 'Cuti bersama tambahan' });
      writeFileSync(file, JSON.stringify(year));
      await worker.stop('SIGTERM');
      worker = await startWorker();

      const { retimed, failed } = await retimeRunningDeadlines(t.temporal, 'SKB amendment adds joint leave', 'calendar-admin', `WorkflowId = "${complaintWorkflowId(id)}"`);
      expect(failed).toEqual([]);
      expect(retimed).toBe(1);
      const [after] = (await c.status(id)).deadlines;
      expect(Date.parse(after.dueAt)).toBeGreaterThan(Date.parse(before.dueAt));
      expect(after.explanation.skipped).toContainEqual(expect.objectContaining({ date: counted, reason: expect.stringMatching(/Cuti bersama tambahan/) }));
      expect(after.explanation.notes.join(' ')).toMatch(/re-timed at .*: SKB amendment adds joint leave/);
      const event = (await c.row(id)).events.at(-1)!;
      expect(event).toMatchObject({ type: 'DEADLINES_RETIMED', actorId: 'calendar-admin', actorRole: 'SYSADMIN' });
      c.recordHistory(id, 'deadline-retimed-after-calendar-amendment');
       }));
  });
});
