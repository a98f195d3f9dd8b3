// npm run bench [-- --smoke] [-- --capacity N] [-- --storm N] [-- --prometheus] [-- --profile] [-- --server dev|production|both] [-- --only storm,capacity]
// Measures Tenggat against raw Temporal in one run, on loopback only, and stops what it started:
// its own Temporal server — the dev server (unless TEMPORAL_ADDRESS), or the real server on PostgreSQL as
// the production profile runs it, or each in turn —, a fresh PostgreSQL schema (TEST_DATABASE_URL),
// the compiled worker and API processes. Prints one table (a column per server); writes bench/results/<timestamp>.json.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import proto from '@temporalio/proto';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dropTemporalDatabases, startTemporalOnPostgres, TEMPORAL_SERVER_VERSION } from '../scripts/production-like.js';
import { DEFAULT_DEMO_PASSWORD, seedAgencies } from '../scripts/seed.js';
import { findTemporalCli } from '../scripts/temporal-dev-server.js';
import { parseDatabaseUrl } from '../src/database/database-url.js';
import { migrate } from '../src/database/migrator.js';
import { loadSlaPolicy } from '../src/policy/sla-policy.js';
import { projectRoot } from '../src/project-root.js';
import { databaseServerForTests, dropSchema, freePort, startNodeProcess, startWorkerProcess, temporalForTests, type TemporalForTests, testDatabaseUrl } from '../test/support/stack.js';
import { type ReceivedPost, WebhookReceiver } from '../test/support/webhook-receiver.js';
import { complaintWorkflow } from '../workflows/complaint.workflow.js';
import { complaintWorkflowId, type ComplaintWorkflowInput, type SlaPolicyVersion } from '../workflows/messages.js';
import { echoUpdate, echoWorkflow, emptyWorkflow, stopUpdate, timerWorkflow } from './baseline.workflows.js';
import { formatFigures, type PrometheusFigures, startPrometheus } from './prometheus.js';
import { openLoad, percentiles, pool, rssMb, round, type Percentiles } from './stats.js';
import { countWork, type WorkDone } from './work.js';
import { payloadKeysFrom, tenggatDataConverter } from '../src/temporal/payload-codec.js';
import { newTrackingId } from '../src/complaints/tracking-id.js';
import { ReferenceAreas } from '../src/areas/reference-areas.js';
import { slaReportQueries } from '../src/reports/sla-report.repository.js';
import { API_LISTENING } from '../src/common/api-listening.js';

