// Turns Prisma schemas into migration SQL offline with Prisma 6.19's WASM schema engine (devDependency
// `prisma6`), because Prisma 7's native schema engine cannot be downloaded on every machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectRoot } from '../src/project-root.js';

const require = createRequire(import.meta.url);

/** Prisma 6 wants `url` in the datasource block, Prisma 7 refuses it; add it for the old CLI only. */
function forPrisma6(schema: string): string {
  return schema.replace(/(datasource\s+\w+\s*\{[^}]*provider\s*=\s*"postgresql")/, '$1\n  url      = env("DATABASE_URL")');
}

/**
 * SQL that takes a database from `fromSchema` (null: empty) to `toSchema`. The WASM engine needs a
 * reachable PostgreSQL to run at all; it changes nothing there.
 */
export function diffSchemasToSql(fromSchema: string | null, toSchema: string, databaseUrl: string): string {
  const work = mkdtempSync(join(tmpdir(), 'tenggat-schema-'));
  try {
    const to = join(work, 'to.prisma');
    writeFileSync(to, forPrisma6(toSchema));
    const from = ['--from-empty'];
    if (fromSchema !== null) {
      writeFileSync(join(work, 'from.prisma'), forPrisma6(fromSchema));
      from.splice(0, 1, '--from-schema-datamodel', join(work, 'from.prisma'));
    }
    const cli = join(dirname(require.resolve('prisma6/package.json')), 'build', 'index.js');
    return execFileSync(
      process.execPath,
      [cli, 'migrate', 'diff', '--config', join(projectRoot(), 'scripts', 'prisma-wasm.config.ts'), ...from, '--to-schema-datamodel', to, '--script'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false',
          PRISMA_QUERY_ENGINE_LIBRARY: '/bin/false',
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
        },
      },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function currentSchema(): string {
  return readFileSync(join(projectRoot(), 'prisma', 'schema.prisma'), 'utf8');
}
