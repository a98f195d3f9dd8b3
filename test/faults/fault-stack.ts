// The production shape, with handles to hurt it: a Temporal server on a data file (so it can be killed
// and restarted on the same data), PostgreSQL behind a TCP proxy the test can cut, the compiled worker
// and API as separate processes, and a webhook sink that counts every delivery. Loopback only.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { ensureTemporalCli, startDevServer, type DevServer } from '../../scripts/temporal-dev-server.js';
import { migrate } from '../../src/database/migrator.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import { loadConfig } from '../../src/config/app-config.js';
import { projectRoot } from '../../src/project-root.js';
import { seedAgencies } from '../../scripts/seed.js';
import { WebhookReceiver, type ReceivedPost } from '../support/webhook-receiver.js';
import { databaseServerForTests, dropSchema, freePort, startNodeProcess, startWorkerProcess, testDatabaseUrl, type DatabaseServerForTests, type NodeProcess } from '../support/stack.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { payloadKeysFrom, tenggatDataConverter } from '../../src/temporal/payload-codec.js';
import { API_LISTENING } from '../../src/common/api-listening.js';

export const WEBHOOK_SECRET = 'fault-suite-webhook-secret-of-32-characters';
const AUTH_SECRET = randomBytes(32).toString('hex');
/** Every process of the stack, and the suite's own client, encrypt Temporal payloads with this key. */
const PAYLOAD_KEYS = `faults:${randomBytes(32).toString('base64')}`;

/** Every POST the sink received, by Idempotency-Key. */
export class WebhookSink extends WebhookReceiver {
  readonly deliveries = new Map<string, number>();

  constructor() {
    super('/hooks');
  }

  protected answer({ headers }: ReceivedPost): number {
    const key = String(headers['idempotency-key']);
    this.deliveries.set(key, (this.deliveries.get(key) ?? 0) + 1);
    return 204;
  }
}

/** A Temporal dev server on a data file of its own: kill -9 and start again on the same data and port. */
export class KillableTemporal {
  private server?: DevServer;
  private constructor(
    private readonly dir: string,
    readonly port: number,
    private readonly uiPort: number,
  ) {}

  static async start(): Promise<KillableTemporal> {
    const temporal = new KillableTemporal(mkdtempSync(join(tmpdir(), 'tenggat-faults-temporal-')), await freePort(), await freePort());
    await temporal.restart();
    return temporal;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    this.server = await startDevServer(ensureTemporalCli(), { port: this.port, uiPort: this.uiPort, dbFile: join(this.dir, 'temporal.db'), headless: true });
  }

  async ensureRunning(): Promise<void> {
    if (!this.server) await this.restart();
  }

  kill9(): void {
    this.server?.process.kill('SIGKILL');
    this.server = undefined;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** One scenario's processes, on a task queue of their own, sharing the suite's Temporal and database. */
export class FaultStack {
  readonly taskQueue = `faults-${randomBytes(4).toString('hex')}`;
  readonly workers: NodeProcess[] = [];
  readonly apis: { process: NodeProcess; port: number }[] = [];

  constructor(
    readonly temporal: KillableTemporal,
    readonly databaseUrl: string,
    readonly proxy: TcpProxy,
    readonly sink: WebhookSink,
  ) {}

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      DATABASE_URL: this.proxy.through(this.databaseUrl),
      TEMPORAL_ADDRESS: this.temporal.address,
      TEMPORAL_TASK_QUEUE: this.taskQueue,
      SLA_POLICY_FILE: 'test/fixtures/sla-policy-faults.json',
      NOTIFY_WEBHOOK_URL: this.sink.url,
      NOTIFY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      NOTIFY_POLL_MS: '250',
      AUTH_SECRET,
      TEMPORAL_PAYLOAD_KEYS: PAYLOAD_KEYS,
      MIGRATE_ON_BOOT: 'false',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000000',
    };
  }

  async startWorker(): Promise<NodeProcess> {
    const worker = await startWorkerProcess(this.env());
    this.workers.push(worker);
    return worker;
  }

  /** An API process (production mode, its own port unless one is given back after a kill). */
  async startApi(port?: number): Promise<{ process: NodeProcess; port: number; base: string }> {
    const chosen = port ?? (await freePort());
    const api = await startNodeProcess(
      join('src', 'main.js'),
      { ...this.env(), PORT: String(chosen), NODE_ENV: 'production', WORKFLOW_BUNDLE_PATH: join(projectRoot(), 'dist', 'workflow-bundle.js'), LOG_LEVEL: 'info' },
      API_LISTENING,
    );
    const entry = { process: api, port: chosen };
    this.apis.push(entry);
    return { ...entry, base: `http://127.0.0.1:${chosen}` };
  }

  async stop(): Promise<void> {
    for (const api of this.apis) await api.process.stop('SIGKILL');
    for (const worker of this.workers) await worker.stop('SIGKILL');
  }
}

/** The suite's shared servers: Temporal, PostgreSQL (a schema of its own, behind a proxy) and the sink. */
export async function startFaultSuite(): Promise<{
  temporal: KillableTemporal;
  databaseUrl: string;
  proxy: TcpProxy;
  sink: WebhookSink;
  prisma: PrismaService;
  client: Client;
  stop(): Promise<void>;
}> {
  const database: DatabaseServerForTests = await databaseServerForTests();
  process.env.TEST_DATABASE_URL = database.url;
  const databaseUrl = testDatabaseUrl();
  await migrate(databaseUrl);
  await seedAgencies(databaseUrl);
  const target = new URL(databaseUrl);
  const proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
  const temporal = await KillableTemporal.start();
  const sink = new WebhookSink();
  await sink.start();
  const prisma = new PrismaService(loadConfig({ DATABASE_URL: databaseUrl }));
  await prisma.$connect();
  const connection = await Connection.connect({ address: temporal.address });
  return {
    temporal,
    databaseUrl,
    proxy,
    sink,
    prisma,
    client: new Client({ connection, dataConverter: tenggatDataConverter(payloadKeysFrom(PAYLOAD_KEYS)) }),
    async stop() {
      await connection.close();
      await prisma.$disconnect();
      await sink.stop();
      await proxy.stop();
      await temporal.stop();
      await dropSchema(databaseUrl);
      await database.stop();
    },
  };
}

/** Percentiles of a list of milliseconds, as the report prints them. */
export function percentiles(values: number[]): { p50: number; p99: number; max: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? NaN, n: sorted.length };
}
