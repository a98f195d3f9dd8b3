import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import { usesPrettyLogs, withQuietStartup } from '../../src/common/logger.module.js';
import { loadEnvFileIfExists } from '../../src/config/env-file.js';
import { isStartupDetail } from '../../src/temporal/temporal-runtime-logging.js';

describe(usesPrettyLogs.name, () => {
  it.each([
    ['auto', 'development', true, true],
    ['auto', 'development', false, false],
    ['auto', 'production', true, false],
    ['auto', 'test', true, false],
    ['pretty', 'production', false, true],
    ['json', 'development', true, false],
  ] as const)('LOG_FORMAT=%s, NODE_ENV=%s, terminal %s: pretty %s', (format, nodeEnv, terminal, pretty) => {
    expect(usesPrettyLogs(format, nodeEnv, terminal)).toBe(pretty);
  });
});

describe(withQuietStartup.name, () => {
  it.each([
    ['Mapped {/v1/complaints, POST} route', 'RouterExplorer', 'debug'],
    ['ComplaintsController {/v1/complaints}:', 'RoutesResolver', 'debug'],
    ['AppModule dependencies initialized', 'InstanceLoader', 'debug'],
    ['Nest application successfully started', 'NestApplication', 'log'],
    ['worker polling task queue tenggat-complaints', 'WorkerService', 'log'],
  ])('%s (%s) goes to %s', (message, context, level) => {
    const calls: Array<[string, unknown[]]> = [];
    const record = (name: string) => (...args: unknown[]) => calls.push([name, args]);
    const inner: LoggerService = { log: record('log'), debug: record('debug'), error: record('error'), warn: record('warn') };
    withQuietStartup(inner).log(message, context);
    expect(calls).toEqual([[level, [message, context]]]);
  });

  it('leaves the other levels to the logger it wraps', () => {
    const errors: unknown[][] = [];
    const inner: LoggerService = { log: () => undefined, error: (...args: unknown[]) => errors.push(args), warn: () => undefined };
    withQuietStartup(inner).error('boom', 'RouterExplorer');
    expect(errors).toEqual([['boom', 'RouterExplorer']]);
  });
});

describe(isStartupDetail.name, () => {
  it.each([
    ['asset workflow-bundle-beb7b00a7cfc374ad40e.js 1.83 MiB [emitted] [immutable]\nwebpack 5.105.0 compiled successfully', true],
    ['Workflow bundle created', true],
    ['No Nexus services registered, not polling for Nexus tasks', true],
    ['Worker state changed', false],
    ['clock step ran late', false],
  ])('%s: %s', (message, detail) => {
    expect(isStartupDetail(message)).toBe(detail);
  });
});

describe(loadEnvFileIfExists.name, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tenggat-env-file-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds what the environment lacks, keeps what it sets, and names only what it added', () => {
    const file = join(dir, '.env');
    writeFileSync(file, '# comment\nPORT=4000\nLOG_LEVEL=debug\nDEMO_PASSWORD="with spaces # kept"\nEMPTY=\n');
    const env: NodeJS.ProcessEnv = { PORT: '3000' };
    expect(loadEnvFileIfExists(file, env)).toEqual(['DEMO_PASSWORD', 'EMPTY', 'LOG_LEVEL']);
    expect(env).toEqual({ PORT: '3000', LOG_LEVEL: 'debug', DEMO_PASSWORD: 'with spaces # kept', EMPTY: '' });
  });

  it('adds nothing when there is no file', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(loadEnvFileIfExists(join(dir, 'missing.env'), env)).toEqual([]);
    expect(env).toEqual({});
  });
});