const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
const withPrometheus = argv.includes('--prometheus');
/** --profile: the worker and the API write V8 CPU profiles (open them in Chrome DevTools) under bench/results/profiles/. */
const profileDir = argv.includes('--profile') ? join(projectRoot(), 'bench', 'results', 'profiles', new Date().toISOString().replace(/[:.]/g, '-')) : undefined;
const childNodeOptions = profileDir ? { CHILD_NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {};
const numberFlag = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const SERVERS = { dev: 'Temporal dev server (SQLite)', production: `Temporal server ${TEMPORAL_SERVER_VERSION} on PostgreSQL` } as const;
type ServerKind = keyof typeof SERVERS;
const serverFlag = argv.includes('--server') ? argv[argv.indexOf('--server') + 1] : 'dev';
const servers: ServerKind[] = serverFlag === 'both' ? ['dev', 'production'] : serverFlag === 'dev' || serverFlag === 'production' ? [serverFlag] : [];
const size = {
  rawStartSeconds: smoke ? 2 : 30,
  updateRoundTrips: smoke ? 20 : 300,
  intakeRates: smoke ? [5] : [10, 20, 40, 80, 120, 160, 240, 320],
  intakeStepSeconds: smoke ? 2 : 10,
  officerActions: smoke ? 5 : 200,
  readSeconds: smoke ? 1 : 10,
  storm: numberFlag('--storm', smoke ? 20 : 1000),
  capacity: numberFlag('--capacity', smoke ? 30 : 10_000),
  accessCodeGuesses: smoke ? 5 : 50,
};
/** The scenarios after the raw baselines, in the order they run; `--only storm,capacity` runs just those. */
const SCENARIOS = ['intake', 'officer', 'storm', 'capacity', 'reads', 'agencies', 'accessCodes'] as const;
type ScenarioName = (typeof SCENARIOS)[number];
const onlyFlag = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : [...SCENARIOS];
const unknownScenarios = onlyFlag.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
/** Runs a scenario unless --only leaves it out (then its figures are absent from the report). */
const scenario = <T>(name: ScenarioName, run: () => Promise<T>): Promise<T | undefined> => (onlyFlag.includes(name) ? run() : Promise.resolve(undefined));
const P95_TARGET_MS = 300;
const root = projectRoot();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * The common due instant of a storm of `n`: far enough ahead that every clock is armed before it, also on a
 * machine busy enough that starts run well below the raw start rate measured first (a third of it is allowed).
 */
const stormDueAt = (n: number, rawStartsPerSecond: number) => Date.now() + Math.max(10_000, n * 25, (3000 * n) / rawStartsPerSecond);

/** Stands in for the agencies' system behind NOTIFY_WEBHOOK_URL: answers 200 and notes when each notification arrived. */
class ArrivalReceiver extends WebhookReceiver {
  readonly arrivedAt = new Map<string, number>();

  protected answer(post: ReceivedPost): number {
    const key = post.headers['idempotency-key'];
    if (typeof key === 'string' && !this.arrivedAt.has(key)) this.arrivedAt.set(key, Date.now());
    return 200;
  }
}

const complaintBody = {
  title: 'Antrean layanan KTP-el lebih dari 6 jam',
  chronology: 'Datang pukul 07.00, dilayani pukul 13.30; nomor antrean tidak berjalan.',
  occurredAt: '2026-10-05T07:00:00+07:00',
  location: { regency: 'Kota Bandung' },
  classification: 'COMPLAINT',
  channel: 'WEB',
  anonymous: false,
  confidential: false,
};

async function main(): Promise<void> {
  const started = Date.now();
  if (servers.length === 0) throw new Error(`--server ${serverFlag}: expected dev, production or both`);
  if (unknownScenarios.length > 0) throw new Error(`--only ${unknownScenarios.join(',')}: expected some of ${SCENARIOS.join(',')}`);
  if (process.env.TEMPORAL_ADDRESS && servers.includes('production')) {
    throw new Error(`--server ${serverFlag} starts its own Temporal servers; TEMPORAL_ADDRESS names another one: unset it, or run --server dev`);
  }
  const database = await databaseServerForTests();
  process.env.TEST_DATABASE_URL = database.url;
  const figures: Partial<Record<ServerKind, Figures>> = {};
  const failed: Partial<Record<ServerKind, string>> = {};
  try {
    // One server after the other, each with its own worker, API and schema: they never share the machine.
    for (const kind of servers) {
      try {
        figures[kind] = await benchOn(kind, database.url);
      } catch (error) {
        if (servers.length === 1) throw error;
        // With --server both, a failure on one server keeps the other's figures: reported, and the run exits 1.
        failed[kind] = failure(error);
        console.error(`bench on ${SERVERS[kind]} failed: ${failed[kind]}`);
      }
    }
  } finally {
    await database.stop().catch((e: Error) => console.error(`cleanup: ${e.message}`));
  }
  const common = {
    at: new Date().toISOString(),
    mode: smoke ? 'smoke' : 'full',
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30), platform: process.platform },
    versions: versions(),
    durationSeconds: round((Date.now() - started) / 1000),
  };
  // One server: its figures at the top level, as before --server existed; both: each under servers.<kind>.
  const report = servers.length === 1 ? { ...common, ...figures[servers[0]]! } : { ...common, servers: figures, ...(Object.keys(failed).length > 0 && { failed }) };
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const file = join(root, 'bench', 'results', `${report.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const measured = servers.filter((kind) => figures[kind]);
  if (measured.length > 0) printTables(measured.map((kind) => figures[kind]!));
  for (const kind of measured) {
    const read = figures[kind]!.prometheus;
    if (read) console.log([`\nas Prometheus read them (scraped every second; ${SERVERS[kind]}):`, ...formatFigures(read)].join('\n'));
  }
  console.log(`\nresults written to ${file}`);
  if (Object.keys(failed).length > 0) process.exitCode = 1;
}

/** The error's stack, and its cause's (fetch's "fetch failed" names what failed only there). */
function failure(error: unknown): string {
  const { stack, message, cause } = error as Error;
  return `${stack ?? message ?? String(error)}${cause ? `\ncaused by: ${failure(cause)}` : ''}`;
}

/** Starts the Temporal server of that kind: the CLI's dev server, or the real server on PostgreSQL. */
function temporalServer(kind: ServerKind, databaseServerUrl: string): Promise<TemporalForTests & { databases?: string[] }> {
  return kind === 'dev' ? temporalForTests() : temporalOnPostgres(databaseServerUrl);
}

/**
 * The real Temporal server as the production profile starts it (scripts/production-like.ts, ops/temporal/), on
 * the bench's PostgreSQL server, with a fresh pair of databases of this run: nothing a previous run left (its
 * thousands of open workflows and their timers) weighs on the figures, and stop() drops them again.
 */
async function temporalOnPostgres(databaseServerUrl: string): Promise<TemporalForTests & { databases: string[] }> {
  const started = Date.now();
  const suffix = `${Date.now()}_${randomBytes(3).toString('hex')}`;
  const databases = [`temporal_bench_${suffix}`, `temporal_bench_${suffix}_visibility`];
  const dir = mkdtempSync(join(tmpdir(), 'tenggat-bench-temporal-'));
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TEMPORAL_')));
  Object.assign(env, { DATABASE_URL: databaseServerUrl, TEMPORAL_SQL_DATABASE: databases[0], TEMPORAL_SQL_VISIBILITY_DATABASE: databases[1] });
  let server;
  try {
    server = await startTemporalOnPostgres(env, join(dir, 'temporal-server.log'));
  } catch (error) {
    await dropTemporalDatabases(databaseServerUrl, databases).catch(() => undefined);
    throw error; // its message names the server's log, kept in `dir`
  }
  console.log(`${SERVERS.production} ready at ${env.TEMPORAL_ADDRESS} in ${Date.now() - started} ms`);
  return {
    address: env.TEMPORAL_ADDRESS!,
    pid: server.child.pid,
    databases,
    async stop() {
      await server.stop();
      await dropTemporalDatabases(databaseServerUrl, databases);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Figures = Awaited<ReturnType<typeof benchOn>>;

/** Every scenario against one Temporal server, started for it and stopped after; a schema of its own. */
async function benchOn(kind: ServerKind, databaseServerUrl: string) {
  const started = Date.now();
  const temporal = await temporalServer(kind, databaseServerUrl);
  const databaseUrl = testDatabaseUrl();
  const taskQueue = `bench-${randomBytes(4).toString('hex')}`;
  const cleanups: Array<() => Promise<unknown>> = [() => temporal.stop(), () => dropSchema(databaseUrl)];
  try {
    await migrate(databaseUrl);
    await seedAgencies(databaseUrl);
    const payloadKeys = `bench:${randomBytes(32).toString('base64')}`;
    const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: taskQueue, TEMPORAL_PAYLOAD_KEYS: payloadKeys, ...childNodeOptions };
    const workerMetricsAddress = `127.0.0.1:${await freePort()}`;
    // Officer notices go to a receiver of the bench (the worker's outbox dispatcher POSTs them), so the storm
    // can time each escalation from its record to its arrival.
    const receiver = new ArrivalReceiver('/officer-notices');
    await receiver.start();
    cleanups.unshift(() => receiver.stop());
    const notify = { NOTIFY_WEBHOOK_URL: receiver.url, NOTIFY_WEBHOOK_SECRET: randomBytes(32).toString('hex') };
    const worker = await startWorkerProcess({ ...env, ...notify, WORKER_METRICS_ADDRESS: workerMetricsAddress });
    cleanups.unshift(async () => {
      await worker.stop();
      // With --profile, also what the worker logged (the last megabyte): log volume is CPU too.
      if (profileDir) writeFileSync(join(profileDir, `worker-${kind}.log`), worker.output());
    });
    const port = await freePort();
    const api = await startNodeProcess(
      join('src', 'main.js'),
      // The load comes from one address without an account: the anonymous limit is lifted for it.
      { ...env, PORT: String(port), NODE_ENV: 'production', WORKFLOW_BUNDLE_PATH: join(root, 'dist', 'workflow-bundle.js'), MIGRATE_ON_BOOT: 'false', LOG_LEVEL: 'info', AUTH_SECRET: randomBytes(32).toString('hex'), ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000000' },
      API_LISTENING,
    );
    cleanups.unshift(() => api.stop());
    const base = `http://127.0.0.1:${port}`;
    const prometheus = withPrometheus ? await startPrometheus({ api: `127.0.0.1:${port}`, worker: workerMetricsAddress }) : undefined;
    if (prometheus) cleanups.unshift(() => prometheus.stop());
    const verifier = await signIn(base, 'verifikator');
    const connection = await Connection.connect({ address: temporal.address });
    cleanups.unshift(() => connection.close());
    const client = new Client({ connection, dataConverter: tenggatDataConverter(payloadKeysFrom(payloadKeys)) });
    const db = new pg.Client({ connectionString: parseDatabaseUrl(databaseUrl).connectionString });
    await db.connect();
    await db.query(`SET search_path TO ${db.escapeIdentifier(parseDatabaseUrl(databaseUrl).schema)}`);
    cleanups.unshift(() => db.end());

    // The raw baselines measure bare Temporal: their own worker and a client without Tenggat's codec.
    const work = () => countWork(db, { worker: worker.child.pid, api: api.child.pid, temporal: temporal.pid }, workerMetricsAddress);
    const raw = await rawBaselines(temporal.address, new Client({ connection }), work);
    const intake = await scenario('intake', () => intakeSteps(base, raw.startsPerSecond, work));
    const officer = await scenario('officer', () => officerActions(base, verifier, db, raw.updateRoundTrip));
    const storm = await scenario('storm', () => deadlineStorm(client, db, taskQueue, raw, receiver, work));
    const capacity = await scenario('capacity', () => openComplaints(client, db, taskQueue, worker.child.pid, temporal, work));
    const reads = await scenario('reads', () => readLoad(base, verifier, db));
    const agencyScale = await scenario('agencies', () => agencyScaleReads(base, verifier, db));
    const accessCodes = await scenario('accessCodes', () => accessCodeTiming(base));
    const prometheusFigures: PrometheusFigures | undefined = await prometheus?.read();

    return {
      server: {
        kind,
        temporal: kind === 'dev' && process.env.TEMPORAL_ADDRESS ? `external server at ${temporal.address}` : SERVERS[kind],
        ...(temporal.databases && { databases: temporal.databases }),
      },
      durationSeconds: round((Date.now() - started) / 1000),
      raw: { startsPerSecond: round(raw.startsPerSecond), updateRoundTripMs: raw.updateRoundTrip, timerStorm: raw.timerStorm },
      intake,
      officerAction: officer && { verifyMs: officer.latency, ratioP50: officer.ratioP50, ratioP99: officer.ratioP99 },
      projectionLagMs: officer?.projectionLag,
      reads,
      agencyScale,
      accessCodes,
      storm: storm?.storm,
      notificationDelivery: storm?.notificationDelivery,
      capacity,
      ...(prometheusFigures && { prometheus: prometheusFigures }),
    };
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((e: Error) => console.error(`cleanup: ${e.message}`));
  }
}

