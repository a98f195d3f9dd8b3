// npm run bench:whatif [-- --complaints N] [-- --batch N]
// Times a what-if replay of N past complaints (default 10,000) through the API and the real worker, on
// loopback only, and stops what it started: a Temporal dev server (unless TEMPORAL_ADDRESS), a fresh
// PostgreSQL schema (TEST_DATABASE_URL, else an embedded server), the compiled worker and API processes.
// The complaints are written straight to PostgreSQL as the projection writes them (rows and
// complaint_events: the usual paths, late verifications, clarifications, redirects, extensions), spread
// over January–October 2026, each marked as having had its workflow (so the worker's reconciler starts none);
// the replay asks "verification within 2 working days instead of 3".
// Prints the figures; writes bench/results/whatif-<timestamp>.json.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DEFAULT_DEMO_PASSWORD, seedAgencies } from '../scripts/seed.js';
import { API_LISTENING } from '../src/common/api-listening.js';
import { parseDatabaseUrl } from '../src/database/database-url.js';
import { migrate } from '../src/database/migrator.js';
import { loadSlaPolicy } from '../src/policy/sla-policy.js';
import { projectRoot } from '../src/project-root.js';
import { databaseServerForTests, dropSchema, freePort, startNodeProcess, startWorkerProcess, temporalForTests, testDatabaseUrl } from '../test/support/stack.js';
import type { SlaPolicyVersion } from '../workflows/messages.js';
import { rssMb, round } from './stats.js';

const argv = process.argv.slice(2);
const numberFlag = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const COMPLAINTS = numberFlag('--complaints', 10_000);
const BATCH = numberFlag('--batch', 250);
const root = projectRoot();
const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const AGENCIES = ['kemendagri', 'kemenkes', 'pemkot-bandung', 'pemprov-sulsel', 'pemkot-denpasar', 'pemprov-papua'];
type Event = { type: string; status: string; at: number; actor: [string, string] | null; detail: Record<string, unknown> };

/** One past complaint's recorded history, chosen by its index: deterministic, varied, as the projection records it. */
function history(i: number): { submittedAt: number; agencyId: string | null; status: string; events: Event[] } {
  const day = Date.parse('2026-01-05T08:00:00+07:00') + (i % 298) * 24 * HOUR;
  const submittedAt = day + (i % 9) * HOUR + (i % 60) * 60_000;
  const agency = AGENCIES[i % AGENCIES.length];
  const other = AGENCIES[(i + 1) % AGENCIES.length];
  // 0 to 119 hours to verify: some within 2 working days, some only within 3, some late under both.
  const verifyAfter = ((i * 7919) % 120) * HOUR;
  const verifier: [string, string] = ['usr-verifikator', 'VERIFIER'];
  const admin: [string, string] = ['usr-admin', 'AGENCY_ADMIN'];
  const liaison: [string, string] = ['usr-liaison', 'LIAISON'];
  const reporter: [string, string] = ['reporter', 'REPORTER'];
  const events: Event[] = [{ type: 'SUBMITTED', status: 'SUBMITTED', at: submittedAt, actor: null, detail: { channel: 'WEB', classification: 'COMPLAINT' } }];
  const add = (type: string, status: string, at: number, actor: [string, string] | null, detail: Record<string, unknown> = {}) => events.push({ type, status, at, actor, detail });
  const agencyPath = (from: number, to: string) => {
    add('ASSIGNED', 'IN_PROGRESS', from + 3 * HOUR, admin, { liaisonId: 'usr-liaison' });
    add('FOLLOWED_UP', 'IN_PROGRESS', from + 30 * HOUR, liaison, { text: 'Ditinjau.' });
    add('RESOLVED', 'AWAITING_FEEDBACK', from + (2 + (i % 20)) * 24 * HOUR, liaison, { answer: 'Selesai.' });
    add('CLOSED', 'CLOSED', from + (4 + (i % 20)) * 24 * HOUR, reporter, { rating: 1 + (i % 5), comment: null });
    return to;
  };
  const verified = (at: number, to: string) => add('VERIFIED', 'DISPOSED', at, verifier, { agencyId: to, classification: 'COMPLAINT', complexity: ['SIMPLE', 'NORMAL', 'INVESTIGATION'][i % 3] });
  let agencyId: string | null = agency;
  switch (i % 10) {
    case 5: // never verified
      agencyId = null;
      break;
    case 6: // archived as spam
      add('ARCHIVED', 'ARCHIVED', submittedAt + verifyAfter, verifier, { reason: 'SPAM', note: null });
      agencyId = null;
      break;
    case 7: // clarification asked, given three days later, then verified
      add('CLARIFICATION_REQUESTED', 'AWAITING_CLARIFICATION', submittedAt + HOUR, verifier, { question: 'Di kelurahan mana?' });
      add('CLARIFICATION_PROVIDED', 'SUBMITTED', submittedAt + 73 * HOUR, reporter, { answer: 'Sukajadi.' });
      verified(submittedAt + 73 * HOUR + verifyAfter / 2, agency);
      agencyPath(submittedAt + 73 * HOUR + verifyAfter / 2, agency);
      break;
    case 8: // redirected the next day to another agency, which answers
      verified(submittedAt + verifyAfter, agency);
      add('REDIRECTED', 'DISPOSED', submittedAt + verifyAfter + 20 * HOUR, admin, { fromAgencyId: agency, toAgencyId: other, reason: 'bukan wewenang', redirects: 1 });
      agencyId = agencyPath(submittedAt + verifyAfter + 20 * HOUR, other);
      break;
    case 9: // verification extended by a working day, then verified
      add('DEADLINE_EXTENDED', 'SUBMITTED', submittedAt + 2 * HOUR, ['usr-atasan', 'SUPERVISOR'], { stage: 'verification', extra: { workingDays: 1 }, approvedBy: 'usr-atasan' });
      verified(submittedAt + verifyAfter, agency);
      agencyPath(submittedAt + verifyAfter, agency);
      break;
    default:
      verified(submittedAt + verifyAfter, agency);
      agencyPath(submittedAt + verifyAfter, agency);
  }
  return { submittedAt, agencyId, status: events.at(-1)!.status, events };
}

