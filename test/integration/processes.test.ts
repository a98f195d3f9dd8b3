import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { projectRoot } from '../../src/project-root.js';
import request from 'supertest';
import { SHUTDOWN_DEADLINE_MS } from '../../src/common/shutdown-watchdog.js';
import { complaintBody, createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { createOfficers, TEST_PASSWORD } from '../support/officers.js';
import { freePort, startNodeProcess, startWorkerProcess, type NodeProcess } from '../support/stack.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { API_LISTENING } from '../../src/common/api-listening.js';

const PII = ['Siti Rahmawati', '6281234567890', 'siti@example.id', '3273012345678901'];

/** The compiled entry points as operators run them: boot validation, logs, worker switch, SIGTERM. */
describe('API and worker processes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('stops boot with a message naming a bad variable', () => {
    const run = spawnSync(process.execPath, [join(projectRoot(), 'dist', 'src', 'main.js')], {
      env: { ...process.env, NODE_OPTIONS: '', PORT: 'eighty' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/PORT: /);
  });

  describe('API process hosting its worker (RUN_WORKER_IN_API)', () => {
    let api: NodeProcess;
    let base: string;

    beforeAll(async () => {
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      api = await startNodeProcess(
        join('src', 'main.js'),
        {
          ...process.env,
          PORT: String(port),
          LOG_LEVEL: 'debug',
          RUN_WORKER_IN_API: 'true',
          TEMPORAL_TASK_QUEUE: `api-process-${randomUUID()}`,
        },
        API_LISTENING,
      );
    });
    afterAll(() => api.stop());

    it('runs a complaint end to end on its own worker, logs JSON lines without reporter data, and drains on SIGTERM', async () => {
      const agencies = await createAgencies(t.prisma);
      const { VERIFIER } = (await createOfficers(t, [])).national;
      let authorization = '';
      const post = (path: string, body: unknown) =>
        fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) }, body: JSON.stringify(body) });
      // This process has its own signing secret: sign in through it, as officers do (argon2 in the real process).
      const login = await post('/v1/auth/login', { username: VERIFIER.username, password: TEST_PASSWORD });
      expect(login.status).toBe(200);
      authorization = `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`;
      const submitted = await post('/v1/complaints', complaintBody());
      expect(submitted.status).toBe(201);
      const { trackingId } = (await submitted.json()) as { trackingId: string };
      expect((await fetch(`${base}/v1/complaints/${trackingId}`, { headers: { Authorization: authorization } })).status).toBe(200);
      const verified = await post(`/v1/complaints/${trackingId}/verify`, { agencyId: agencies.jakarta.id });
      expect(verified.status).toBe(200);

      expect(await api.stop('SIGTERM')).not.toBe(1);
      const lines = api.output().trim().split('\n');
      const records = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
      expect(records.some((r) => r.req?.url === '/v1/complaints' && r.res?.statusCode === 201)).toBe(true);
      expect(records.some((r) => r.msg === 'worker drained and closed')).toBe(true);
      // Nest's route mapping is start-up detail: there at debug, never at info.
      const routeMappings = records.filter((r) => /^Mapped \{/.test(r.msg));
      expect(routeMappings.length).toBeGreaterThan(10);
      expect(routeMappings.every((r) => r.level === 20)).toBe(true);
      for (const secret of PII) expect(api.output()).not.toContain(secret);
    });
  });

  it('stops a worker within its shutdown bound even while a local activity retries forever (database cut)', async () => {
    const taskQueue = `worker-wedged-${randomUUID()}`;
    const database = new URL(process.env.DATABASE_URL!);
    const proxy = await TcpProxy.start({ host: database.hostname, port: Number(database.port || 5432) });
    const worker = await startWorkerProcess({ ...process.env, TEMPORAL_TASK_QUEUE: taskQueue, DATABASE_URL: proxy.through(process.env.DATABASE_URL!) });
    const api = await createTestApp({ TEMPORAL_TASK_QUEUE: taskQueue });
    try {
      await proxy.cut();
      // Its workflow's first projection now retries against a database the worker cannot reach.
      const { body } = await request(api.http).post('/v1/complaints').send(complaintBody()).expect(201);
      await eventually(async () => ((await api.temporal.workflow.getHandle(`complaint-${body.trackingId}`).fetchHistory()).events!.length >= 3 ? true : undefined));
      const started = Date.now();
      const code = await worker.stop('SIGTERM');
      const tookMs = Date.now() - started;
      console.log(`worker with a local activity retrying against a cut database stopped in ${tookMs} ms (exit ${code})`);
      expect(tookMs).toBeLessThan(SHUTDOWN_DEADLINE_MS + 5000);
    } finally {
      await worker.stop('SIGKILL');
      await proxy.restore();
      await api.close();
      await proxy.stop();
    }
  }, 60_000);

  it('stops npm start (API, worker, Temporal dev server, embedded PostgreSQL) on Ctrl+C within its bound, leaving no process behind', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tenggat-start-'));
    chmodSync(dataDir, 0o755); // the embedded server runs as the postgres user, who must reach its folder
    const [port, temporalPort, uiPort, pgPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const { TEMPORAL_ADDRESS: _ownTemporal, DATABASE_URL: _ownDatabase, DEMO_PASSWORD: _ownPassword, ...env } = process.env;
    // .env fills in what the environment lacks (the demo officers' password) and loses to what it sets (PORT).
    const demoPassword = `from-env-file-${randomUUID()}`;
    const envFile = join(dataDir, '.env');
    writeFileSync(envFile, `# read by npm start\nDEMO_PASSWORD=${demoPassword}\nPORT=1\n`);
    const start = await startNodeProcess(
      join('scripts', 'start.js'),
      { ...env, TENGGAT_ENV_FILE: envFile, TENGGAT_DATA_DIR: dataDir, PORT: String(port), TEMPORAL_PORT: String(temporalPort), TEMPORAL_UI_PORT: String(uiPort), EMBEDDED_PG_PORT: String(pgPort) },
      'Press Ctrl+C to stop.',
    );
    try {
      expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
      expect(start.output()).toContain('Settings from .env DEMO_PASSWORD\n');
      expect(start.output()).toContain('Run `npm test` in another terminal');
      expect(start.output()).toContain(`http://127.0.0.1:${port}/openapi.json`);
      // A quiet start: no line per route mapped, module loaded or workflow bundle built at info.
      const startupInfo = start.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)).filter((r) => r.level >= 30);
      expect(startupInfo.filter((r) => /^Mapped \{|dependencies initialized$|^asset workflow-bundle-|^Workflow bundle created$/.test(r.msg))).toEqual([]);
      // Many sessions at once on the embedded database, as officers make them: each answered as itself.
      const logins = await Promise.all(
        ['verifikator', 'atasan.verifikator', 'admin.kemendagri', 'penghubung.dukcapil', 'auditor', 'sysadmin'].flatMap((username) =>
          Array.from({ length: 5 }, () =>
            fetch(`http://127.0.0.1:${port}/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: demoPassword }) }),
          ),
        ),
      );
      expect(logins.map((r) => r.status)).toEqual(Array(30).fill(200));
      const token = ((await logins[0].json()) as { accessToken: string }).accessToken;
      const reads = await Promise.all(Array.from({ length: 30 }, (_, i) => fetch(`http://127.0.0.1:${port}/v1/${i % 2 ? 'complaints' : 'escalations'}`, { headers: { Authorization: `Bearer ${token}` } })));
      expect(reads.map((r) => r.status)).toEqual(Array(30).fill(200));
      const started = Date.now();
      await start.stop('SIGINT');
      const tookMs = Date.now() - started;
      console.log(`npm start stopped on SIGINT in ${tookMs} ms`);
      expect(tookMs).toBeLessThan(45_000);
      const left = spawnSync('sh', ['-c', `ps -eo args | grep -e '--port ${temporalPort}' -e '-p ${pgPort}' | grep -v grep`], { encoding: 'utf8' }).stdout.trim();
      expect(left).toBe('');
    } finally {
      // After a failed expectation, too, the launcher stops what it started (kill -9 would orphan its servers).
      let giveUp: NodeJS.Timeout | undefined;
      await Promise.race([start.stop('SIGINT'), new Promise((resolve) => (giveUp = setTimeout(resolve, 45_000)))]);
      clearTimeout(giveUp);
      await start.stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('logs readable lines instead of JSON with LOG_FORMAT=pretty', async () => {
    const worker = await startWorkerProcess({ ...process.env, LOG_FORMAT: 'pretty', TEMPORAL_TASK_QUEUE: `worker-pretty-${randomUUID()}` });
    await worker.stop('SIGTERM');
    const lines = worker.output().trim().split('\n');
    expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
    expect(lines.some((line) => /INFO.*worker drained and closed/.test(line))).toBe(true);
  });

  it('drains a standalone worker on SIGTERM', async () => {
    const worker = await startWorkerProcess({ ...process.env, TEMPORAL_TASK_QUEUE: `worker-process-${randomUUID()}` });
    await worker.stop('SIGTERM');
    expect(worker.output()).toContain('worker drained and closed');
  });
});