/** Signs in a demo officer (seeded with the agencies); answers the Authorization header value. */
async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEFAULT_DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}`);
  return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
}

/**
 * Raw Temporal: the start rate of an empty workflow (closed loop, 50 in flight), a trivial Update's round trip
 * and a timer storm.
 */
async function rawBaselines(address: string, client: Client, work: () => Promise<(complaints: number) => Promise<WorkDone>>) {
  const taskQueue = `bench-raw-${randomBytes(4).toString('hex')}`;
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: join(root, 'bench', 'baseline.workflows.ts'),
  });
  const running = worker.run();
  try {
    let startsDone = 0;
    const until = Date.now() + size.rawStartSeconds * 1000;
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (Date.now() < until) {
          await client.workflow.start(emptyWorkflow, { taskQueue, workflowId: `raw-${randomUUID()}` });
          startsDone += 1;
        }
      }),
    );
    const startsPerSecond = startsDone / ((Date.now() - t0) / 1000);

    const echo = await client.workflow.start(echoWorkflow, { taskQueue, workflowId: `raw-echo-${randomUUID()}` });
    await echo.executeUpdate(echoUpdate, { args: [0] });
    const samples: number[] = [];
    for (let i = 0; i < size.updateRoundTrips; i++) {
      const t = performance.now();
      await echo.executeUpdate(echoUpdate, { args: [i] });
      samples.push(performance.now() - t);
    }
    await echo.executeUpdate(stopUpdate);
    return { startsPerSecond, updateRoundTrip: roundAll(percentiles(samples)), timerStorm: await rawTimerStorm(client, taskQueue, startsPerSecond, work) };
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
  }
}

/**
 * The raw timer storm: --storm trivial workflows whose timers fall due at the same millisecond, started as the
 * deadline storm starts its complaints (50 at a time, the same lead). Lateness is measured as Tenggat's storm
 * measures it: Tenggat's `fired_at` is the workflow time of the task that handles the timer (Date.now() in the
 * workflow after `condition` times out), and timerWorkflow answers that same workflow time after its `sleep`;
 * both minus the due instant. What is left between the two is what Tenggat adds to the server's own cost.
 */
async function rawTimerStorm(client: Client, taskQueue: string, rawStartsPerSecond: number, work: () => Promise<(timers: number) => Promise<WorkDone>>) {
  const dueAt = stormDueAt(size.storm, rawStartsPerSecond);
  const workflowIds = Array.from({ length: size.storm }, () => `raw-timer-${randomUUID()}`);
  await pool(workflowIds, 50, async (workflowId) => {
    await client.workflow.start(timerWorkflow, { taskQueue, workflowId, args: [dueAt] });
  });
  if (Date.now() > dueAt) throw new Error(`raw timer storm: starting ${size.storm} workflows took past their common due instant`);
  // Its worker is the bench's own: what it costs shows as the bench's CPU, beside the server's and PostgreSQL's.
  const workDone = await work();
  const lateness: number[] = [];
  // A timer that has not fired a minute after its due instant counts as missed.
  await pool(workflowIds, 50, async (workflowId) => {
    const wokeAt = await client.connection.withDeadline(dueAt + 60_000, () => client.workflow.getHandle(workflowId).result()).catch(() => undefined);
    if (typeof wokeAt === 'number') lateness.push(wokeAt - dueAt);
  });
  return { workflows: size.storm, latenessMs: roundAll(percentiles(lateness)), missed: size.storm - lateness.length, work: await workDone(size.storm) };
}

/** POST /v1/complaints at fixed arrival rates (open model), stepping up until p95 passes 300 ms. */
async function intakeSteps(base: string, rawStartsPerSecond: number, work: () => Promise<(complaints: number) => Promise<WorkDone>>) {
  const steps: { rate: number; achieved: number; latencyMs: Percentiles; errors: number; work: WorkDone }[] = [];
  const body = JSON.stringify(complaintBody);
  for (const rate of size.intakeRates) {
    const workDone = await work();
    const load = await openLoad(rate, size.intakeStepSeconds, () =>
      fetch(`${base}/v1/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
    );
    // What each submission cost every process (the API's request and the workflow's first task and activities).
    const step = { rate, achieved: round(load.achievedPerSecond), latencyMs: roundAll(percentiles(load.latenciesMs)), errors: load.errors, work: await workDone(Math.max(1, load.latenciesMs.length)) };
    steps.push(step);
    if (!sustained(step)) break;
  }
  const best = steps.filter(sustained).at(-1);
  return {
    workPerComplaint: best?.work ?? steps[0].work,
    steps,
    highestSustainedRate: best?.rate ?? 0,
    p95AtThatRateMs: best?.latencyMs.p95 ?? null,
    ratioToRawStartRate: round((best?.rate ?? 0) / rawStartsPerSecond, 2),
  };
}

