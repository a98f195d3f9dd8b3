import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropTemporalDatabases, ensureTemporalServer } from '../../scripts/production-like.js';
import { complaintBody, eventually } from '../support/app.js';
import { dropSchema, freePort, startNodeProcess, testDatabaseUrl, type NodeProcess } from '../support/stack.js';

const DEMO_PASSWORD = 'tenggat-demo';
// The first build of the Temporal server takes minutes (a few on this machine, more on a cold CI runner).
const BUILD_TIMEOUT_MS = 20 * 60_000;

/** Whether a process with this id still exists (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * npm run start:production-like as an operator runs it: the real Temporal server on PostgreSQL (schemas set
 * up by temporal-sql-tool), the worker and the API as processes of their own, one complaint breached,
 * escalated and acknowledged through the API, seen in /metrics, and Ctrl+C leaving nothing behind.
 */
describe('production profile (real Temporal server on PostgreSQL, separate worker and API)', () => {
  const suffix = randomBytes(4).toString('hex');
  const temporalDatabases = [`temporal_profile_${suffix}`, `temporal_visibility_profile_${suffix}`];
  let databaseUrl: string;
  let dataDir: string;
  let profile: NodeProcess;
  let base: string;

  beforeAll(async () => {
    ensureTemporalServer(); // the one build of a run, into .tools/bin (cached afterwards)
    databaseUrl = testDatabaseUrl();
    dataDir = mkdtempSync(join(tmpdir(), 'tenggat-profile-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const { TEMPORAL_ADDRESS: _devServer, ...env } = process.env;
    profile = await startNodeProcess(
      join('scripts', 'production-like.js'),
      {
        ...env,
        DATABASE_URL: databaseUrl,
        TEMPORAL_SQL_DATABASE: temporalDatabases[0],
        TEMPORAL_SQL_VISIBILITY_DATABASE: temporalDatabases[1],
        TEMPORAL_PORT: String(await freePort()),
        TEMPORAL_TASK_QUEUE: `production-profile-${suffix}`,
        TENGGAT_DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: 'info',
        SLA_POLICY_FILE: 'test/fixtures/sla-policy-seconds.json',
      },
      'Press Ctrl+C to stop.',
    );
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await profile?.stop('SIGKILL');
    await dropSchema(databaseUrl).catch(() => undefined);
    await dropTemporalDatabases(process.env.TEST_DATABASE_URL!, temporalDatabases).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const signIn = async (username: string) => {
    const res = await fetch(`${base}/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    expect(res.status).toBe(200);
    return { Authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
  };

  it('breaches, escalates and has the receiver acknowledge one complaint, then stops on Ctrl+C leaving no process behind', async () => {
    const output = profile.output();
    const pids = [/Tenggat API .*\(pid (\d+)\)/, /Tenggat worker +pid (\d+)/, /Temporal server .*\(pid (\d+);/].map((pattern) => Number(pattern.exec(output)?.[1]));
    expect(pids.every((pid) => pid > 0 && alive(pid))).toBe(true);

    const submitted = await fetch(`${base}/v1/complaints`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(complaintBody()) });
    expect(submitted.status).toBe(201);
    const { trackingId } = (await submitted.json()) as { trackingId: string };

    // The PT2S verification deadline passes unverified: level 1 goes to the national supervisor's inbox.
    const supervisor = await signIn('atasan.verifikator');
    const escalation = await eventually(async () => {
      const inbox = (await (await fetch(`${base}/v1/escalations`, { headers: supervisor })).json()) as { items: { id: string; trackingId: string; level: number }[] };
      return inbox.items.find((e) => e.trackingId === trackingId && e.level === 1);
    }, 60_000);
    const acknowledged = await fetch(`${base}/v1/escalations/${escalation.id}/acknowledge`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...supervisor },
      body: JSON.stringify({ comment: 'Diterima; ditindaklanjuti.' }),
    });
    expect(acknowledged.status).toBe(200);

    const all = (await (await fetch(`${base}/v1/escalations?open=false`, { headers: supervisor })).json()) as { items: { id: string; acknowledgedBy: string | null }[] };
    expect(all.items.find((e) => e.id === escalation.id)?.acknowledgedBy).toBe('usr-atasan-verifikator');
    // The auditor's history is read from the real server's event history: the breach and the acknowledgement are in it.
    const auditor = await signIn('auditor');
    const history = (await (await fetch(`${base}/v1/audit/complaints/${trackingId}/history`, { headers: auditor })).json()) as {
      steps: { source: string; kind: string; actorId: string | null }[];
    };
    const workflowSteps = history.steps.filter((s) => s.source === 'workflow');
    expect(workflowSteps.some((s) => s.kind === 'timer-fired')).toBe(true);
    expect(workflowSteps.some((s) => s.kind === 'update' && s.actorId === 'usr-atasan-verifikator')).toBe(true);
    // Prometheus's view of the same: the rung fired and acknowledged, and how long the acknowledgement took.
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const sample = (series: string) => Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN);
    expect(sample('tenggat_escalations_fired_total{level="1"}')).toBeGreaterThanOrEqual(1);
    expect(sample('tenggat_escalations_acknowledged_total{level="1"}')).toBe(1);
    expect(sample('tenggat_escalation_breach_to_acknowledgement_seconds_count{level="1"}')).toBe(1);
    expect(metrics).not.toContain(trackingId);

    const started = Date.now();
    expect(await profile.stop('SIGINT')).toBe(0);
    console.log(`production profile stopped on SIGINT in ${Date.now() - started} ms`);
    expect(pids.filter(alive)).toEqual([]);
  });
});
