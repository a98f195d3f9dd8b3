// Loads the reference agencies (config/reference/agencies.json) into the agencies table: inserted when
// missing, name, zone, kind and area codes brought up to the file when they differ. Idempotent; run by
// the migration runner after the migrations (every boot with MIGRATE_ON_BOOT, npm run db:migrate) and
// by npm run db:seed. An agency the file no longer lists stays (complaints refer to it).
import pg from 'pg';
import { parseDatabaseUrl } from './database-url.js';
import { loadReferenceAgencies } from '../areas/reference-agencies.js';

/** Upserts every reference agency in one statement; answers how many rows it inserted or changed. */
export async function loadReferenceAgenciesInto(client: Pick<pg.Client, 'query'>): Promise<number> {
  const { agencies } = loadReferenceAgencies();
  const { rowCount } = await client.query(
    `INSERT INTO agencies (id, name, time_zone, kind, area_code, province_code)
     SELECT id, name, time_zone, kind::"AgencyKind", area_code, province_code
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, time_zone text, kind text, area_code text, province_code text)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, kind = EXCLUDED.kind,
       area_code = EXCLUDED.area_code, province_code = EXCLUDED.province_code
     WHERE (agencies.name, agencies.time_zone, agencies.kind, agencies.area_code, agencies.province_code)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.time_zone, EXCLUDED.kind, EXCLUDED.area_code, EXCLUDED.province_code)`,
    [
      JSON.stringify(
        agencies.map((a) => ({ id: a.id, name: a.name, time_zone: a.timeZone, kind: a.kind, area_code: a.areaCode, province_code: a.provinceCode })),
      ),
    ],
  );
  return rowCount ?? 0;
}

/** The same, on its own connection to DATABASE_URL's schema (for npm run db:seed). */
export async function loadReferenceAgenciesAt(databaseUrl: string): Promise<number> {
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${client.escapeIdentifier(schema)}`);
    return await loadReferenceAgenciesInto(client);
  } finally {
    await client.end();
  }
}