/** A rate is sustained when every request succeeded, p95 stayed within target and answers kept pace. */
function sustained(step: { rate: number; achieved: number; latencyMs: Percentiles; errors: number }): boolean {
  return step.errors === 0 && step.latencyMs.p95 <= P95_TARGET_MS && step.achieved >= step.rate * 0.9;
}

/** `verify` through the API, one after another, against the raw Update round trip; and the projection lag after each. */
async function officerActions(base: string, verifier: string, db: pg.Client, rawUpdate: Percentiles) {
  const trackingIds: string[] = [];
  await pool(Array.from({ length: size.officerActions }), 10, async () => {
    const res = await fetch(`${base}/v1/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(complaintBody) });
    trackingIds.push(((await res.json()) as { trackingId: string }).trackingId);
  });
  await sleep(1000); // let every workflow arm its verification clock
  const latency: number[] = [];
  const lag: number[] = [];
  for (const id of trackingIds) {
    const t = performance.now();
    const res = await fetch(`${base}/v1/complaints/${id}/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: verifier },
      body: JSON.stringify({ agencyId: 'kemendagri' }),
    });
    const done = performance.now();
    if (res.status !== 200) throw new Error(`verify answered ${res.status}: ${await res.text()}`);
    latency.push(done - t);
    for (;;) {
      const { rows } = await db.query(`SELECT status FROM complaints WHERE tracking_id = $1`, [id]);
      if (rows[0]?.status === 'DISPOSED') break;
      await sleep(2);
    }
    lag.push(performance.now() - done);
  }
  const verify = roundAll(percentiles(latency));
  return {
    latency: verify,
    ratioP50: round(verify.p50 / rawUpdate.p50, 2),
    ratioP99: round(verify.p99 / rawUpdate.p99, 2),
    projectionLag: roundAll(percentiles(lag)),
  };
}