async function seedComplaints(db: pg.Client, count: number): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, j) => ({ id: randomUUID(), n: start + j, ...history(start + j) }));
    const complaintValues: unknown[] = [];
    const complaintRows = rows.map((r, k) => {
      const trackingId = `LPR-W${randomBytes(2).toString('hex').toUpperCase()}-${String(r.n).padStart(5, '0')}`;
      complaintValues.push(r.id, trackingId, new Date(r.submittedAt), r.agencyId, r.status, r.events.length);
      const p = k * 6;
      return `($${p + 1}::uuid, $${p + 2}, 'complaint-' || $${p + 2}, 'bench', 'bench', $${p + 3}, 'Kota Bandung', 'COMPLAINT', 'WEB', false, false, $${p + 4}, $${p + 5}::"ComplaintStatus", '2026.1', $${p + 3}, now(), $${p + 6}, $${p + 3})`;
    });
    await db.query(
      `INSERT INTO complaints (id, tracking_id, workflow_id, title, chronology, occurred_at, regency, classification, channel, anonymous, confidential, agency_id, status, policy_version, submitted_at, updated_at, last_event_seq, workflow_started_at) VALUES ${complaintRows.join(',')}`,
      complaintValues,
    );
    const eventValues: unknown[] = [];
    const eventRows = rows.flatMap((r) =>
      r.events.map((e, seq) => {
        eventValues.push(r.id, seq + 1, e.type, e.status, e.actor?.[0] ?? null, e.actor?.[1] ?? null, JSON.stringify(e.detail), new Date(e.at));
        const p = eventValues.length - 8;
        return `($${p + 1}::uuid, $${p + 2}, $${p + 3}, $${p + 4}::"ComplaintStatus", $${p + 5}, $${p + 6}, $${p + 7}::jsonb, $${p + 8})`;
      }),
    );
    await db.query(`INSERT INTO complaint_events (complaint_id, seq, type, status, actor_id, actor_role, detail, occurred_at) VALUES ${eventRows.join(',')}`, eventValues);
  }
}

