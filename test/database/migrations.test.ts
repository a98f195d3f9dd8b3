import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { currentSchema, diffSchemasToSql } from '../../scripts/schema-sql.js';
import { parseDatabaseUrl } from '../../src/database/database-url.js';
import { loadReferenceAgencies } from '../../src/areas/reference-agencies.js';
import { migrate, readMigrations } from '../../src/database/migrator.js';
import { projectRoot } from '../../src/project-root.js';
import { dropSchema, testDatabaseUrl } from '../support/stack.js';

/** Columns, constraints, indexes and enum types of one schema, in a comparable form. */
async function describeSchema(databaseUrl: string) {
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql, [schema])).rows;
    const described = {
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
                        FROM information_schema.columns WHERE table_schema = $1 AND table_name <> '_prisma_migrations'
                        ORDER BY table_name, column_name`),
      constraints: await q(`SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(c.oid) AS definition
                            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                            WHERE n.nspname = $1 AND conrelid::regclass::text NOT LIKE '%_prisma_migrations'
                            ORDER BY 1, 2`),
      indexes: await q(`SELECT tablename, indexname, indexdef AS definition
                        FROM pg_indexes WHERE schemaname = $1 AND tablename <> '_prisma_migrations' ORDER BY 1, 2`),
      enums: await q(`SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text AS labels
                      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
                      WHERE n.nspname = $1 GROUP BY t.typname ORDER BY 1`),
    };
    // Catalog text names the schema ("s.table", sequences); two schemas compare equal without it.
    return JSON.parse(JSON.stringify(described).replaceAll(`"${schema}".`, '').replaceAll(`${schema}.`, ''));
  } finally {
    await client.end();
  }
}

describe('database migrations', () => {
  const urls: string[] = [];
  const freshSchema = () => {
    const url = testDatabaseUrl();
    urls.push(url);
    return url;
  };
  afterAll(async () => {
    for (const url of urls) await dropSchema(url);
  });

  it('agree with prisma/schema.prisma: migrating gives the schema the datamodel describes', async () => {
    const migrated = freshSchema();
    await migrate(migrated);

    const fromDatamodel = freshSchema();
    const { connectionString, schema } = parseDatabaseUrl(fromDatamodel);
    const sql = diffSchemasToSql(null, currentSchema(), connectionString);
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${client.escapeIdentifier(schema)}`);
      await client.query(`SET search_path TO ${client.escapeIdentifier(schema)}`);
      await client.query(sql);
    } finally {
      await client.end();
    }
    expect(await describeSchema(migrated)).toEqual(await describeSchema(fromDatamodel));
  });

  it('records each migration in _prisma_migrations exactly as prisma migrate deploy does', async () => {
    const url = freshSchema();
    const result = await migrate(url);
    const files = readMigrations(join(projectRoot(), 'prisma', 'migrations'));
    expect(result.applied).toEqual(files.map((f) => f.name));
    const { connectionString, schema } = parseDatabaseUrl(url);
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at, logs
         FROM ${client.escapeIdentifier(schema)}."_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows).toEqual(
        files.map((f) => ({
          migration_name: f.name,
          checksum: createHash('sha256')
            .update(readFileSync(join(projectRoot(), 'prisma', 'migrations', f.name, 'migration.sql')))
            .digest('hex'),
          finished_at: expect.any(Date),
          applied_steps_count: 1,
          rolled_back_at: null,
          logs: null,
        })),
      );
    } finally {
      await client.end();
    }
  });

  it('applies each migration once when two processes migrate at the same moment', async () => {
    const url = freshSchema();
    const runMigrateProcess = () =>
      new Promise<string>((resolve, reject) => {
        execFile(process.execPath, [join(projectRoot(), 'dist', 'scripts', 'migrate.js')], { env: { ...process.env, DATABASE_URL: url } }, (error, stdout) =>
          error ? reject(error) : resolve(stdout),
        );
      });
    const outputs = await Promise.all([runMigrateProcess(), runMigrateProcess()]);
    const names = readMigrations(join(projectRoot(), 'prisma', 'migrations')).map((f) => f.name);
    expect(outputs.sort()).toEqual([
      `migrations: 0 applied (none), ${names.length} already applied; reference agencies: 0 inserted or updated\n`,
      `migrations: ${names.length} applied (${names.join(', ')}), 0 already applied; reference agencies: ${loadReferenceAgencies().agencies.length} inserted or updated\n`,
    ]);
    expect(await migrate(url)).toEqual({ applied: [], alreadyApplied: names, referenceAgenciesChanged: 0 });
  });

  it('commits migration_lock.toml for the postgresql provider', () => {
    expect(readFileSync(join(projectRoot(), 'prisma', 'migrations', 'migration_lock.toml'), 'utf8')).toMatch(
      /provider = "postgresql"/,
    );
  });
});

describe('complaint_events audit trail', () => {
  let url: string;
  beforeAll(async () => {
    url = testDatabaseUrl();
    await migrate(url);
  });
  afterAll(() => dropSchema(url));

  it('refuses updates and deletes of recorded events', async () => {
    const { connectionString, schema } = parseDatabaseUrl(url);
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      await client.query(`SET search_path TO ${client.escapeIdentifier(schema)}`);
      await client.query(`INSERT INTO complaints (id, tracking_id, workflow_id, title, chronology, occurred_at, regency, classification,
                            channel, anonymous, confidential, policy_version, submitted_at, updated_at)
                          VALUES ('00000000-0000-4000-8000-000000000001', 'LPR-TEST-0001', 'complaint-LPR-TEST-0001', 't', 'c', now(),
                            'Kota Bandung', 'COMPLAINT', 'WEB', false, false, 'v', now(), now())`);
      await client.query(`INSERT INTO complaint_events (complaint_id, seq, type, status, occurred_at)
                          VALUES ('00000000-0000-4000-8000-000000000001', 1, 'SUBMITTED', 'SUBMITTED', now())`);
      await expect(client.query(`UPDATE complaint_events SET type = 'FORGED'`)).rejects.toThrow(/append-only: UPDATE/);
      await expect(client.query(`DELETE FROM complaint_events`)).rejects.toThrow(/append-only: DELETE/);
      expect((await client.query(`SELECT type FROM complaint_events`)).rows).toEqual([{ type: 'SUBMITTED' }]);
    } finally {
      await client.end();
    }
  });
});
