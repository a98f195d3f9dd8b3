// npm run contract:generate (and npm run build): writes the API contract from the controllers, with no
// database or Temporal (Nest's preview mode wires the modules without instantiating providers):
//   openapi/openapi.json          the OpenAPI document, as the API serves it at /openapi.json
//   console/src/api/openapi.d.ts  its TypeScript types, for the console's openapi-fetch client
// test/contract/openapi-gates.test.ts fails when either committed file is not what this writes.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import openapiTS, { type OpenAPI3 } from 'openapi-typescript';
import { AppModule } from '../src/app.module.js';
import { enableApiVersioning } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { buildOpenApiDocument } from '../src/openapi/openapi-document.js';
import { projectRoot } from '../src/project-root.js';

export const OPENAPI_JSON = join(projectRoot(), 'openapi', 'openapi.json');
export const CLIENT_TYPES = join(projectRoot(), 'console', 'src', 'api', 'openapi.d.ts');

export interface Contract {
  /** openapi/openapi.json */
  document: string;
  /** console/src/api/openapi.d.ts */
  clientTypes: string;
}

/** The document as the running API serves it; the placeholder database URL is never connected to. */
export async function generateContract(): Promise<Contract> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgresql://openapi@127.0.0.1:1/none', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(AppModule.register(config), { preview: true, abortOnError: false, logger: false });
  enableApiVersioning(app);
  try {
    const document = buildOpenApiDocument(app);
    return {
      document: `${JSON.stringify(document, null, 2)}\n`,
      clientTypes: await openapiTS(document as unknown as OpenAPI3),
    };
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { document, clientTypes } = await generateContract();
  for (const [file, text] of [
    [OPENAPI_JSON, document],
    [CLIENT_TYPES, clientTypes],
  ]) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote ${file}`);
  }
}
