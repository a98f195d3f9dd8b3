// The console and the citizen pages in a real Chromium, against the real API, Temporal and PostgreSQL:
// each role's journey through one complaint, axe-core on every page (0 serious or critical), and no
// console error on any page (a CSP refusal would show there).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { projectRoot } from '../../src/project-root.js';
import { createAgencies, eventually } from '../support/app.js';
import { jpegWithExif, smallPdf } from '../support/evidence-files.js';
import { ComplaintDriver, LIAISON } from '../support/lifecycle.js';
import { createOfficers, TEST_PASSWORD, type Officers } from '../support/officers.js';
import { accessibilityProblems, launchChromium, newVisitor, screenshot, signIn, startConsoleServer, untilVisible, type ConsoleServer, type Visitor } from './support/browser.js';

/** A journey signs in five people in a shared machine's browser: minutes, not the default minute. */
const JOURNEY_TIMEOUT_MS = 240_000;

let browser: Browser;
const visitors: Visitor[] = [];

async function visitor(): Promise<Visitor> {
  const v = await newVisitor(browser);
  visitors.push(v);
  return v;
}

/** The checks every page gets. */
async function checkPage(v: Visitor, name: string): Promise<void> {
  await v.page.waitForLoadState('networkidle');
  expect(await accessibilityProblems(v.page)).toEqual([]);
  expect(v.problems).toEqual([]);
  await screenshot(v.page, name);
}

beforeAll(async () => {
  if (!existsSync(join(projectRoot(), 'dist', 'console', 'index.html'))) throw new Error('dist/console is missing: npm run build builds the console');
  browser = await launchChromium();
});

afterAll(async () => {
  for (const v of visitors) await v.context.close();
  await browser?.close();
});