/** The work queue and the public list at 50 requests/s each (open model), over every complaint created so far. */
async function readLoad(base: string, verifier: string, db: pg.Client) {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM complaints`);
  const endpoints = ['/v1/complaints?status=SUBMITTED&limit=50', '/v1/public/complaints?limit=50'];
  const results = [];
  for (const path of endpoints) {
    const load = await openLoad(50, size.readSeconds, () => fetch(`${base}${path}`, { headers: { authorization: verifier } }));
    results.push({ endpoint: `GET ${path}`, latencyMs: roundAll(percentiles(load.latenciesMs)), errors: load.errors });
  }
  return { complaints: rows[0].n, rate: 50, endpoints: results };
}

/**
 * Pickers, work queue and reports with the whole country loaded: the ~615 reference agencies (loaded by the
 * migrations) each get three units, and the complaints so far a place spread over the 514 regencies (one
 * in ten left without, the report's 'unknown' group). Then the agency picker's list, the work queue and the
 * SLA report by province at 20 requests/s each, and the plan PostgreSQL chooses for that report's counts.
 */
async function agencyScaleReads(base: string, verifier: string, db: pg.Client) {
  await db.query(`INSERT INTO units (id, agency_id, name) SELECT a.id || '-unit-' || n, a.id, 'Unit ' || n FROM agencies a, generate_series(1, 3) n ON CONFLICT DO NOTHING`);
  const regencies = new ReferenceAreas().allRegencies().map((r) => r.areaCode);
  await db.query(`UPDATE complaints SET area_code = ($1::text[])[1 + abs(hashtext(id::text)) % cardinality($1::text[])] WHERE area_code IS NULL AND abs(hashtext(id::text)) % 10 <> 0`, [regencies]);
  await db.query('ANALYZE complaints');
  const count = async (table: string) => (await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
  const auditor = await signIn(base, 'auditor');
  const from = new Date(Date.now() - 30 * 86_400_000);
  const to = new Date(Date.now() + 60_000);
  const endpoints: [string, string][] = [
    ['/v1/reference/agencies', verifier],
    ['/v1/complaints?limit=50', verifier],
    [`/v1/reports/sla?groupBy=province&from=${from.toISOString()}&to=${to.toISOString()}`, auditor],
  ];
  const results = [];
  for (const [path, authorization] of endpoints) {
    const load = await openLoad(20, size.readSeconds, () => fetch(`${base}${path}`, { headers: { authorization } }));
    results.push({ endpoint: `GET ${path.split('&')[0]}`, latencyMs: roundAll(percentiles(load.latenciesMs)), errors: load.errors });
  }
  const { counts } = slaReportQueries({ from, to }, { kind: 'all' }, 'province');
  const explained = await db.query({ text: `EXPLAIN (ANALYZE, FORMAT JSON) ${counts.text}`, values: counts.values });
  type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Relation Name'?: string; Plans?: PlanNode[] };
  const nodes: PlanNode[] = [];
  const walk = (node: PlanNode) => (nodes.push(node), node.Plans?.forEach(walk));
  const [{ Plan, 'Execution Time': executionMs }] = explained.rows[0]['QUERY PLAN'] as [{ Plan: PlanNode; 'Execution Time': number }];
  walk(Plan);
  const scans = nodes.filter((n) => n['Relation Name']).map((n) => `${n['Node Type']} on ${n['Relation Name']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`);
  return {
    agencies: await count('agencies'),
    units: await count('units'),
    complaints: await count('complaints'),
    rate: 20,
    endpoints: results,
    provinceReportPlan: { executionMs: round(executionMs), scans: [...new Set(scans)] },
  };
}

/**
 * A wrong access code for a complaint that exists against any code for a tracking ID that does not: the
 * answers must take the same time, or timing tells which tracking IDs exist. One guess per complaint
 * (the per-complaint wait starts after five), interleaved, one at a time.
 */
async function accessCodeTiming(base: string) {
  const existing: string[] = [];
  for (let i = 0; i < size.accessCodeGuesses; i++) {
    const res = await fetch(`${base}/v1/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(complaintBody) });
    existing.push(((await res.json()) as { trackingId: string }).trackingId);
  }
  const guess = async (trackingId: string) => {
    const started = performance.now();
    const res = await fetch(`${base}/v1/track/${trackingId}`, { headers: { 'x-access-code': 'AAAA-AAAA-AAAA' } });
    await res.arrayBuffer();
    if (res.status !== 404) throw new Error(`a wrong access code answered ${res.status}`);
    return performance.now() - started;
  };
  const wrongCode: number[] = [];
  const unknownId: number[] = [];
  for (const trackingId of existing) {
    wrongCode.push(await guess(trackingId));
    unknownId.push(await guess(newTrackingId()));
  }
  const [known, unknown] = [roundAll(percentiles(wrongCode)), roundAll(percentiles(unknownId))];
  return { guesses: existing.length, wrongCodeMs: known, unknownTrackingIdMs: unknown, ratioP50: round(known.p50 / unknown.p50, 2) };
}

/** Inserts complaint rows and starts their workflows directly, each with its own frozen policy. */
async function createComplaints(client: Client, db: pg.Client, taskQueue: string, count: number, policyFor: (submittedAt: number) => SlaPolicyVersion) {
  const ids: { complaintId: string; trackingId: string }[] = [];
  // Random like the API's (40 bits): a counter-based ID repeated itself past 10,000 complaints.
  for (let n = 0; n < count; n++) ids.push({ complaintId: randomUUID(), trackingId: newTrackingId() });
  // Marked started: the bench starts each workflow itself just below, so the worker's reconciler must not try to.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const values = chunk.map((_, j) => `($${j * 2 + 1}::uuid, $${j * 2 + 2}, 'complaint-' || $${j * 2 + 2}, 'bench', 'bench', now(), 'Kota Bandung', 'COMPLAINT', 'WEB', false, false, 'bench', now(), now(), now())`);
    await db.query(
      `INSERT INTO complaints (id, tracking_id, workflow_id, title, chronology, occurred_at, regency, classification, channel, anonymous, confidential, policy_version, submitted_at, updated_at, workflow_started_at) VALUES ${values.join(',')}`,
      chunk.flatMap((c) => [c.complaintId, c.trackingId]),
    );
  }
  await pool(ids, 50, async ({ complaintId, trackingId }) => {
    const submittedAt = Date.now();
    const input: ComplaintWorkflowInput = {
      complaintId,
      trackingId,
      submittedAt: new Date(submittedAt).toISOString(),
      agencyId: null,
      classification: 'COMPLAINT',
      channel: 'WEB',
      policy: policyFor(submittedAt),
    };
    await client.workflow.start(complaintWorkflow, { taskQueue, workflowId: complaintWorkflowId(trackingId), args: [input] });
  });
  return ids;
}

function benchPolicy(verification: string): SlaPolicyVersion {
  const policy = loadSlaPolicy(join(root, 'config', 'sla-policy.json')).inForceAt(new Date());
  const later = { duration: 'PT1H', source: 'bench' };
  return {
    ...policy,
    version: 'bench',
    deadlines: { ...policy.deadlines, verification: { duration: verification, source: 'bench' } },
    reminderBefore: { duration: 'PT5S', source: 'bench' },
    escalation: policy.escalation.map((step) => ({ ...step, afterBreach: step.afterBreach ? later : null })),
  };
}

