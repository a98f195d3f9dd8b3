// npm run start:production-like — Tenggat as production runs it, on this machine: the real Temporal server
// (not the CLI's SQLite dev server) on PostgreSQL for persistence and visibility, with the config committed
// in ops/temporal/, and the worker and the API as separate processes. PostgreSQL is DATABASE_URL's server
// or the embedded one (as npm start). Ctrl+C stops everything it started.
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import proto from '@temporalio/proto';
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { exitWithinDeadlineOnSignal } from '../src/common/shutdown-watchdog.js';
import { parseDatabaseUrl } from '../src/database/database-url.js';
import { migrate } from '../src/database/migrator.js';
import { projectRoot } from '../src/project-root.js';
import { SEARCH_ATTRIBUTES } from '../workflows/messages.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { freePortBelow32768 } from './free-port.js';
import { seedAgencies } from './seed.js';
import { waitForTemporal } from './temporal-dev-server.js';

/** The server the Temporal CLI's dev server embeds (`temporal --version`: Server 1.29.1, CLI v1.5.1). */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const GO_BINARIES = {
  server: 'go.temporal.io/server/cmd/server',
  sqlTool: 'go.temporal.io/server/cmd/tools/sql',
} as const;
const NAMESPACE_RETENTION = '720h'; // 30 days, as the dev server's namespace: audit history outlives a complaint
const STOP_GRACE_MS = 10_000;

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
}

/** The server and SQL tool in .tools/bin, built once with `go install` (Go module proxy) when missing. */
export function ensureTemporalServer(log: (line: string) => void = console.log): TemporalServerBinaries {
  const bin = join(projectRoot(), '.tools', 'bin');
  const binaries = { server: join(bin, `temporal-server-${TEMPORAL_SERVER_VERSION}`), sqlTool: join(bin, `temporal-sql-tool-${TEMPORAL_SERVER_VERSION}`) };
  if (existsSync(binaries.server) && existsSync(binaries.sqlTool)) return binaries;
  // go install names binaries after their package folder (server, sql): build aside, then name them.
  const staging = join(projectRoot(), '.tools', `go-install-${process.pid}`);
  mkdirSync(staging, { recursive: true });
  log(`building the Temporal server and SQL tool ${TEMPORAL_SERVER_VERSION} into .tools/bin; the first build takes a few minutes`);
  const started = Date.now();
  try {
    execFileSync('go', ['install', ...Object.values(GO_BINARIES).map((module) => `${module}@${TEMPORAL_SERVER_VERSION}`)], {
      stdio: 'inherit',
      env: { ...process.env, GOBIN: staging },
    });
    renameSync(join(staging, 'server'), binaries.server);
    renameSync(join(staging, 'sql'), binaries.sqlTool);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log(`Temporal server and SQL tool built in ${Math.round((Date.now() - started) / 1000)} s`);
  return binaries;
}

interface SqlServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** A connection string to the server's maintenance database, for CREATE DATABASE. */
  adminUrl: string;
}

function sqlServerOf(databaseUrl: string): SqlServer {
  const url = new URL(parseDatabaseUrl(databaseUrl).connectionString);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    adminUrl: url.toString(),
  };
}

