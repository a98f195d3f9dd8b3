// The Ombudsman evidence pack in a real Chromium: the reporter consents on the tracking page and downloads
// the own pack; the Ombudsman downloads it from the level-3 inbox. Files read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../src/project-root.js';
import { eventually } from '../support/app.js';
import { ComplaintDriver } from '../support/lifecycle.js';
import { createOfficers, TEST_PASSWORD, type Officers } from '../support/officers.js';
import { accessibilityProblems, launchChromium, newVisitor, signIn, startConsoleServer, type ConsoleServer, type Visitor } from './support/browser.js';

const TIMEOUT_MS = 180_000;

let browser: Browser;
let server: ConsoleServer;
let officers: Officers;
let driver: ComplaintDriver;
const visitors: Visitor[] = [];

beforeAll(async () => {
  if (!existsSync(join(projectRoot(), 'dist', 'console', 'index.html'))) throw new Error('dist/console is missing: npm run build builds the console');
  browser = await launchChromium();
  // Verification in seconds: nobody verifies, and the national ladder reaches the Ombudsman in about six.
  server = await startConsoleServer({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-seconds.json' });
  officers = await createOfficers(server.t, []);
  driver = new ComplaintDriver(server.t, officers);
});

afterAll(async () => {
  for (const v of visitors) await v.context.close();
  await browser?.close();
  await server?.close();
});

async function visitor(): Promise<Visitor> {
  const v = await newVisitor(browser);
  visitors.push(v);
  return v;
}

/** Clicks `click` and answers the text of the PDF the page downloads. */
async function downloadedPdfText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const reachedLevel3 = (trackingId: string) =>
  eventually(async () => ((await server.t.prisma.escalation.count({ where: { complaint: { trackingId }, level: 3 } })) > 0 ? true : undefined), 30_000);

describe('the Ombudsman evidence pack in the browser', () => {
  it('the reporter consents on the tracking page, and the downloaded pack then names them', async () => {
    const trackingId = await driver.submit();
    await reachedLevel3(trackingId);
    const citizen = await visitor();
    await citizen.page.goto(`${server.base}/console/lacak?id=${trackingId}`);
    await citizen.page.getByLabel('Kode akses').fill(driver.accessCode(trackingId));
    await citizen.page.getByRole('button', { name: 'Lihat laporan' }).click();
    const section = citizen.page.getByRole('region', { name: 'Berkas bukti untuk Ombudsman' });
    await section.waitFor();
    await citizen.page.waitForLoadState('networkidle');
    expect(await accessibilityProblems(citizen.page)).toEqual([]);

    const before = await downloadedPdfText(citizen.page, () => section.getByRole('button', { name: 'Unduh berkas bukti (PDF)' }).click());
    expect(before).toContain('Berkas bukti untuk Ombudsman: penundaan berlarut');
    expect(before).toContain('Identitas pelapor tidak dicantumkan');
    expect(before).not.toContain('Siti Rahmawati');

    await section.getByRole('button', { name: 'Saya setuju identitas saya dicantumkan untuk Ombudsman' }).click();
    await section.getByTestId('ombudsman-consent').waitFor();
    const consent = await server.t.prisma.ombudsmanConsent.findFirstOrThrow({ where: { complaint: { trackingId } } });
    expect(consent.givenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const after = await downloadedPdfText(citizen.page, () => section.getByRole('button', { name: 'Unduh berkas bukti (PDF)' }).click());
    expect(after).toContain('Siti Rahmawati');
    expect(citizen.problems).toEqual([]);
  }, TIMEOUT_MS);

  it('the Ombudsman downloads the pack from the level-3 inbox, and the download is audited', async () => {
    const trackingId = await driver.submit();
    await reachedLevel3(trackingId);
    const ombudsman = await visitor();
    await signIn(ombudsman.page, server.base, officers.national.OMBUDSMAN.username, TEST_PASSWORD);
    await ombudsman.page.getByRole('link', { name: /^Eskalasi/ }).first().click();
    const row = ombudsman.page.getByRole('row').filter({ has: ombudsman.page.getByRole('link', { name: trackingId }) });
    await row.waitFor({ timeout: 30_000 });
    await row.getByText('Tingkat 3').waitFor();
    await ombudsman.page.waitForLoadState('networkidle');
    expect(await accessibilityProblems(ombudsman.page)).toEqual([]);
    const text = await downloadedPdfText(ombudsman.page, () => row.getByRole('button', { name: `PDF berkas bukti Ombudsman untuk ${trackingId}` }).click());
    expect(text).toContain(trackingId);
    expect(text).toContain('Tingkat 3, verification');
    const audited = await server.t.prisma.auditLog.findMany({ where: { trackingId, action: 'EVIDENCE_PACK_DOWNLOADED' } });
    expect(audited.map((r) => [r.actorId, r.actorRole])).toEqual([[officers.national.OMBUDSMAN.id, 'OMBUDSMAN']]);
    expect(ombudsman.problems).toEqual([]);
  }, TIMEOUT_MS);
});