/**
 * N complaints whose verification deadline falls in the same millisecond: lateness of each escalation, as a ratio
 * to the raw timer storm's; the work each breach did (workflow tasks, activities, transactions, CPU per process,
 * counted from the last start to the last escalation); and the delivery of each escalation's notice to the webhook.
 */
async function deadlineStorm(
  client: Client,
  db: pg.Client,
  taskQueue: string,
  raw: { startsPerSecond: number; timerStorm: { latenessMs: Percentiles } },
  receiver: ArrivalReceiver,
  work: () => Promise<(complaints: number) => Promise<WorkDone>>,
) {
  const dueAt = stormDueAt(size.storm, raw.startsPerSecond);
  const t0 = Date.now();
  const ids = await createComplaints(client, db, taskQueue, size.storm, (submittedAt) => benchPolicy(`PT${((dueAt - submittedAt) / 1000).toFixed(3)}S`));
  const createSeconds = (Date.now() - t0) / 1000;
  if (Date.now() > dueAt) throw new Error(`storm: creating ${size.storm} complaints took past their common deadline`);
  const complaintIds = ids.map((i) => i.complaintId);
  // Counted once every complaint is armed, so what follows is the reminders and the storm itself.
  await untilArmed(db, complaintIds, dueAt);
  const workDone = await work();
  const deadline = dueAt + 60_000 + size.storm * 10;
  let fired: { lateness: number }[] = [];
  while (Date.now() < deadline) {
    const { rows } = await db.query(
      `SELECT EXTRACT(EPOCH FROM (fired_at - due_at)) * 1000 AS lateness FROM escalations WHERE complaint_id = ANY($1::uuid[]) AND level = 1`,
      [complaintIds],
    );
    fired = rows.map((r) => ({ lateness: Number(r.lateness) }));
    if (fired.length >= ids.length) break;
    await sleep(500);
  }
  const breachWork = await workDone(ids.length);
  const { rows: doubled } = await db.query(
    `SELECT count(*)::int AS n FROM (SELECT complaint_id, level FROM escalations WHERE complaint_id = ANY($1::uuid[]) GROUP BY 1, 2 HAVING count(*) > 1) d`,
    [complaintIds],
  );
  const { rows: notices } = await db.query(
    `SELECT count(*)::int AS n FROM notifications WHERE complaint_id = ANY($1::uuid[]) AND kind = 'ESCALATION'`,
    [complaintIds],
  );
  const latenessMs = roundAll(percentiles(fired.map((f) => f.lateness)));
  return {
    storm: {
      complaints: ids.length,
      createSeconds: round(createSeconds),
      latenessMs,
      ratioToRawTimerStormP99: round(latenessMs.p99 / raw.timerStorm.latenessMs.p99, 2),
      missed: ids.length - fired.length,
      doubled: doubled[0].n,
      escalationNotices: notices[0].n,
      work: breachWork,
    },
    notificationDelivery: await escalationDelivery(db, complaintIds, receiver),
  };
}

/** Waits until every complaint's first transition is in the read model (its workflow ran and armed its clocks), at most until `until`. */
async function untilArmed(db: pg.Client, complaintIds: string[], until: number): Promise<boolean> {
  while (Date.now() < until) {
    const { rows } = await db.query(`SELECT count(DISTINCT complaint_id)::int AS n FROM complaint_events WHERE complaint_id = ANY($1::uuid[])`, [complaintIds]);
    if (rows[0].n >= complaintIds.length) return true;
    await sleep(500);
  }
  return false;
}

/**
 * Escalation recorded → webhook received, for each of the storm's escalation notices. The record is the outbox
 * row's created_at: the escalation and its notice are written in one transaction (activities/escalation.ts), and
 * PostgreSQL's now() is that transaction's start, on this machine's clock as the receiver's Date.now() is. Waits
 * until every notice arrived, or 30 s pass without one arriving; those never received count as undelivered.
 */
async function escalationDelivery(db: pg.Client, complaintIds: string[], receiver: ArrivalReceiver) {
  const { rows } = await db.query(
    `SELECT key, EXTRACT(EPOCH FROM created_at) * 1000 AS recorded FROM notifications WHERE complaint_id = ANY($1::uuid[]) AND kind = 'ESCALATION'`,
    [complaintIds],
  );
  const notices = rows.map((r) => ({ key: r.key as string, recordedAt: Number(r.recorded) }));
  const delivered = () => notices.filter((n) => receiver.arrivedAt.has(n.key)).length;
  let seen = -1;
  let lastArrival = Date.now();
  while (delivered() < notices.length && Date.now() - lastArrival < 30_000) {
    if (delivered() > seen) [seen, lastArrival] = [delivered(), Date.now()];
    await sleep(200);
  }
  const latency = notices.filter((n) => receiver.arrivedAt.has(n.key)).map((n) => receiver.arrivedAt.get(n.key)! - n.recordedAt);
  return { expected: notices.length, delivered: latency.length, latencyMs: roundAll(percentiles(latency)) };
}

/** Where the capacity curve is read: 1-2-5 steps up to --capacity, and --capacity itself. */
function capacityCheckpoints(capacity: number): number[] {
  const steps = [100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000].filter((n) => n < capacity && n >= capacity / 100);
  return [...steps, capacity];
}

/**
 * N open complaints with live timers, created in steps (see capacityCheckpoints): at each step the time to create
 * and arm that step's complaints, the work each took, the worker's and the server's memory, what PostgreSQL holds
 * (Tenggat's schema, the real server's databases or the dev server's SQLite file) and a sample of history sizes —
 * the cost per complaint as the count grows. At the end every complaint must still have a running workflow and a
 * next deadline in the read model (none lost).
 */
