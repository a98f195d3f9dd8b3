// The Quick start's process: Temporal dev server (unless TEMPORAL_ADDRESS), PostgreSQL from
// DATABASE_URL or an embedded one, migrations and reference agencies, then the API with its worker.
// Settings come from the environment, then from .env in the project folder (TENGGAT_ENV_FILE) for what it lacks.
import { join } from 'node:path';
import { migrate } from '../src/database/migrator.js';
import { startApi } from '../src/main.js';
import { exitWithinDeadlineOnSignal } from '../src/common/shutdown-watchdog.js';
import { loadEnvFileIfExists } from '../src/config/env-file.js';
import { projectRoot } from '../src/project-root.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { seedAgencies } from './seed.js';
import { ensureTemporalCli, startDevServer, type DevServer } from './temporal-dev-server.js';

const env = process.env;
const fromEnvFile = loadEnvFileIfExists(env.TENGGAT_ENV_FILE ?? join(projectRoot(), '.env'), env);
const dataDir = env.TENGGAT_DATA_DIR ?? join(projectRoot(), '.data');
const stoppers: Array<() => Promise<void>> = [];

async function stopAll(): Promise<void> {
  for (const stop of stoppers.reverse()) await stop().catch((e: Error) => console.error(e.message));
}

async function main(): Promise<void> {
  if (!env.TEMPORAL_ADDRESS) {
    const server: DevServer = await startDevServer(ensureTemporalCli(), {
      port: Number(env.TEMPORAL_PORT ?? 7233),
      uiPort: Number(env.TEMPORAL_UI_PORT ?? 8233),
      dbFile: join(dataDir, 'temporal', 'temporal.db'),
    });
    stoppers.push(() => server.stop());
    env.TEMPORAL_ADDRESS = server.address;
    env.TEMPORAL_UI_URL ??= server.uiUrl;
  }
  if (!env.DATABASE_URL) {
    const pg: EmbeddedPostgres = await startEmbeddedPostgres(join(dataDir, 'postgres', 'data'), Number(env.EMBEDDED_PG_PORT ?? 5433));
    stoppers.push(() => pg.stop());
    env.DATABASE_URL = pg.url;
  }
  env.RUN_WORKER_IN_API ??= 'true';
  await migrate(env.DATABASE_URL);
  await seedAgencies(env.DATABASE_URL);
  const api = await startApi({ shutdownHooks: false });
  stoppers.push(api.close);
  console.log(
    [
      '',
      `Tenggat API        ${api.url}`,
      `Console            ${api.url}/console`,
      `OpenAPI docs       ${api.url}/docs`,
      `OpenAPI document   ${api.url}/openapi.json`,
      `Temporal Web UI    ${env.TEMPORAL_UI_URL ?? 'see your Temporal cluster'}`,
      `Temporal address   ${env.TEMPORAL_ADDRESS}`,
      `PostgreSQL         ${env.DATABASE_URL.replace(/\/\/[^@]*@/, '//')}`,
      `Settings from .env ${fromEnvFile.length > 0 ? fromEnvFile.join(', ') : 'none (no .env, or the environment set them all)'}`,
      '',
      'Run `npm test` in another terminal for the whole test suite (its own Temporal and PostgreSQL).',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log('stopping Tenggat…');
    void stopAll().then(() => process.exit(0));
  });
}
// The API's worker may take its 25 s to drain; the dev server and PostgreSQL stop after it.
exitWithinDeadlineOnSignal(45_000);

main().catch(async (error: unknown) => {
  console.error(`Tenggat did not start: ${(error as Error).message}`);
  await stopAll();
  process.exit(1);
});