async function main(): Promise<void> {
  const database = await databaseServerForTests();
  process.env.TEST_DATABASE_URL = database.url;
  const temporal = await temporalForTests();
  const databaseUrl = testDatabaseUrl();
  const cleanups: Array<() => Promise<unknown>> = [() => dropSchema(databaseUrl), () => temporal.stop(), () => database.stop()];
  try {
    await migrate(databaseUrl);
    await seedAgencies(databaseUrl);
    const db = new pg.Client({ connectionString: parseDatabaseUrl(databaseUrl).connectionString });
    await db.connect();
    cleanups.unshift(() => db.end());
    await db.query(`SET search_path TO ${db.escapeIdentifier(parseDatabaseUrl(databaseUrl).schema)}`);
    const seedStarted = Date.now();
    await seedComplaints(db, COMPLAINTS);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    console.log(`seeded ${COMPLAINTS} complaints in ${round(seedSeconds)} s`);
    const { rows: counted } = await db.query(`SELECT count(*)::int AS complaints, (SELECT count(*)::int FROM complaint_events) AS events FROM complaints`);

    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `bench-whatif-${randomBytes(4).toString('hex')}`,
      TEMPORAL_PAYLOAD_KEYS: `bench:${randomBytes(32).toString('base64')}`,
      WHAT_IF_BATCH_SIZE: String(BATCH),
    };
    const worker = await startWorkerProcess(env);
    cleanups.unshift(() => worker.stop());
    const port = await freePort();
    const api = await startNodeProcess(
      join('src', 'main.js'),
      { ...env, PORT: String(port), NODE_ENV: 'production', WORKFLOW_BUNDLE_PATH: join(root, 'dist', 'workflow-bundle.js'), MIGRATE_ON_BOOT: 'false', LOG_LEVEL: 'info', AUTH_SECRET: randomBytes(32).toString('hex') },
      API_LISTENING,
    );
    cleanups.unshift(() => api.stop());
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'auditor', password: DEFAULT_DEMO_PASSWORD }) });
    if (login.status !== 200) throw new Error(`login answered ${login.status}`);
    const auth = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`, 'content-type': 'application/json' };

    console.log('worker and API started; replaying');
    const current = loadSlaPolicy(join(root, 'config', 'sla-policy.json')).version('2026.1');
    const draft: SlaPolicyVersion = { ...current, version: 'bench-2wd', deadlines: { ...current.deadlines, verification: { workingDays: 2, source: 'bench: what if 2 working days' } } };
    const started = Date.now();
    const start = await fetch(`${base}/v1/reports/what-if`, { method: 'POST', headers: auth, body: JSON.stringify({ draftPolicy: { versions: [draft] }, from: '2026-01-01', to: '2026-11-01' }) });
    if (start.status !== 202) throw new Error(`POST /v1/reports/what-if answered ${start.status}: ${await start.text()}`);
    const { id } = (await start.json()) as { id: string };
    let run: { status: string; processed: number; total: number; differing: number; unreplayable: number } | undefined;
    let workerRssMb = 0;
    for (;;) {
      const res = await fetch(`${base}/v1/reports/what-if/${id}`, { headers: auth });
      run = ((await res.json()) as { run: typeof run }).run;
      workerRssMb = Math.max(workerRssMb, rssMb(worker.child.pid) ?? 0);
      if (run!.status !== 'RUNNING') break;
      if ((Date.now() - started) % 5000 < 250) console.log(`  ${run!.processed} / ${run!.total}`);
      await sleep(250);
    }
    const replaySeconds = (Date.now() - started) / 1000;
    if (run!.status !== 'COMPLETED') throw new Error(`the replay ended ${run!.status}`);
    const timed = async (path: string) => {
      const t0 = Date.now();
      const res = await fetch(`${base}${path}`, { headers: auth });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
      return { ms: Date.now() - t0, bytes: body.length };
    };
    const report = await timed(`/v1/reports/what-if/${id}`);
    const csv = await timed(`/v1/reports/what-if/${id}?format=csv`);
    const differencesCsv = await timed(`/v1/reports/what-if/${id}/differences?format=csv`);

    const figures = {
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30) },
      complaints: counted[0].complaints,
      events: counted[0].events,
      batchSize: BATCH,
      seedSeconds: round(seedSeconds),
      replay: {
        seconds: round(replaySeconds),
        complaintsPerSecond: round(run!.processed / replaySeconds),
        processed: run!.processed,
        differing: run!.differing,
        unreplayable: run!.unreplayable,
        workerPeakRssMb: round(workerRssMb),
      },
      reads: { reportMs: report.ms, reportCsvMs: csv.ms, differencesCsvMs: differencesCsv.ms, differencesCsvKb: round(differencesCsv.bytes / 1024) },
    };
    mkdirSync(join(root, 'bench', 'results'), { recursive: true });
    const file = join(root, 'bench', 'results', `whatif-${figures.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(JSON.stringify(figures, null, 2));
    console.log(`\nresults written to ${file}`);
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((e: Error) => console.error(`cleanup: ${e.message}`));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