async function openComplaints(
  client: Client,
  db: pg.Client,
  taskQueue: string,
  workerPid: number | undefined,
  temporal: TemporalForTests & { databases?: string[] },
  work: () => Promise<(complaints: number) => Promise<WorkDone>>,
) {
  const t0 = Date.now();
  const all: string[] = [];
  const curve = [];
  for (const checkpoint of capacityCheckpoints(size.capacity)) {
    const count = checkpoint - all.length;
    const stepStarted = Date.now();
    const workDone = await work();
    const ids = await createComplaints(client, db, taskQueue, count, () => benchPolicy('P3D'));
    const createSeconds = (Date.now() - stepStarted) / 1000;
    const complaintIds = ids.map((i) => i.complaintId);
    all.push(...complaintIds);
    const armed = await untilArmed(db, complaintIds, Date.now() + 600_000 + count * 20);
    if (!armed) throw new Error(`capacity: ${count} complaints were not all armed within ${600 + count / 50} s`);
    const armedSeconds = (Date.now() - stepStarted) / 1000;
    const stepWork = await workDone(count);
    const { rows: open } = await db.query(`SELECT count(*)::int AS n FROM complaints WHERE status NOT IN ('CLOSED', 'ARCHIVED')`);
    const point = {
      openComplaints: all.length,
      // With the earlier scenarios' complaints: all the worker and the server hold.
      openInAll: open[0].n as number,
      created: count,
      createSeconds: round(createSeconds),
      createdPerSecond: round(count / createSeconds),
      armedSeconds: round(armedSeconds),
      workerRssMb: rssMb(workerPid),
      temporalServerRssMb: rssMb(temporal.pid),
      storageMb: await storageMb(db, temporal),
      historySample: await historySizes(client, ids.slice(0, 20).map((i) => complaintWorkflowId(i.trackingId))),
      work: stepWork,
    };
    console.log(`capacity: ${JSON.stringify({ ...point, work: stepWork.perComplaint })}`);
    curve.push(point);
  }
  const last = curve.at(-1)!;
  return {
    openComplaints: all.length,
    createSeconds: round(curve.reduce((total, p) => total + p.createSeconds, 0)),
    allArmedSeconds: round((Date.now() - t0) / 1000),
    workerRssMb: last.workerRssMb,
    temporalServerRssMb: last.temporalServerRssMb,
    intact: await clocksIntact(client, db, taskQueue, all),
    curve,
  };
}

/** Megabytes PostgreSQL (or the dev server's SQLite file) holds for Tenggat and for Temporal. */
async function storageMb(db: pg.Client, temporal: TemporalForTests & { databases?: string[] }) {
  const mb = (bytes: number) => round(bytes / 2 ** 20);
  const { rows } = await db.query(
    `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')`,
  );
  let temporalBytes: number | null = null;
  if (temporal.databases) {
    const sizes = await db.query(`SELECT coalesce(sum(pg_database_size(datname)), 0)::bigint AS bytes FROM pg_database WHERE datname = ANY($1::text[])`, [temporal.databases]);
    temporalBytes = Number(sizes.rows[0].bytes);
  } else if (temporal.dbFile) {
    temporalBytes = ['', '-wal'].reduce((total, suffix) => total + (existsSync(temporal.dbFile + suffix) ? statSync(temporal.dbFile + suffix).size : 0), 0);
  }
  return { tenggat: mb(Number(rows[0].bytes)), temporal: temporalBytes === null ? null : mb(temporalBytes) };
}

/** Events and encoded bytes of some complaints' histories (as the server stores and sends them). */
async function historySizes(client: Client, workflowIds: string[]) {
  const events: number[] = [];
  const bytes: number[] = [];
  for (const workflowId of workflowIds) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    events.push(history.events?.length ?? 0);
    bytes.push(proto.temporal.api.history.v1.History.encode(history).finish().length);
  }
  const mean = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));
  return { sampled: workflowIds.length, meanEvents: mean(events), meanBytes: mean(bytes) };
}

/**
 * None lost: every complaint of the step has a next deadline in the read model, and Temporal runs a workflow for
 * every open complaint of this run's schema (visibility catches up within seconds; it is asked until it agrees).
 */
async function clocksIntact(client: Client, db: pg.Client, taskQueue: string, complaintIds: string[]) {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM complaints WHERE id = ANY($1::uuid[]) AND next_deadline_at IS NOT NULL`, [complaintIds]);
  const { rows: open } = await db.query(`SELECT count(*)::int AS n FROM complaints WHERE status NOT IN ('CLOSED', 'ARCHIVED')`);
  let running = -1;
  for (const until = Date.now() + 60_000; Date.now() < until && running !== open[0].n; await sleep(2000)) {
    ({ count: running } = await client.workflow.count(`TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running' AND WorkflowType = 'complaintWorkflow'`));
  }
  return { complaints: complaintIds.length, withNextDeadline: rows[0].n as number, openComplaints: open[0].n as number, runningWorkflows: running };
}

function roundAll(p: Percentiles): Percentiles {
  return { count: p.count, p50: round(p.p50), p95: round(p.p95), p99: round(p.p99), max: round(p.max) };
}

function versions() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const cli = findTemporalCli();
  return {
    node: process.version,
    temporalCli: cli ? execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim() : 'external server',
    temporalSdk: pkg.dependencies['@temporalio/client'],
    nestjs: pkg.dependencies['@nestjs/core'],
    prisma: pkg.dependencies['@prisma/client'],
  };
}