describe('a complaint from the citizen to the answer, through every officer in the browser', () => {
  let server: ConsoleServer;
  let officers: Officers;
  let agencyId: string;

  beforeAll(async () => {
    server = await startConsoleServer();
    const agencies = await createAgencies(server.t.prisma);
    agencyId = agencies.jakarta.id;
    // The agency with the officers plays Kota Bandung's government, as the demo's pemkot-bandung does.
    await server.t.prisma.agency.update({ where: { id: agencyId }, data: { name: 'Pemerintah Kota Bandung (demo)', areaCode: '32.73', provinceCode: '32' } });
    officers = await createOfficers(server.t, Object.values(agencies).map((a) => a.id));
  });
  afterAll(() => server.close());

  it('citizen submits, verifier verifies, agency admin assigns, liaison follows up and resolves, citizen accepts and rates; auditor reads the timeline', async () => {
    // The citizen: no account.
    const citizen = await visitor();
    await citizen.page.goto(`${server.base}/console/`);
    await checkPage(citizen, 'beranda');
    await citizen.page.getByRole('link', { name: 'Buat laporan' }).first().click();
    // Letters only: the public list scrubs long digit runs (NIK-like numbers) from published text.
    const title = `Jalan berlubang di depan SD Negeri ${randomBytes(4).toString('hex').replace(/\d/g, 'x')}`;
    await citizen.page.getByLabel('Apa yang terjadi? (judul singkat)').fill(title);
    await citizen.page.getByLabel('Di mana? (kabupaten/kota)').fill('Kota Bandung');
    await citizen.page.getByLabel('Kapan terjadi?').fill('2026-11-02T09:30');
    await citizen.page.getByLabel('Kronologi').fill('Lubang besar sejak awal November; dua pengendara motor jatuh minggu lalu.');
    await citizen.page.getByLabel('Nomor telepon').fill('+6281234567890');
    await checkPage(citizen, 'lapor');
    await citizen.page.getByRole('button', { name: 'Kirim laporan' }).click();
    const trackingId = (await citizen.page.getByTestId('tracking-id').textContent())!.trim();
    const accessCode = (await citizen.page.getByTestId('access-code').textContent())!.trim();
    expect(trackingId).toMatch(/^LPR-/);
    await checkPage(citizen, 'tanda-terima');

    // The verifier: inbox, complaint page, verify and dispose to a suggested agency.
    const verifier = await visitor();
    await signIn(verifier.page, server.base, officers.national.VERIFIER.username, TEST_PASSWORD);
    expect(new URL(verifier.page.url()).pathname).toBe('/console/antrian/verifikasi');
    await untilVisible(verifier.page, verifier.page.getByRole('link', { name: trackingId }));
    await checkPage(verifier, 'kotak-verifikasi');
    await verifier.page.getByRole('link', { name: trackingId }).click();
    await verifier.page.getByRole('heading', { name: title }).waitFor();
    const verifyForm = verifier.page.getByRole('form', { name: 'Verifikasi dan disposisi' });
    const suggestions = verifyForm.getByRole('group', { name: 'Saran disposisi' });
    // Kota Bandung's government first (no liaison yet), its demo stand-in with the liaisons, the province, then ministries by keywords.
    await suggestions.getByRole('radio', { name: 'Pemerintah Kota Bandung (demo) (WIB)' }).waitFor();
    expect(await Promise.all((await suggestions.getByRole('radio').all()).map((radio) => radio.getAttribute('value')))).toEqual(
      expect.arrayContaining(['pemkot-3273', agencyId, 'pemprov-32', 'kementerian-pu']),
    );
    expect(await suggestions.getByRole('radio').first().getAttribute('value')).toBe('pemkot-3273');
    await checkPage(verifier, 'pengaduan-verifikasi');
    await suggestions.getByRole('radio', { name: 'Pemerintah Kota Bandung (demo) (WIB)' }).check();
    expect(await verifyForm.getByLabel('Instansi', { exact: true }).inputValue()).toBe(agencyId);
    await verifyForm.getByLabel('Tingkat kerumitan').selectOption('SIMPLE');
    await verifyForm.getByRole('button', { name: 'Verifikasi' }).click();
    await verifier.page.getByTestId('action-done').getByText('Tersimpan: Verifikasi dan disposisi.').waitFor();
    await eventually(async () => ((await server.t.prisma.complaint.findUnique({ where: { trackingId } }))?.status === 'DISPOSED' ? true : undefined));

    // The agency admin: agency queue, assign a liaison of a unit (unit and liaison pickers).
    const admin = await visitor();
    const agencyOfficers = officers.byAgency[agencyId];
    await signIn(admin.page, server.base, agencyOfficers.AGENCY_ADMIN.username, TEST_PASSWORD);
    expect(new URL(admin.page.url()).pathname).toBe('/console/antrian/instansi');
    await untilVisible(admin.page, admin.page.getByRole('link', { name: trackingId }));
    await checkPage(admin, 'antrean-instansi');
    await admin.page.getByRole('link', { name: trackingId }).click();
    const assignForm = admin.page.getByRole('form', { name: 'Tugaskan pejabat penghubung' });
    await assignForm.getByLabel('Unit').selectOption({ label: 'Bagian Pengaduan' });
    await assignForm.getByLabel('Pejabat penghubung').selectOption(agencyOfficers.LIAISON.id);
    await checkPage(admin, 'pengaduan-penugasan');
    await assignForm.getByRole('button', { name: 'Tugaskan pejabat penghubung' }).click();
    await admin.page.getByTestId('action-done').getByText('Tersimpan: Tugaskan pejabat penghubung.').waitFor();

    // The liaison: "Tugas saya", a follow-up, then the final answer.
    const liaison = await visitor();
    await signIn(liaison.page, server.base, agencyOfficers.LIAISON.username, TEST_PASSWORD);
    expect(new URL(liaison.page.url()).pathname).toBe('/console/antrian/tugas-saya');
    await untilVisible(liaison.page, liaison.page.getByRole('link', { name: trackingId }));
    await checkPage(liaison, 'tugas-saya');
    await liaison.page.getByRole('link', { name: trackingId }).click();
    const followUp = liaison.page.getByRole('form', { name: 'Catat tindak lanjut' });
    await followUp.getByLabel('Tindak lanjut').fill('Tim sudah meninjau lokasi; penambalan dijadwalkan Kamis.');
    await followUp.getByRole('button', { name: 'Kirim' }).click();
    await liaison.page.getByTestId('action-done').getByText('Tersimpan: Catat tindak lanjut.').waitFor();
    const resolve = liaison.page.getByRole('form', { name: 'Beri jawaban akhir' });
    await resolve.getByLabel('Jawaban akhir').fill('Lubang sudah ditambal pada hari Kamis.');
    await checkPage(liaison, 'pengaduan-tindak-lanjut');
    await resolve.getByRole('button', { name: 'Kirim' }).click();
    await eventually(async () => ((await server.t.prisma.complaint.findUnique({ where: { trackingId } }))?.status === 'AWAITING_FEEDBACK' ? true : undefined));

    // The citizen again: tracking page, accept with a rating of 4.
    await citizen.page.goto(`${server.base}/console/lacak?id=${trackingId}`);
    await citizen.page.getByLabel('Kode akses').fill(accessCode);
    await citizen.page.getByRole('button', { name: 'Lihat laporan' }).click();
    await citizen.page.getByText('Jawaban sudah diberikan, menunggu tanggapan Anda').waitFor();
    await citizen.page.getByText('Lubang sudah ditambal pada hari Kamis.').waitFor();
    await checkPage(citizen, 'lacak');
    const accept = citizen.page.getByRole('form', { name: 'Terima jawaban' });
    await accept.getByLabel('4 dari 5').check();
    await accept.getByRole('button', { name: 'Terima dan beri nilai' }).click();
    await citizen.page.getByText('Penilaian Anda: 4 dari 5.').waitFor();
    const closed = await server.t.prisma.complaint.findUniqueOrThrow({ where: { trackingId } });
    expect(closed.status).toBe('CLOSED');

    // The public list shows it (verified, not confidential), without the reporter.
    await citizen.page.goto(`${server.base}/console/publik`);
    await citizen.page.getByRole('heading', { name: title }).waitFor();
    await checkPage(citizen, 'publik');
    expect(await citizen.page.content()).not.toContain('+6281234567890');

    // The auditor: the timeline of the whole journey, and the SLA report.
    const auditor = await visitor();
    await signIn(auditor.page, server.base, officers.national.AUDITOR.username, TEST_PASSWORD);
    expect(new URL(auditor.page.url()).pathname).toBe('/console/riwayat');
    await auditor.page.getByLabel('Nomor pelacakan').fill(trackingId);
    await auditor.page.getByRole('button', { name: 'Buka' }).click();
    const steps = auditor.page.getByRole('list', { name: 'Langkah-langkah' });
    await steps.getByText('memverifikasi pengaduan', { exact: false }).first().waitFor();
    await steps.getByText('menerima jawaban', { exact: false }).first().waitFor();
    await checkPage(auditor, 'riwayat');
    await auditor.page.getByRole('link', { name: 'Laporan SLA' }).click();
    await auditor.page.getByRole('img', { name: 'Verifikasi tepat waktu (%)' }).waitFor();
    await checkPage(auditor, 'laporan-sla');
    const [csv] = await Promise.all([auditor.page.waitForEvent('download'), auditor.page.getByRole('button', { name: 'Unduh CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);

    // English on request, for every text.
    await auditor.page.getByRole('button', { name: 'English' }).click();
    await auditor.page.getByRole('heading', { name: 'SLA compliance report' }).waitFor();
    await checkPage(auditor, 'laporan-sla-en');
  }, JOURNEY_TIMEOUT_MS);

  it("lets the citizen answer an officer's question and dispute the answer", async () => {
    const driver = new ComplaintDriver(server.t, officers);
    const trackingId = await driver.submit();
    await driver.act(trackingId, 'request-clarification', { question: 'Di kelurahan mana tepatnya?' });
    const citizen = await visitor();
    await citizen.page.goto(`${server.base}/console/lacak?id=${trackingId}`);
    await citizen.page.getByLabel('Kode akses').fill(driver.accessCode(trackingId));
    await citizen.page.getByRole('button', { name: 'Lihat laporan' }).click();
    await citizen.page.getByText('Di kelurahan mana tepatnya?').waitFor();
    await citizen.page.getByText('Menunggu keterangan dari Anda').waitFor();
    await checkPage(citizen, 'lacak-pertanyaan');
    // A photo for the answer, attached before answering (while the officer awaits details).
    const attach = citizen.page.getByRole('form', { name: 'Lampirkan berkas' });
    await attach.getByLabel('Berkas (JPEG, PNG, WebP atau PDF)').setInputFiles({ name: 'depan-sd.jpg', mimeType: 'image/jpeg', buffer: jpegWithExif() });
    await attach.getByRole('button', { name: 'Unggah' }).click();
    await attach.getByRole('status').getByText('1 berkas terunggah.').waitFor();
    await citizen.page.getByRole('cell', { name: /depan-sd\.jpg/ }).waitFor();
    const answer = citizen.page.getByRole('form', { name: 'Jawab pertanyaan petugas' });
    await answer.getByLabel('Jawaban Anda').fill('Kelurahan Cihapit, depan SD Negeri.');
    await answer.getByRole('button', { name: 'Kirim jawaban' }).click();
    await citizen.page.getByText('Sedang diverifikasi').waitFor();

    await driver.act(trackingId, 'verify', { agencyId, complexity: 'SIMPLE' });
    await driver.act(trackingId, 'assign', { liaisonId: LIAISON });
    await driver.act(trackingId, 'resolve', { answer: 'Sudah kami tambal.' });
    await citizen.page.reload();
    await citizen.page.getByLabel('Kode akses').fill(driver.accessCode(trackingId));
    await citizen.page.getByRole('button', { name: 'Lihat laporan' }).click();
    const dispute = citizen.page.getByRole('form', { name: 'Ajukan keberatan' });
    await dispute.getByLabel('Mengapa jawaban belum menyelesaikan masalah?').fill('Lubangnya masih ada; hanya ditutup papan.');
    await dispute.getByRole('button', { name: 'Kirim keberatan' }).click();
    await citizen.page.getByText('Sedang ditindaklanjuti instansi').waitFor();
    expect((await server.t.prisma.complaint.findUniqueOrThrow({ where: { trackingId } })).status).toBe('IN_PROGRESS');
    expect(citizen.problems).toEqual([]);
  }, JOURNEY_TIMEOUT_MS);

  it('takes evidence photos with the report, lists them on the complaint page, and shows a published photo, still a decodable image without its EXIF', async () => {
    const citizen = await visitor();
    await citizen.page.goto(`${server.base}/console/lapor`);
    await citizen.page.getByLabel('Apa yang terjadi? (judul singkat)').fill('Lampu jalan mati sebulan');
    await citizen.page.getByLabel('Di mana? (kabupaten/kota)').fill('Kota Bandung');
    await citizen.page.getByLabel('Kapan terjadi?').fill('2026-11-02T19:30');
    await citizen.page.getByLabel('Kronologi').fill('Lampu jalan di Jl. Merdeka mati sejak awal November.');
    await citizen.page.getByLabel('Berkas (JPEG, PNG, WebP atau PDF)').setInputFiles([
      { name: 'lampu-mati.jpg', mimeType: 'image/jpeg', buffer: jpegWithExif() },
      { name: 'surat-rt.pdf', mimeType: 'application/pdf', buffer: smallPdf() },
    ]);
    await citizen.page.getByRole('button', { name: 'Kirim laporan' }).click();
    const trackingId = (await citizen.page.getByTestId('tracking-id').textContent())!.trim();
    expect(await citizen.page.getByRole('alert').count()).toBe(0);
    expect(await server.t.prisma.attachment.count({ where: { complaint: { trackingId } } })).toBe(2);

    await request(server.t.http).post(`/v1/complaints/${trackingId}/verify`).set(officers.national.VERIFIER.auth).send({ agencyId, complexity: 'SIMPLE' }).expect(200);
    const verifier = await visitor();
    await signIn(verifier.page, server.base, officers.national.VERIFIER.username, TEST_PASSWORD);
    await verifier.page.goto(`${server.base}/console/pengaduan/${trackingId}`);
    const files = verifier.page.getByRole('table').filter({ hasText: 'lampu-mati.jpg' });
    await files.getByText('surat-rt.pdf').waitFor();
    await checkPage(verifier, 'pengaduan-berkas');
    await files.getByRole('row', { name: /lampu-mati\.jpg/ }).getByRole('button', { name: 'Tampilkan ke publik' }).click();
    await files.getByRole('row', { name: /lampu-mati\.jpg/ }).getByRole('button', { name: 'Tarik dari publik' }).waitFor();

    // The published photo, fetched and decoded by the browser: an 8×8 image, with none of the author's EXIF.
    const [published] = (await request(server.t.http).get(`/v1/public/complaints/${trackingId}/attachments`).expect(200)).body.items as { url: string }[];
    const decoded = await verifier.page.evaluate(async (url) => {
      // The browser's decoder (the test's own types have no DOM).
      const browser = globalThis as unknown as { createImageBitmap(image: Blob): Promise<{ width: number; height: number }> };
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const bitmap = await browser.createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
      return { width: bitmap.width, height: bitmap.height, text: new TextDecoder('latin1').decode(bytes) };
    }, published.url);
    expect({ width: decoded.width, height: decoded.height }).toEqual({ width: 8, height: 8 });
    expect(decoded.text).not.toContain('Budi Santoso');
    expect(citizen.problems).toEqual([]);
    expect(verifier.problems).toEqual([]);
  }, JOURNEY_TIMEOUT_MS);

  it('answers a refused action with a plain sentence', async () => {
    const driver = new ComplaintDriver(server.t, officers);
    const trackingId = await driver.submit();
    const verifier = await visitor();
    await signIn(verifier.page, server.base, officers.national.VERIFIER.username, TEST_PASSWORD);
    await verifier.page.goto(`${server.base}/console/pengaduan/${trackingId}`);
    const verifyForm = verifier.page.getByRole('form', { name: 'Verifikasi dan disposisi' });
    // The picker lists some 620 agencies: narrowed by a search, the agency stays one choice among few.
    await verifyForm.getByLabel('Cari (nama atau kode)').fill('kota bandung demo');
    expect(await verifyForm.getByLabel('Instansi', { exact: true }).locator('option').count()).toBe(2);
    await verifyForm.getByLabel('Instansi', { exact: true }).selectOption(agencyId);
    // Another verifier disposes it first; this page still offers "verify", and the API refuses it (409).
    await driver.act(trackingId, 'verify', { agencyId, complexity: 'SIMPLE' });
    await verifyForm.getByRole('button', { name: 'Verifikasi' }).click();
    const alert = verifyForm.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tindakan ini tidak bisa dilakukan pada tahap pengaduan saat ini.');
    expect(verifier.problems).toEqual([]);
  }, JOURNEY_TIMEOUT_MS);
});

describe('a supervisor sees a breach arrive and acknowledges it', () => {
  let server: ConsoleServer;
  let officers: Officers;
  let agencyId: string;

  beforeAll(async () => {
    // Every officer clock in seconds: the assignment deadline passes two seconds after disposal.
    server = await startConsoleServer({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-agency-seconds.json' });
    const agencies = await createAgencies(server.t.prisma);
    agencyId = agencies.makassar.id;
    officers = await createOfficers(server.t, Object.values(agencies).map((a) => a.id));
  });
  afterAll(() => server.close());

  it('shows the level-1 escalation in the inbox and the navigation count, and takes the acknowledgement with a comment', async () => {
    const supervisor = await visitor();
    const agencyOfficers = officers.byAgency[agencyId];
    await signIn(supervisor.page, server.base, agencyOfficers.SUPERVISOR.username, TEST_PASSWORD);
    expect(new URL(supervisor.page.url()).pathname).toBe('/console/antrian/berisiko');
    await checkPage(supervisor, 'berisiko');
    await supervisor.page.getByRole('link', { name: /^Eskalasi/ }).click();
    await supervisor.page.getByText('Tidak ada eskalasi.').waitFor();

    // The complaint is disposed to the supervisor's agency and nobody assigns it.
    const driver = new ComplaintDriver(server.t, officers);
    const trackingId = await driver.submit();
    await driver.act(trackingId, 'verify', { agencyId, complexity: 'SIMPLE' });

    // The inbox refreshes by itself: no reload.
    const row = supervisor.page.getByRole('row').filter({ has: supervisor.page.getByRole('link', { name: trackingId }) }).filter({ hasText: 'Penugasan pejabat penghubung' });
    await row.waitFor({ timeout: 30_000 });
    await row.getByText('Tingkat 1').waitFor();
    await row.getByText(/terlambat/).waitFor();
    // The navigation counts it too (refreshed on its own).
    const badge = supervisor.page.getByTestId('count-openEscalations');
    await eventually(async () => (Number(await badge.textContent()) >= 1 ? true : undefined), 30_000);
    await checkPage(supervisor, 'eskalasi');

    await row.getByLabel('Komentar (tidak wajib)').fill('Admin instansi sudah diingatkan.');
    await row.getByRole('button', { name: 'Tanggapi' }).click();
    const acknowledged = await eventually(async () => {
      const escalation = await server.t.prisma.escalation.findFirst({ where: { complaint: { trackingId }, level: 1, stage: 'assignment' } });
      return escalation?.acknowledgedAt ? escalation : undefined;
    });
    expect(acknowledged).toMatchObject({ acknowledgedBy: agencyOfficers.SUPERVISOR.id, acknowledgementComment: 'Admin instansi sudah diingatkan.' });
    // Acknowledged, it leaves the list of open escalations.
    await row.waitFor({ state: 'detached', timeout: 15_000 });

    // The breached view lists it, with its escalation level.
    await supervisor.page.getByRole('link', { name: /^Terlambat/ }).click();
    await untilVisible(supervisor.page, supervisor.page.getByRole('link', { name: trackingId }));
    await checkPage(supervisor, 'terlambat');

    // Its page explains the missed deadline.
    await supervisor.page.getByRole('link', { name: trackingId }).click();
    await supervisor.page.getByRole('heading', { name: 'Tenggat', exact: true }).waitFor();
    await supervisor.page.getByText('Mengapa tenggat ini?').first().click();
    await checkPage(supervisor, 'pengaduan-tenggat');
  }, JOURNEY_TIMEOUT_MS);
});

describe('a SYSADMIN creates an officer who then signs in', () => {
  let server: ConsoleServer;
  let officers: Officers;

  beforeAll(async () => {
    server = await startConsoleServer();
    const agencies = await createAgencies(server.t.prisma);
    officers = await createOfficers(server.t, [agencies.jakarta.id]);
  });
  afterAll(() => server.close());

  it('creates a liaison with a unit, and the new officer signs in to "Tugas saya"', async () => {
    const sysadmin = await visitor();
    await signIn(sysadmin.page, server.base, officers.national.SYSADMIN.username, TEST_PASSWORD);
    expect(new URL(sysadmin.page.url()).pathname).toBe('/console/admin');
    // The header names the officer (GET /v1/auth/me), not an ID.
    await sysadmin.page.getByTestId('signed-in-as').getByText('sysadmin · Administrator sistem').waitFor();
    await sysadmin.page.getByRole('table', { name: 'Petugas' }).waitFor();
    await checkPage(sysadmin, 'administrasi');
    const form = sysadmin.page.getByRole('form', { name: 'Petugas baru' });
    const username = `penghubung-${Date.now()}`;
    await form.getByLabel('Nama pengguna').fill(username);
    await form.getByLabel('Nama tampilan').fill('Pejabat Penghubung Baru');
    await form.getByLabel('Peran').selectOption('LIAISON');
    const agencyId = Object.keys(officers.byAgency)[0];
    await form.getByLabel('Instansi').selectOption(agencyId);
    await form.getByLabel('Unit').selectOption({ label: 'Bagian Pengaduan' });
    await checkPage(sysadmin, 'administrasi-petugas-baru');
    await form.getByRole('button', { name: 'Buat' }).click();
    const password = (await sysadmin.page.getByTestId('temporary-password').textContent())!.trim();
    await sysadmin.page.getByRole('cell', { name: username, exact: true }).waitFor();
    const created = await server.t.prisma.user.findUniqueOrThrow({ where: { username } });
    expect(created).toMatchObject({ role: 'LIAISON', agencyId, unitId: `unit-${agencyId}-pengaduan`, active: true });

    // The other administration pages, each with the same checks.
    for (const [tab, ready, name] of [
      ['Instansi dan unit', sysadmin.page.getByRole('form', { name: 'Unit baru' }), 'administrasi-instansi'],
      ['Kalender kerja', sysadmin.page.getByRole('form', { name: 'Unggah kalender satu tahun' }), 'administrasi-kalender'],
      ['Kebijakan SLA', sysadmin.page.getByRole('table', { name: 'Tangga eskalasi' }).first(), 'administrasi-kebijakan'],
    ] as const) {
      await sysadmin.page.getByRole('tab', { name: tab }).click();
      await ready.waitFor();
      await checkPage(sysadmin, name);
    }

    const newcomer = await visitor();
    await signIn(newcomer.page, server.base, username, password);
    expect(new URL(newcomer.page.url()).pathname).toBe('/console/antrian/tugas-saya');
    await newcomer.page.getByTestId('signed-in-as').getByText('Pejabat Penghubung Baru · Pejabat penghubung').waitFor();
    await checkPage(newcomer, 'tugas-saya-petugas-baru');
  }, JOURNEY_TIMEOUT_MS);

  it('serves deep links, cacheable hashed assets and an uncached index.html under the API’s CSP', async () => {
    const deep = await request(server.t.http).get('/console/pengaduan/LPR-AAAA-BBBB').expect(200);
    expect(deep.headers['content-type']).toMatch(/text\/html/);
    expect(deep.headers['cache-control']).toBe('no-store');
    expect(deep.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = /src="\/console\/(assets\/[^"]+\.js)"/.exec(deep.text)![1];
    const js = await request(server.t.http).get(`/console/${asset}`).expect(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The API itself is not swallowed by the console's fallback.
    await request(server.t.http).get('/v1/complaints').expect(401);
  });

  it('has no serious or critical accessibility problem on the sign-in page, in either language', async () => {
    const v = await visitor();
    await v.page.goto(`${server.base}/console/masuk`);
    await checkPage(v, 'masuk');
    await v.page.getByRole('button', { name: 'English' }).click();
    await v.page.getByRole('heading', { name: 'Officer sign-in' }).waitFor();
    await checkPage(v, 'masuk-en');
    await v.page.getByLabel('Username').fill('nobody');
    await v.page.getByLabel('Password').fill('wrong-password');
    await v.page.getByRole('button', { name: 'Sign in' }).click();
    await v.page.getByRole('alert').waitFor();
    expect(await v.page.getByRole('alert').textContent()).toContain('Wrong username or password');
  }, JOURNEY_TIMEOUT_MS);
});
