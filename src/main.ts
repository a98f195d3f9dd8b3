// API process: validate config, migrate, serve HTTP (and, with RUN_WORKER_IN_API, run the worker).
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp, type CreateAppOptions } from './bootstrap.js';
import { API_LISTENING } from './common/api-listening.js';
import { exitWithinDeadlineOnSignal } from './common/shutdown-watchdog.js';
import { loadConfig } from './config/app-config.js';
import { migrate } from './database/migrator.js';

export async function startApi(options?: CreateAppOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const config = loadConfig();
  if (config.migrateOnBoot) await migrate(config.databaseUrl);
  const app = await createApp(config, options);
  if (options?.shutdownHooks !== false) exitWithinDeadlineOnSignal();
  await app.listen(config.port, config.host);
  const url = `http://${config.host}:${config.port}`;
  new Logger('Api').log(`${API_LISTENING} ${url}`);
  return { url, close: () => app.close() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startApi().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
