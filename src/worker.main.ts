// Worker process: validate config, migrate, run the Temporal worker until SIGTERM/SIGINT drains it.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerAppModule } from './app.module.js';
import { loadConfig } from './config/app-config.js';
import { withQuietStartup } from './common/logger.module.js';
import { exitWithinDeadlineOnSignal } from './common/shutdown-watchdog.js';
import { migrate } from './database/migrator.js';

async function startWorker(): Promise<void> {
  const config = loadConfig();
  if (config.migrateOnBoot) await migrate(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(WorkerAppModule.register(config), { bufferLogs: true });
  app.useLogger(withQuietStartup(app.get(Logger)));
  app.enableShutdownHooks();
  exitWithinDeadlineOnSignal();
  await app.init();
}

startWorker().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