function tableRows(r: Figures): [string, string, string][] {
  const rows: [string, string, string][] = [
    ['raw start rate', `${r.raw.startsPerSecond}/s`, 'baseline'],
    ['raw Update round trip', ms(r.raw.updateRoundTripMs), 'baseline'],
    [`raw timer storm (${r.raw.timerStorm.workflows})`, `lateness ${ms(r.raw.timerStorm.latenessMs)}; missed ${r.raw.timerStorm.missed}`, 'baseline'],
    ['work per raw timer', `CPU ms bench's worker ${r.raw.timerStorm.work.cpuMsPerComplaint.bench}, Temporal ${r.raw.timerStorm.work.cpuMsPerComplaint.temporal}, PostgreSQL ${r.raw.timerStorm.work.cpuMsPerComplaint.postgres}`, 'the floor a breach is held to'],
  ];
  const { intake, officerAction, projectionLagMs, reads, agencyScale, accessCodes, storm, notificationDelivery, capacity } = r;
  if (intake) {
    const top = intake.steps.find((s) => s.rate === intake.highestSustainedRate);
    rows.push([
      'intake (POST /v1/complaints)',
      `${intake.highestSustainedRate}/s sustained, p95 ${intake.p95AtThatRateMs} ms${top ? `, p50 ${top.latencyMs.p50} ms, p99 ${top.latencyMs.p99} ms` : ''}`,
      `${intake.ratioToRawStartRate}× raw (goal ≥ 0.8×, p95 ≤ 300 ms)`,
    ]);
    rows.push(['work per submission', workText(intake.workPerComplaint), 'at the highest sustained rate']);
  }
  if (officerAction && projectionLagMs) {
    rows.push(['officer action (verify)', ms(officerAction.verifyMs), `${officerAction.ratioP50}× p50, ${officerAction.ratioP99}× p99 raw (goal ≤ 3×, p99 ≤ 250 ms)`]);
    rows.push(['projection lag', ms(projectionLagMs), 'goal p95 ≤ 1 s']);
  }
  for (const e of reads?.endpoints ?? []) {
    rows.push([`read ${e.endpoint.split('?')[0].replace('GET /v1/', '')} at 50/s`, `${ms(e.latencyMs)} over ${reads!.complaints} complaints, ${e.errors} errors`, 'goal p95 ≤ 50 ms']);
  }
  if (agencyScale) {
    for (const e of agencyScale.endpoints) {
      rows.push([
        `read ${e.endpoint.replace('GET /v1/', '')} at 20/s`,
        `${ms(e.latencyMs)} with ${agencyScale.agencies} agencies, ${agencyScale.units} units, ${agencyScale.complaints} complaints, ${e.errors} errors`,
        'goal p95 ≤ 300 ms',
      ]);
    }
    rows.push(['SLA report by province, counts plan', `${agencyScale.provinceReportPlan.executionMs} ms: ${agencyScale.provinceReportPlan.scans.join('; ')}`, 'EXPLAIN ANALYZE']);
  }
  if (accessCodes) {
    rows.push([
      `access-code guess (${accessCodes.guesses} each)`,
      `wrong code ${ms(accessCodes.wrongCodeMs)}; unknown ID ${ms(accessCodes.unknownTrackingIdMs)}`,
      `${accessCodes.ratioP50}× p50 (goal 0.8–1.25×: timing tells nothing)`,
    ]);
  }
  if (storm && notificationDelivery) {
    rows.push([`deadline storm (${storm.complaints})`, `lateness ${ms(storm.latenessMs)}; missed ${storm.missed}, doubled ${storm.doubled}`, `${storm.ratioToRawTimerStormP99}× raw p99 (goal ≤ 1.5×, none missed/doubled)`]);
    const cpu = storm.work.cpuMsPerComplaint;
    const rawCpu = r.raw.timerStorm.work.cpuMsPerComplaint;
    const [breachCpu, timerCpu] = [cpu.worker + cpu.temporal + cpu.postgres, rawCpu.bench + rawCpu.temporal + rawCpu.postgres];
    rows.push(['work per breach', workText(storm.work), `CPU ${round(breachCpu)} ms against ${round(timerCpu)} ms a raw timer: ${round(breachCpu / timerCpu, 2)}×`]);
    rows.push([
      'escalation notice → webhook',
      `${ms(notificationDelivery.latencyMs)}; delivered ${notificationDelivery.delivered} of ${notificationDelivery.expected}`,
      'goal p99 ≤ 2 s, all delivered',
    ]);
  }
  if (capacity) {
    for (const point of capacity.curve) {
      rows.push([
        `capacity at ${point.openComplaints} open (${point.openInAll} in all)`,
        `+${point.created} in ${point.createSeconds} s (${point.createdPerSecond}/s, armed ${point.armedSeconds} s); worker RSS ${point.workerRssMb} MB, Temporal RSS ${point.temporalServerRssMb ?? 'n/a'} MB; storage Tenggat ${point.storageMb.tenggat} MB, Temporal ${point.storageMb.temporal ?? 'n/a'} MB; history ${point.historySample.meanEvents} events / ${point.historySample.meanBytes} B`,
        `per complaint: ${workText(point.work)}`,
      ]);
    }
    const intact = capacity.intact;
    rows.push([
      `capacity (${capacity.openComplaints} open): clocks intact`,
      `${intact.withNextDeadline} of ${intact.complaints} with a next deadline; ${intact.runningWorkflows} running workflows for ${intact.openComplaints} open complaints`,
      'goal worker ≤ 1 GB at 10,000; none lost',
    ]);
  }
  return rows;
}

function workText(w: WorkDone): string {
  const p = w.perComplaint;
  const cpu = w.cpuMsPerComplaint;
  return `${p.workflowTasks} workflow tasks, ${p.localActivities} local + ${p.activities} activities, ${p.transactions} transactions; CPU ms worker ${cpu.worker}, Temporal ${cpu.temporal}, PostgreSQL ${cpu.postgres}`;
}

/** One table: per server a column of figures and one of ratios to that server's own raw baselines, side by side. */
function printTables(figures: Figures[]) {
  const tables = figures.map(tableRows);
  const rows = [
    ['scenario', ...figures.flatMap((f) => [f.server.temporal, 'against its raw baseline / goal'])],
    ...tables[0].map((row, i) => [row[0], ...tables.flatMap((table) => [table[i][1], table[i][2]])]),
  ];
  const w = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(w[c])).join(' | ').trimEnd());
}

function ms(p: Percentiles): string {
  return `p50 ${p.p50} / p95 ${p.p95} / p99 ${p.p99} ms`;
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${failure(error)}`);
  process.exit(1);
});
