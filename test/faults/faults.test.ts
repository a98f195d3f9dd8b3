import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { operatorCheck } from '../../scripts/ops-check.js';
import { complaintBody, eventually } from '../support/app.js';
import { FaultStack, percentiles, startFaultSuite } from './fault-stack.js';

/**
 * The fault suite (npm run test:faults): the production shape — Temporal server, PostgreSQL, the worker
 * and the API as separate processes — hurt the way production gets hurt, each scenario asserting that
 * every rung of every ladder is recorded exactly once, every notification delivered, and every complaint
 * accounted for. Verification breaches 10 s after submission; the ladder climbs 2 s and 4 s after that.
 */
describe('fault suite', () => {
  let suite: Awaited<ReturnType<typeof startFaultSuite>>;
  const report: string[] = [];

  beforeAll(async () => {
    suite = await startFaultSuite();
  }, 120_000);
  afterAll(async () => {
    console.log(`fault suite figures (lateness past the rung's instant, ms):\n${report.join('\n')}`);
    await suite?.stop();
  });

  async function scenario<T>(run: (stack: FaultStack) => Promise<T>): Promise<T> {
    const stack = new FaultStack(suite.temporal, suite.databaseUrl, suite.proxy, suite.sink);
    try {
      return await run(stack);
    } finally {
      await stack.stop();
      // Whatever a scenario broke and did not mend (it failed midway), the next one starts whole.
      await suite.proxy.restore();
      await suite.temporal.ensureRunning();
    }
  }

  /** Submits a complaint through an API; answers its tracking ID, or null when the API did not answer 201. */
  /** Why submissions went unanswered, so a failed count says what happened (status or error). */
  const submitFailures = new Map<string, number>();

  async function submit(base: string, key = randomUUID()): Promise<string | null> {
    try {
      const res = await fetch(`${base}/v1/complaints`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(complaintBody({ title: `Fault suite ${key.slice(0, 8)}` })),
        signal: AbortSignal.timeout(15_000),
      });
      if (res.status === 201) return ((await res.json()) as { trackingId: string }).trackingId;
      submitFailures.set(`HTTP ${res.status}`, (submitFailures.get(`HTTP ${res.status}`) ?? 0) + 1);
      return null;
    } catch (error) {
      const why = error instanceof Error ? error.name : 'error';
      submitFailures.set(why, (submitFailures.get(why) ?? 0) + 1);
      return null;
    }
  }

  /**
   * Submits `count` complaints, `concurrency` at a time, all through `base`, each client repeating its
   * request with its Idempotency-Key up to twice when unanswered — as the README tells clients to — so a
   * slow moment of a loaded machine does not shrink a storm that is about another fault.
   */
  async function submitMany(base: string, count: number, concurrency = 10): Promise<string[]> {
    const ids: string[] = [];
    const patient = async () => {
      const key = randomUUID();
      for (let attempt = 0; attempt < 3; attempt++) {
        const id = await submit(base, key);
        if (id) return id;
      }
      return null;
    };
    for (let i = 0; i < count; i += concurrency) {
      const batch = await Promise.all(Array.from({ length: Math.min(concurrency, count - i) }, patient));
      for (const id of batch) if (id) ids.push(id);
    }
    if (ids.length < count) console.log(`submissions unanswered: ${JSON.stringify(Object.fromEntries(submitFailures))}`);
    return ids;
  }

  /**
   * Waits until every complaint's ladder is complete and every notification delivered; then asserts each
   * rung exactly once, every key delivered (duplicates only for deliveries in flight at a fault, at most a
   * batch), every complaint accounted for, and reports lateness per rung.
   */
  async function settleAndCheck(stack: FaultStack, name: string, trackingIds: string[]): Promise<void> {
    const where = { complaint: { trackingId: { in: trackingIds } } };
    await eventually(async () => ((await suite.prisma.escalation.count({ where })) >= trackingIds.length * 3 ? true : undefined), 240_000);
    await eventually(async () => ((await suite.prisma.notification.count({ where: { ...where, sentAt: null } })) === 0 ? true : undefined), 120_000);
    const escalations = await suite.prisma.escalation.findMany({ where, include: { complaint: { select: { trackingId: true } } } });
    const byComplaint = new Map<string, number[]>();
    for (const e of escalations) byComplaint.set(e.complaint.trackingId, [...(byComplaint.get(e.complaint.trackingId) ?? []), e.level].sort((a, b) => a - b));
    expect(trackingIds.filter((id) => JSON.stringify(byComplaint.get(id)) !== '[1,2,3]')).toEqual([]);

    const notifications = await suite.prisma.notification.findMany({ where, select: { key: true, kind: true } });
    expect(notifications.filter((n) => n.kind === 'REMINDER')).toHaveLength(trackingIds.length);
    const undelivered = notifications.filter((n) => !suite.sink.deliveries.has(n.key));
    expect(undelivered).toEqual([]);
    const duplicates = notifications.filter((n) => (suite.sink.deliveries.get(n.key) ?? 0) > 1).length;
    expect(duplicates).toBeLessThanOrEqual(50);

    const check = await operatorCheck(suite.client, suite.prisma, { taskQueue: stack.taskQueue, slaPolicyFile: 'test/fixtures/sla-policy-faults.json', graceMs: 0 });
    const mine = (list: { trackingId: string | null }[]) => list.filter((f) => f.trackingId === null || trackingIds.includes(f.trackingId));
    expect(mine(check.problems.rowsWithoutWorkflow)).toEqual([]);
    expect(mine(check.problems.workflowsWithoutRow)).toEqual([]);
    expect(mine(check.problems.readModelBehind)).toEqual([]);

    const offset = { 1: 0, 2: 2000, 3: 4000 } as Record<number, number>;
    const lateness = [1, 2, 3].map((level) => {
      const p = percentiles(escalations.filter((e) => e.level === level).map((e) => e.firedAt.getTime() - (e.dueAt.getTime() + offset[level])));
      return `L${level} p50 ${p.p50} / p99 ${p.p99} / max ${p.max}`;
    });
    const timeouts = await workflowTaskTimeouts(trackingIds);
    report.push(
      `${name}: ${trackingIds.length} complaints, ${escalations.length} escalations each once, ${notifications.length} notifications delivered (${duplicates} delivered twice); ` +
        `${lateness.join('; ')}; workflow task timeouts: ${timeouts.scheduleToStart} schedule-to-start, ${timeouts.startToClose} start-to-close in ${timeouts.histories} histories`,
    );
  }

  /** Workflow tasks that timed out in these complaints' histories, by kind (the lateness nobody logged before). */
  async function workflowTaskTimeouts(trackingIds: string[]) {
    const counts = { scheduleToStart: 0, startToClose: 0, histories: 0 };
    for (let i = 0; i < trackingIds.length; i += 10) {
      await Promise.all(
        trackingIds.slice(i, i + 10).map(async (id) => {
          const events = (await suite.client.workflow.getHandle(`complaint-${id}`).fetchHistory()).events ?? [];
          const timedOut = events.filter((e) => e.workflowTaskTimedOutEventAttributes);
          if (timedOut.length) counts.histories += 1;
          for (const e of timedOut) counts[e.workflowTaskTimedOutEventAttributes!.timeoutType === 2 ? 'scheduleToStart' : 'startToClose'] += 1;
        }),
      );
    }
    return counts;
  }

  it('a storm of 200 breaches with no fault: the baseline (and whether workflow tasks time out on their own)', () =>
    scenario(async (stack) => {
      await stack.startWorker();
      const api = await stack.startApi();
      const ids = await submitMany(api.base, 200, 20);
      expect(ids).toHaveLength(200);
      await settleAndCheck(stack, 'no fault, storm of 200', ids);
    }), 420_000);

  it('worker killed -9 during a storm of 200 breaches: every rung once, every notification delivered', () =>
    scenario(async (stack) => {
      await stack.startWorker();
      const api = await stack.startApi();
      const started = Date.now();
      const ids = await submitMany(api.base, 200, 20);
      expect(ids).toHaveLength(200);
      // Just before the first breach (10 s after the first submission): the worker dies mid-storm.
      await sleep(Math.max(0, started + 9000 - Date.now()));
      await stack.workers[0].stop('SIGKILL');
      await sleep(3000);
      await stack.startWorker();
      await settleAndCheck(stack, 'worker kill -9 in a storm of 200', ids);
    }), 420_000);

  it('API killed -9 during intake at 20/s: clients that retry with their key hold a tracking ID the database has; no row without its workflow', () =>
    scenario(async (stack) => {
      await stack.startWorker();
      const api = await stack.startApi();
      const results: { key: string; retrying: boolean; trackingId: string | null }[] = [];
      const client = async (retrying: boolean) => {
        const key = randomUUID();
        let trackingId = await submit(api.base, key);
        const deadline = Date.now() + 60_000;
        while (retrying && !trackingId && Date.now() < deadline) {
          await sleep(500);
          trackingId = await submit(api.base, key);
        }
        results.push({ key, retrying, trackingId });
      };
      const clients: Promise<void>[] = [];
      const killAt = Date.now() + 3000;
      let killed = false;
      for (let i = 0; i < 200; i++) {
        clients.push(client(i % 2 === 0));
        await sleep(50); // 20 submissions a second
        if (!killed && Date.now() >= killAt) {
          killed = true;
          await api.process.stop('SIGKILL');
          void sleep(2000).then(() => stack.startApi(api.port));
        }
      }
      await Promise.all(clients);
      const retrying = results.filter((r) => r.retrying);
      expect(retrying.filter((r) => !r.trackingId)).toEqual([]);
      const held = results.filter((r) => r.trackingId).map((r) => r.trackingId!);
      const rows = await suite.prisma.complaint.findMany({ where: { trackingId: { in: held } }, select: { trackingId: true } });
      expect(rows.map((r) => r.trackingId).sort()).toEqual([...new Set(held)].sort());
      // One complaint per key, however often a client retried it.
      const perKey = await suite.prisma.idempotencyKey.groupBy({ by: ['key'], where: { key: { in: results.map((r) => r.key) } }, _count: true });
      expect(perKey.filter((k) => k._count > 1)).toEqual([]);
      // Rows the dead API committed but never started (non-retrying clients saw an error) get their workflow too.
      const stored = await suite.prisma.idempotencyKey.findMany({ where: { key: { in: results.map((r) => r.key) } }, select: { complaint: { select: { trackingId: true } } } });
      const unanswered = results.filter((r) => !r.trackingId).length;
      await settleAndCheck(stack, `API kill -9 during intake at 20/s (${stored.length} stored, ${unanswered} non-retrying clients got no answer)`, stored.map((r) => r.complaint.trackingId));
    }), 420_000);

  it('Temporal server killed -9 and restarted on its data: intake goes on, every clock fires once', () =>
    scenario(async (stack) => {
      await stack.startWorker();
      const api = await stack.startApi();
      const before = await submitMany(api.base, 30);
      suite.temporal.kill9();
      // Accepted while Temporal is down: the reconciler starts them once it is back.
      const during = await submitMany(api.base, 10, 5);
      expect(during).toHaveLength(10);
      await sleep(3000);
      await suite.temporal.restart();
      await settleAndCheck(stack, 'Temporal kill -9 and restart', [...before, ...during]);
    }), 420_000);

  it('PostgreSQL cut for 20 s while deadlines fall due: 503 meanwhile, every rung once after, recovery within seconds', () =>
    scenario(async (stack) => {
      await stack.startWorker();
      const api = await stack.startApi();
      const submitted = Date.now();
      const ids = await submitMany(api.base, 30);
      await sleep(Math.max(0, submitted + 6000 - Date.now()));
      await suite.proxy.cut();
      const during = await fetch(`${api.base}/v1/public/complaints`);
      expect(during.status).toBe(503);
      expect(during.headers.get('retry-after')).toBe('5');
      await sleep(20_000);
      await suite.proxy.restore();
      const restored = Date.now();
      await settleAndCheck(stack, 'PostgreSQL cut for 20 s', ids);
      const last = await suite.prisma.escalation.aggregate({ where: { complaint: { trackingId: { in: ids } } }, _max: { firedAt: true } });
      const lagMs = last._max.firedAt!.getTime() - restored;
      report.push(`  PostgreSQL cut: the last escalation landed ${lagMs} ms after the database returned`);
      // Retries are capped at 5 s: recovery follows the database within seconds, not a minute.
      expect(lagMs).toBeLessThan(10_000);
    }), 420_000);

  it('two workers and two API replicas, one worker killed -9 mid-storm and not replaced', () =>
    scenario(async (stack) => {
      await stack.startWorker();
      await stack.startWorker();
      const [a, b] = [await stack.startApi(), await stack.startApi()];
      const started = Date.now();
      const ids = [...(await Promise.all([submitMany(a.base, 50), submitMany(b.base, 50)]))].flat();
      expect(ids).toHaveLength(100);
      await sleep(Math.max(0, started + 11_000 - Date.now()));
      await stack.workers[0].stop('SIGKILL');
      await settleAndCheck(stack, 'two workers (one killed) and two APIs', ids);
    }), 420_000);
});
