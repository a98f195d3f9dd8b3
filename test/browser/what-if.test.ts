// The what-if page in a real Chromium, against the real API, worker and PostgreSQL: an auditor reaches it
// from the navigation, replays a draft policy over two seeded past complaints, and reads the side-by-side
// table and the complaint whose outcome would differ; axe-core finds nothing serious, the console no error.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { migrate } from '../../src/database/migrator.js';
import { projectRoot } from '../../src/project-root.js';
import type { SlaPolicyVersion } from '../../workflows/messages.js';
import { policyFrom } from '../support/case-harness.js';
import { createAgencies } from '../support/app.js';
import { createOfficers, TEST_PASSWORD, type Officers } from '../support/officers.js';
import { dropSchema, startWorkerProcess, testDatabaseUrl, type NodeProcess } from '../support/stack.js';
import { accessibilityProblems, launchChromium, newVisitor, screenshot, signIn, startConsoleServer, type ConsoleServer, type Visitor } from './support/browser.js';

const CURRENT = policyFrom('config/sla-policy.json', '2026.1');
const TWO_DAYS: SlaPolicyVersion = { ...CURRENT, version: 'draft-2wd', deadlines: { ...CURRENT.deadlines, verification: { workingDays: 2, source: 'what-if' } } };

/** A schema and task queue of its own: the seeded past complaints never had a workflow here. */
describe('the what-if page', () => {
  const databaseUrl = testDatabaseUrl();
  const taskQueue = `what-if-page-${randomUUID()}`;
  let worker: NodeProcess;
  let browser: Browser;
  let server: ConsoleServer;
  let officers: Officers;
  const visitors: Visitor[] = [];
  let late: string;

  /** A complaint submitted Monday 26 January 2026 09:00 WIB and verified `verifiedAt` (3 working days: due Thursday the 29th). */
  async function seed(verifiedAt: string, agencyId: string): Promise<string> {
    const id = randomUUID();
    const trackingId = `LPR-${randomBytes(2).toString('hex').toUpperCase()}-WHAT`;
    const submittedAt = new Date('2026-01-26T09:00:00+07:00');
    await server.t.prisma.complaint.create({
      data: {
        id, trackingId, workflowId: `complaint-${trackingId}`, title: 'Jalan rusak', chronology: 'Lubang.', occurredAt: submittedAt, regency: 'Kota Bandung',
        classification: 'COMPLAINT', channel: 'WEB', anonymous: false, confidential: false, policyVersion: '2026.1', submittedAt, agencyId, status: 'DISPOSED', lastEventSeq: 2,
        workflowStartedAt: submittedAt,
      },
    });
    await server.t.prisma.complaintEvent.createMany({
      data: [
        { complaintId: id, seq: 1, type: 'SUBMITTED', status: 'SUBMITTED', detail: { channel: 'WEB', classification: 'COMPLAINT' }, occurredAt: submittedAt },
        { complaintId: id, seq: 2, type: 'VERIFIED', status: 'DISPOSED', actorId: 'usr-v', actorRole: 'VERIFIER', detail: { agencyId, classification: 'COMPLAINT', complexity: 'SIMPLE' }, occurredAt: new Date(verifiedAt) },
      ],
    });
    return trackingId;
  }

  beforeAll(async () => {
    if (!existsSync(join(projectRoot(), 'dist', 'console', 'index.html'))) throw new Error('dist/console is missing: npm run build builds the console');
    browser = await launchChromium();
    await migrate(databaseUrl);
    worker = await startWorkerProcess({ ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_TASK_QUEUE: taskQueue });
    server = await startConsoleServer({ DATABASE_URL: databaseUrl, TEMPORAL_TASK_QUEUE: taskQueue });
    const agencies = await createAgencies(server.t.prisma);
    officers = await createOfficers(server.t, [agencies.jakarta.id]);
    await seed('2026-01-27T10:00:00+07:00', agencies.jakarta.id);
    late = await seed('2026-01-29T10:00:00+07:00', agencies.jakarta.id);
  });
  afterAll(async () => {
    for (const v of visitors) await v.context.close();
    await browser?.close();
    await server.close();
    await worker.stop();
    await dropSchema(databaseUrl);
  });

  it('replays a draft policy from the auditor’s navigation and shows the report and the differing complaint', async () => {
    const v = await newVisitor(browser);
    visitors.push(v);
    await signIn(v.page, server.base, officers.national.AUDITOR.username, TEST_PASSWORD);
    await v.page.getByRole('link', { name: 'Simulasi kebijakan' }).click();
    await v.page.getByRole('heading', { name: 'Simulasi kebijakan SLA' }).waitFor();
    await v.page.getByLabel('Draf kebijakan (JSON)').fill(JSON.stringify({ versions: [TWO_DAYS] }));
    await v.page.getByLabel('Dari tanggal').fill('2026-01-26');
    await v.page.getByLabel('Sampai sebelum tanggal').fill('2026-01-27');
    await v.page.getByRole('button', { name: 'Jalankan simulasi' }).click();
    const report = v.page.getByRole('region', { name: 'Hasil simulasi dengan kebijakan draft-2wd' });
    await report.getByText('Selesai', { exact: false }).first().waitFor({ timeout: 60_000 });
    // National verification: 2 met, 0 breached now; 1 met, 1 breached (level 1) under 2 days; −50 points.
    const verification = report.getByRole('row', { name: /Verifikasi nasional Verifikasi/ });
    await verification.waitFor();
    expect((await verification.getByRole('cell').allTextContents()).map((c) => c.trim())).toEqual(['Verifikasi', '0', '100', '0 / 0 / 0', '1', '50', '1 / 0 / 0', '-50']);
    await report.getByRole('link', { name: late }).waitFor();
    await v.page.waitForLoadState('networkidle');
    expect(await accessibilityProblems(v.page)).toEqual([]);
    expect(v.problems).toEqual([]);
    await screenshot(v.page, 'simulasi-kebijakan');
  });

  it('is in the navigation of SYSADMIN too', async () => {
    const v = await newVisitor(browser);
    visitors.push(v);
    await signIn(v.page, server.base, officers.national.SYSADMIN.username, TEST_PASSWORD);
    await v.page.getByRole('link', { name: 'Simulasi kebijakan' }).click();
    await v.page.getByRole('heading', { name: 'Simulasi kebijakan SLA' }).waitFor();
    expect(v.problems).toEqual([]);
  });
});