/** Creates the database if missing, then brings its schema to the server's version (a no-op when current). */
async function setUpTemporalDatabase(sqlTool: string, server: SqlServer, database: string, schemaName: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1;
    if (!exists) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
  const target = new URL(server.adminUrl);
  target.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  let versioned: boolean;
  try {
    versioned = (await client.query("SELECT to_regclass('public.schema_version') IS NOT NULL AS versioned")).rows[0].versioned as boolean;
  } finally {
    await client.end();
  }
  const tool = (...args: string[]) => {
    const connection = ['--plugin', 'postgres12', '--ep', server.host, '--port', String(server.port), '--user', server.user, '--password', server.password, '--db', database];
    const run = spawnSync(sqlTool, [...connection, ...args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`temporal-sql-tool ${args[0]} on ${database} failed: ${(run.stderr || run.stdout).trim()}`);
  };
  if (!versioned) tool('setup-schema', '--version', '0.0');
  tool('update-schema', '--schema-name', schemaName);
}

/** Drops databases a run created (the server using them stopped first); FORCE ends any connection left over. */
export async function dropTemporalDatabases(databaseUrl: string, databases: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: sqlServerOf(databaseUrl).adminUrl });
  await admin.connect();
  try {
    for (const database of databases) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export interface ManagedProcess {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** SIGTERM, then SIGKILL should the process not be gone within the grace; never leaves it behind. */
function managed(child: ChildProcess): ManagedProcess {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  return {
    child,
    async stop() {
      process.removeListener('exit', orphanGuard);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Rejects once the process exits: raced against a readiness wait, it fails fast with the log to read. */
function exitOf(child: ChildProcess, name: string, log: string): Promise<never> {
  return new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready; see ${log}`))));
}

/** Registers the namespace if missing and Tenggat's search attributes until the server lists them all. */
async function prepareNamespace(address: string, namespace: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const described = await connection.workflowService.describeNamespace({ namespace }).catch(() => null);
    if (!described) {
      await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(NAMESPACE_RETENTION) });
    }
    const wanted = Object.fromEntries(
      Object.entries(SEARCH_ATTRIBUTES).map(([name, type]) => [name, proto.temporal.api.enums.v1.IndexedValueType[`INDEXED_VALUE_TYPE_${type.toUpperCase()}` as 'INDEXED_VALUE_TYPE_KEYWORD']]),
    );
    // A new namespace reaches the frontend's cache only seconds after it is registered: retry until then.
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        const listed = await connection.operatorService.listSearchAttributes({ namespace });
        const missing = Object.fromEntries(Object.entries(wanted).filter(([name]) => !(name in (listed.customAttributes ?? {}))));
        if (Object.keys(missing).length === 0) return;
        await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`search attributes not registered on ${namespace} within 60 s: ${(error as Error).message}`);
      }
      await sleep(500);
    }
  } finally {
    await connection.close();
  }
}

/** Starts the server with ops/temporal/config.yaml; resolves once its frontend answers. */
async function startTemporalServer(binary: string, env: NodeJS.ProcessEnv, logFile: string): Promise<ManagedProcess> {
  const root = projectRoot();
  const logFd = openSync(logFile, 'a');
  // cwd at the project: the server resolves the dynamic-config path against it, not against --root.
  const child = spawn(binary, ['--root', root, '--config', join('ops', 'temporal'), '--env', 'config', '--allow-no-auth', 'start'], {
    cwd: root,
    env,
    stdio: ['ignore', logFd, logFd],
  });
  const server = managed(child);
  try {
    await Promise.race([waitForTemporal(`127.0.0.1:${env.TEMPORAL_PORT}`, 120_000), exitOf(child, 'the Temporal server', logFile)]);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/**
 * The real Temporal server on DATABASE_URL's PostgreSQL server, as the production profile runs it: its two
 * databases (TEMPORAL_SQL_DATABASE / TEMPORAL_SQL_VISIBILITY_DATABASE, default temporal / temporal_visibility)
 * created when missing and brought to the server's schema, the server started with ops/temporal/ on
 * TEMPORAL_PORT (a free one when unset), the namespace and Tenggat's search attributes registered. Fills in
 * `env` (TEMPORAL_SQL_*, the ports, TEMPORAL_ADDRESS) for the processes that follow; the caller stops the server.
 */
export async function startTemporalOnPostgres(env: NodeJS.ProcessEnv, logFile: string, log: (line: string) => void = console.log): Promise<ManagedProcess> {
  if (!env.DATABASE_URL) throw new Error('startTemporalOnPostgres needs DATABASE_URL: the PostgreSQL server for its databases');
  const binaries = ensureTemporalServer(log);
  const sql = sqlServerOf(env.DATABASE_URL);
  env.TEMPORAL_SQL_ADDRESS = `${sql.host}:${sql.port}`;
  env.TEMPORAL_SQL_USER ??= sql.user;
  env.TEMPORAL_SQL_PASSWORD ??= sql.password;
  env.TEMPORAL_SQL_DATABASE ??= 'temporal';
  env.TEMPORAL_SQL_VISIBILITY_DATABASE ??= 'temporal_visibility';
  await setUpTemporalDatabase(binaries.sqlTool, sql, env.TEMPORAL_SQL_DATABASE, 'postgresql/v12/temporal');
  await setUpTemporalDatabase(binaries.sqlTool, sql, env.TEMPORAL_SQL_VISIBILITY_DATABASE, 'postgresql/v12/visibility');

  // The frontend's port may be configured; the services' internal ports are always free ones.
  env.TEMPORAL_PORT ??= String(await freePortBelow32768());
  for (const name of ['HTTP', 'FRONTEND_MEMBERSHIP', 'MATCHING', 'MATCHING_MEMBERSHIP', 'HISTORY', 'HISTORY_MEMBERSHIP', 'WORKER', 'WORKER_MEMBERSHIP']) {
    env[`TEMPORAL_${name}_PORT`] = String(await freePortBelow32768());
  }
  const server = await startTemporalServer(binaries.server, env, logFile);
  env.TEMPORAL_ADDRESS = `127.0.0.1:${env.TEMPORAL_PORT}`;
  try {
    await prepareNamespace(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE ?? 'default');
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** Runs a compiled entry point of dist/ with its output on ours; resolves once `ready()` answers. */
async function startTenggatProcess(entry: string, env: NodeJS.ProcessEnv, ready: (output: () => string) => Promise<boolean>): Promise<ManagedProcess> {
  const child = spawn(process.execPath, [join(projectRoot(), 'dist', 'src', entry)], { cwd: projectRoot(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      if (output.length < 64 * 1024) output += chunk.toString();
      process.stdout.write(chunk);
    });
  }
  const handle = managed(child);
  const failed = exitOf(child, entry, 'its output above');
  failed.catch(() => undefined);
  try {
    for (const deadline = Date.now() + 120_000; !(await Promise.race([ready(() => output), failed])); await sleep(250)) {
      if (Date.now() > deadline) throw new Error(`${entry} was not ready within 120 s`);
    }
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}

const stoppers: Array<() => Promise<void>> = [];

async function stopAll(): Promise<void> {
  for (const stop of stoppers.reverse()) await stop().catch((e: Error) => console.error(e.message));
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const env = { ...process.env };
  const root = projectRoot();
  const dataDir = env.TENGGAT_DATA_DIR ?? join(root, '.data');
  mkdirSync(dataDir, { recursive: true });
  if (!env.DATABASE_URL) {
    const postgres = await startEmbeddedPostgres(join(dataDir, 'postgres', 'data'), Number(env.EMBEDDED_PG_PORT ?? 5433));
    stoppers.push(() => postgres.stop());
    env.DATABASE_URL = postgres.url;
  }
  env.TEMPORAL_PORT ??= String(7233);
  const temporalLog = join(dataDir, 'temporal-server.log');
  const server = await startTemporalOnPostgres(env, temporalLog);
  stoppers.push(() => server.stop());

  await migrate(env.DATABASE_URL);
  await seedAgencies(env.DATABASE_URL);
  const processEnv = { ...env, NODE_OPTIONS: '', MIGRATE_ON_BOOT: 'false', WORKFLOW_BUNDLE_PATH: join(root, 'dist', 'workflow-bundle.js') };
  const worker = await startTenggatProcess('worker.main.js', processEnv, async (output) => output().includes('worker polling task queue'));
  stoppers.push(() => worker.stop());
  const apiUrl = `http://127.0.0.1:${env.PORT ?? 3000}`;
  const api = await startTenggatProcess('main.js', { ...processEnv, RUN_WORKER_IN_API: 'false' }, () =>
    fetch(`${apiUrl}/health/ready`).then((r) => r.ok, () => false),
  );
  stoppers.push(() => api.stop()); // stopped first (stopAll goes backwards): no request reaches a worker that is going
  console.log(
    [
      '',
      `Production profile started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
      `Tenggat API        ${apiUrl}  (pid ${api.child.pid})`,
      `Tenggat worker     pid ${worker.child.pid}`,
      `Console            ${apiUrl}/console`,
      `OpenAPI docs       ${apiUrl}/docs`,
      `Temporal server    ${env.TEMPORAL_ADDRESS}  ${TEMPORAL_SERVER_VERSION} on PostgreSQL (pid ${server.child.pid}; log ${temporalLog})`,
      `PostgreSQL         ${env.DATABASE_URL.replace(/\/\/[^@]*@/, '//')}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log('stopping the production profile…');
      void stopAll().then(() => process.exit(0));
    });
  }
  // The worker may take its 25 s to drain; the Temporal server and PostgreSQL stop after it.
  exitWithinDeadlineOnSignal(60_000);
  main().catch(async (error: unknown) => {
    console.error(`the production profile did not start: ${(error as Error).message}`);
    await stopAll();
    process.exit(1);
  });
}
