// npm run contract:generate (and npm run build): writes openapi/openapi.json from the controllers, with no
// database or Temporal — Nest's preview mode wires the modules without instantiating providers.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { enableApiVersioning } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { buildOpenApiDocument } from '../src/openapi/openapi-document.js';
import { projectRoot } from '../src/project-root.js';

export const OPENAPI_JSON = join(projectRoot(), 'openapi', 'openapi.json');

/** The document as the running API serves it; the placeholder database URL is never connected to. */
export async function generateOpenApiDocument(): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgresql://openapi@127.0.0.1:1/none', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(AppModule.register(config), { preview: true, abortOnError: false, logger: false });
  enableApiVersioning(app);
  try {
    return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OPENAPI_JSON, await generateOpenApiDocument());
  console.log(`wrote ${OPENAPI_JSON}`);
}
