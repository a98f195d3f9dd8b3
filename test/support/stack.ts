// The real stack the integration tests run against: Temporal (reused when TEMPORAL_ADDRESS is set,
// else a headless dev server of our own), a fresh PostgreSQL schema, and the compiled worker process.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../scripts/embedded-postgres.js';
import { freePort } from '../../scripts/free-port.js';
import { ensureTemporalCli, startDevServer, waitForTemporal, type DevServer } from '../../scripts/temporal-dev-server.js';
import { parseDatabaseUrl } from '../../src/database/database-url.js';
import { migrate } from '../../src/database/migrator.js';
import { projectRoot } from '../../src/project-root.js';
import { developmentPayloadKeysSpec } from '../../src/temporal/payload-codec.js';

export { freePort };

export interface TemporalForTests {
  address: string;
  /** The dev server's process, when this run started one. */
  pid?: number;
  /** The dev server's SQLite file, when this run started one (the bench reports its size). */
  dbFile?: string;
  stop(): Promise<void>;
}

export async function temporalForTests(): Promise<TemporalForTests> {
  if (process.env.TEMPORAL_ADDRESS) {
    await waitForTemporal(process.env.TEMPORAL_ADDRESS);
    return { address: process.env.TEMPORAL_ADDRESS, stop: async () => undefined };
  }
  const started = Date.now();
  const cli = ensureTemporalCli();
  const dir = mkdtempSync(join(tmpdir(), 'tenggat-temporal-'));
  const server: DevServer = await startDevServer(cli, {
    port: await freePort(),
    uiPort: await freePort(),
    dbFile: join(dir, 'temporal.db'),
    headless: true,
  });
  console.log(`Temporal dev server ready at ${server.address} in ${Date.now() - started} ms`);
  return {
    address: server.address,
    pid: server.process.pid,
    dbFile: join(dir, 'temporal.db'),
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A schema of its own for this test run, on the server setUpStack chose (TEST_DATABASE_URL). */
export function testDatabaseUrl(): string {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error('TEST_DATABASE_URL is unset: the test stack (test/global-setup.mjs) chooses the server');
  const base = new URL(server);
  base.searchParams.set('schema', `tenggat_test_${Date.now()}_${randomBytes(3).toString('hex')}`);
  return base.toString();
}

export interface DatabaseServerForTests {
  url: string;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL server of a test run: TEST_DATABASE_URL when it is set and answers; otherwise an
 * embedded one of our own (a fresh machine needs no PostgreSQL installed), stopped afterwards.
 */
export async function databaseServerForTests(): Promise<DatabaseServerForTests> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    const client = new pg.Client({ connectionString: given, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      return { url: given, stop: async () => undefined };
    } catch (error) {
      console.log(`TEST_DATABASE_URL does not answer (${(error as Error).message}); using an embedded PostgreSQL instead`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'tenggat-postgres-'));
  const started = Date.now();
  const server = await startEmbeddedPostgres(join(dir, 'data'), await freePort(), { persistent: false });
  console.log(`embedded PostgreSQL ready in ${Date.now() - started} ms`);
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function dropSchema(databaseUrl: string): Promise<void> {
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

export interface NodeProcess {
  child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const OUTPUT_TAIL = 1024 * 1024;

/** Runs a compiled entry point of dist/ and resolves once its output contains `readyText`. */
export function startNodeProcess(entry: string, env: NodeJS.ProcessEnv, readyText: string): Promise<NodeProcess> {
  const root = projectRoot();
  const child = spawn(process.execPath, [join(root, 'dist', entry)], {
    cwd: root,
    // Not the test runner's options (jest's VM modules); the bench's --profile passes its own.
    env: { ...env, NODE_OPTIONS: env.CHILD_NODE_OPTIONS ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const handle: NodeProcess = {
    child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  let ready = false;
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      // Keep a bounded tail once ready: a busy API logs every request, and the pipe must never back up.
      output = ready ? (output + chunk.toString()).slice(-OUTPUT_TAIL) : output + chunk.toString();
      if (!ready && output.includes(readyText)) {
        ready = true;
        resolve(handle);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`${entry} exited (${code}) before "${readyText}":\n${output}`)));
  });
}

/** The production worker: compiled entry point and prebuilt workflow bundle; resolves once it polls. */
export function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<NodeProcess> {
  return startNodeProcess(
    join('src', 'worker.main.js'),
    {
      ...env,
      NODE_ENV: 'production',
      WORKFLOW_BUNDLE_PATH: env.WORKFLOW_BUNDLE_PATH ?? join(projectRoot(), 'dist', 'workflow-bundle.js'),
      MIGRATE_ON_BOOT: 'false',
      LOG_LEVEL: 'info',
    },
    'worker polling task queue',
  );
}

export interface Stack {
  temporal: TemporalForTests;
  database: DatabaseServerForTests;
  worker: NodeProcess;
  databaseUrl: string;
  tearDown(): Promise<void>;
}

/**
 * Starts (or reuses) Temporal and PostgreSQL, migrates a fresh schema, runs the compiled worker on a task
 * queue of this run, and exports their coordinates to the test processes through the environment.
 */
export async function setUpStack(): Promise<Stack> {
  const [temporal, database] = await Promise.all([temporalForTests(), databaseServerForTests()]);
  process.env.TEST_DATABASE_URL = database.url;
  const databaseUrl = testDatabaseUrl();
  const stopServers = async () => {
    await temporal.stop();
    await database.stop();
  };
  try {
    await migrate(databaseUrl);
    const env = {
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `tenggat-test-${randomBytes(4).toString('hex')}`,
      // The production worker and the tests' in-process API must encrypt alike; recorded histories replay with it.
      TEMPORAL_PAYLOAD_KEYS: process.env.TEMPORAL_PAYLOAD_KEYS ?? developmentPayloadKeysSpec(),
    };
    const worker = await startWorkerProcess({ ...process.env, ...env });
    Object.assign(process.env, env, { LOG_LEVEL: 'silent' });
    return {
      temporal,
      database,
      worker,
      databaseUrl,
      async tearDown() {
        await worker.stop();
        await dropSchema(databaseUrl);
        await stopServers();
      },
    };
  } catch (error) {
    await dropSchema(databaseUrl).catch(() => undefined);
    await stopServers();
    throw error;
  }
}
