// The embedded Temporal server: the Temporal CLI's `server start-dev` (SQLite file, Web UI), built
// from its Go module at a pinned version when no `temporal` binary is installed.
import { Connection } from '@temporalio/client';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, openSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../src/project-root.js';
import { SEARCH_ATTRIBUTES } from '../workflows/messages.js';

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
const RETENTION = '720h'; // 30 days: the dev server's default of 24 h would drop audit history

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** TEMPORAL_CLI, else `temporal` on PATH, else the project's own build in .tools/bin. */
export function findTemporalCli(): string | null {
  if (process.env.TEMPORAL_CLI) return executable(process.env.TEMPORAL_CLI) ? process.env.TEMPORAL_CLI : null;
  const onPath = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'temporal')).find(executable);
  const own = join(projectRoot(), '.tools', 'bin', 'temporal');
  return onPath ?? (executable(own) ? own : null);
}

/** Returns the CLI's path, building it with `go install` (through the Go module proxy) if needed. */
export function ensureTemporalCli(log: (line: string) => void = console.log): string {
  const found = findTemporalCli();
  if (found) return found;
  const bin = join(projectRoot(), '.tools', 'bin');
  mkdirSync(bin, { recursive: true });
  log(`building the Temporal CLI (${TEMPORAL_CLI_MODULE}) into .tools/bin; the first build takes a few minutes`);
  const started = Date.now();
  execFileSync('go', ['install', TEMPORAL_CLI_MODULE], { stdio: 'inherit', env: { ...process.env, GOBIN: bin } });
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s`);
  return join(bin, 'temporal');
}

export interface DevServerOptions {
  port: number;
  uiPort: number;
  dbFile: string;
  headless?: boolean;
}

export interface DevServer {
  address: string;
  uiUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Polls the server until it answers, or fails after `timeoutMs`. */
export async function waitForTemporal(address: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Temporal at ${address} did not answer within ${timeoutMs} ms: ${(error as Error).message}`);
      await sleep(250);
    }
  }
}

export async function startDevServer(cli: string, options: DevServerOptions): Promise<DevServer> {
  mkdirSync(dirname(options.dbFile), { recursive: true });
  const address = `127.0.0.1:${options.port}`;
  const logFd = openSync(`${options.dbFile}.log`, 'a');
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--ui-port', String(options.uiPort),
    '--db-filename', options.dbFile,
    '--log-level', 'warn',
    ...Object.entries(SEARCH_ATTRIBUTES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
    ...(options.headless ? ['--headless'] : []),
  ];
  const child = spawn(cli, args, { stdio: ['ignore', logFd, logFd] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await Promise.race([
      waitForTemporal(address),
      exited.then(() => {
        throw new Error(`temporal server start-dev exited early; see ${options.dbFile}.log`);
      }),
    ]);
    execFileSync(cli, ['operator', 'namespace', 'update', '--namespace', 'default', '--retention', RETENTION, '--address', address], {
      stdio: 'ignore',
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    address,
    uiUrl: `http://127.0.0.1:${options.uiPort}`,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
    },
  };
}
