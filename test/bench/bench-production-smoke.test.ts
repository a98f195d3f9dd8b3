import pg from 'pg';
import { ensureTemporalServer, TEMPORAL_SERVER_VERSION } from '../../scripts/production-like.js';
import { parseDatabaseUrl } from '../../src/database/database-url.js';
import { runBench } from '../support/bench.js';

// The first build of the Temporal server takes minutes (a few on this machine, more on a cold CI runner).
const BUILD_TIMEOUT_MS = 20 * 60_000;

/**
 * `npm run bench -- --smoke --server production`: the bench starts the real Temporal server on PostgreSQL itself
 * (a pair of databases of its own on the test run's PostgreSQL server), runs every scenario against it, reports
 * the server's memory, and stops it and drops its databases. Asserts that figures exist, never their values.
 */
describe('bench --smoke --server production', () => {
  beforeAll(() => ensureTemporalServer(), BUILD_TIMEOUT_MS); // the one build of a run, into .tools/bin (cached afterwards)

  it('runs every scenario against the real Temporal server on PostgreSQL and leaves no database behind', async () => {
    // The test stack's dev server is not this bench's: it starts its own server.
    const { TEMPORAL_ADDRESS: _devServer, ...env } = process.env;
    const { output, report } = await runBench(['--smoke', '--server', 'production'], env);
    expect(output).toContain(`Temporal server ${TEMPORAL_SERVER_VERSION} on PostgreSQL`);
    expect(output).toMatch(/deadline storm/);
    expect(report.mode).toBe('smoke');
    expect(report.server.kind).toBe('production');
    const number = expect.any(Number);
    expect(report).toMatchObject({
      raw: { startsPerSecond: number, updateRoundTripMs: { p99: number }, timerStorm: { latenessMs: { p99: number } } },
      officerAction: { verifyMs: { p99: number } },
      storm: { latenessMs: { p99: number }, missed: number },
      notificationDelivery: { delivered: number },
      // What the dev server through TEMPORAL_ADDRESS cannot give: the server's memory, the bench having started it.
      capacity: { temporalServerRssMb: number },
    });
    expect(report.intake.steps[0].latencyMs.p95).toEqual(number);

    const databases: string[] = report.server.databases;
    expect(databases).toHaveLength(2);
    const client = new pg.Client({ connectionString: parseDatabaseUrl(process.env.TEST_DATABASE_URL!).connectionString });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname = ANY($1)', [databases]);
      expect(rows).toEqual([]);
    } finally {
      await client.end();
    }
  }, 240_000);
});
