// The Ombudsman evidence pack of a complaint that climbed the whole ladder with a seconds policy: the PDF
// read back with poppler (pdftotext for the facts, pdftoppm for page 1 as a picture), the JSON's digests
// recomputed and verified against Temporal's history, identity only with the reporter's consent, scoping,
// audit of every download, and bad input.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request, { type Test } from 'supertest';
import { projectRoot } from '../../src/project-root.js';
import { canonicalJson, sha256Hex, type EvidencePackDocument } from '../../src/evidence-pack/evidence-pack.js';
import { createAgencies, createTestApp, eventually, insertComplaintRow, type TestApp } from '../support/app.js';
import { ComplaintDriver, driverFor, LIAISON } from '../support/lifecycle.js';

/** Binary answers (the PDF) as a Buffer. */
const asBuffer = (test: Test) =>
  test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** README "How a copy is verified": the one-liner that recomputes a JSON pack's content digest. */
const README_CHECK =
  'const c=v=>v===null||typeof v!=="object"?JSON.stringify(v):Array.isArray(v)?"["+v.map(c).join(",")+"]":"{"+Object.keys(v).sort().map(k=>JSON.stringify(k)+":"+c(v[k])).join(",")+"}";const d=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(require("crypto").createHash("sha256").update(c(d.pack)).digest("hex")===d.digests.contentSha256)';

const FOLLOW_UP = 'Blangko KTP-el sudah tersedia; pencetakan dijadwalkan pekan ini.';
const ACK_COMMENT = 'Diterima; admin instansi diminta segera menugaskan.';
const REPORTER_NAME = 'Siti Rahmawati';
const REPORTER_NIK = '3273012345678901';

describe('Ombudsman evidence pack (seconds policy, a complaint that reached level 3)', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;
  /** Climbed to level 3; its reporter never consents. */
  let id: string;
  /** Climbed the same way; its reporter consents in one test. */
  let consenting: string;
  /** Another reporter's complaint (its access code is not the one of `id`). */
  let other: string;
  /** A complaint row whose workflow never ran: never escalated, no history. */
  let quiet: string;
  const dir = mkdtempSync(join(tmpdir(), 'evidence-pack-'));

  beforeAll(async () => {
    t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-agency-seconds.json' });
    agencies = await createAgencies(t.prisma);
    c = await driverFor(t, agencies);
    // The agency receives it, then misses assignment, first follow-up and resolution: each climbs to level 3.
    const climb = async (title: string) => {
      const trackingId = await c.submit({ title, reporter: { name: REPORTER_NAME, phone: '+6281234567890', nik: REPORTER_NIK } });
      await c.act(trackingId, 'verify', { agencyId: agencies.jakarta.id, complexity: 'SIMPLE' });
      await eventually(async () => ((await c.escalations(trackingId)).filter((e) => e.level === 3).length === 3 ? true : undefined), 45_000);
      const [assignmentSupervisor] = (await c.escalations(trackingId)).filter((e) => e.stage === 'assignment' && e.level === 1);
      const ack = await request(t.http).post(`/v1/escalations/${assignmentSupervisor.id}/acknowledge`).set(c.receiverOf(assignmentSupervisor).auth).send({ comment: ACK_COMMENT });
      expect(ack.status).toBe(200);
      await c.act(trackingId, 'assign', { liaisonId: LIAISON });
      await c.act(trackingId, 'follow-up', { text: FOLLOW_UP });
      return trackingId;
    };
    [id, consenting, other] = await Promise.all([climb('KTP-el belum dicetak setelah 3 bulan'), climb('Akta kelahiran belum terbit'), c.submit({ title: 'Jalan berlubang di depan sekolah' })]);
    // Marked started, so the start reconciler leaves it without a workflow.
    quiet = (await insertComplaintRow(t.prisma, { workflowStartedAt: new Date() })).trackingId;
  }, 90_000);
  // The row without a workflow goes again: the operator check after a whole run rightly counts one as a problem.
  afterAll(async () => {
    await t.prisma.complaint.deleteMany({ where: { trackingId: quiet } });
    await t.close();
  });

  const ombudsman = () => c.officers.national.OMBUDSMAN.auth;
  const auditor = () => c.officers.national.AUDITOR.auth;
  const pdfOf = (trackingId: string, auth: Record<string, string>) => asBuffer(request(t.http).get(`/v1/complaints/${trackingId}/evidence-pack`).set(auth));
  const jsonOf = async (trackingId: string, auth: Record<string, string>) => {
    const res = await request(t.http).get(`/v1/complaints/${trackingId}/evidence-pack?format=json`).set(auth).expect(200);
    return { res, document: res.body as EvidencePackDocument };
  };
  const textOf = (pdf: Buffer, name: string) => {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  };
  const downloads = (trackingId: string) => t.prisma.auditLog.findMany({ where: { trackingId, action: 'EVIDENCE_PACK_DOWNLOADED' }, orderBy: { id: 'asc' } });

  it('gives the Ombudsman a PDF with the facts, the ladder, the answers, the window and the digests, page 1 rendered by pdftoppm', async () => {
    const res = await pdfOf(id, ombudsman()).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="evidence-pack-${id}.pdf"`);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = textOf(pdf, 'ombudsman');
    const oneLine = text.replace(/\s+/g, ' ');
    for (const fact of [
      'Ombudsman evidence pack: undue delay',
      id,
      'KTP-el belum dicetak setelah 3 bulan',
      'Kota Bandung',
      agencies.jakarta.name,
      res.headers['x-evidence-pack-content-sha256'],
      res.headers['x-evidence-pack-history-sha256'],
      'Within the window',
      'reached the agency and, through the escalation ladder, its superiors',
      `"${FOLLOW_UP}"`,
      `comment: "${ACK_COMMENT}"`,
      "The reporter's identity is withheld",
    ]) {
      expect(oneLine).toContain(fact);
    }
    for (const stage of ['assignment', 'firstFollowUp', 'resolution']) {
      for (const level of [1, 2, 3]) expect(oneLine).toContain(`Level ${level}, ${stage}:`);
      expect(oneLine).toMatch(new RegExp(`${stage}: due .+?, breached`));
    }
    expect(oneLine).toMatch(/to OMBUDSMAN/);
    expect(oneLine).not.toContain(REPORTER_NAME);
    expect(oneLine).not.toContain(REPORTER_NIK);

    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'ombudsman.pdf'), join(dir, 'page-1')]);
    const page = join(dir, 'page-1.png');
    expect(readFileSync(page).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(page).size).toBeGreaterThan(20_000);
    // npm run docs:evidence-pack: the picture of page 1 the README shows.
    if (process.env.TENGGAT_SCREENSHOTS === '1') copyFileSync(page, join(projectRoot(), 'docs', 'evidence-pack-page-1.png'));
  });

  it('gives systems JSON whose content digest anyone can recompute, and verifies a copy against the history Temporal holds', async () => {
    const { res, document } = await jsonOf(id, auditor());
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const { pack, digests } = document;
    expect(digests.contentSha256).toBe(sha256Hex(canonicalJson(pack)));
    expect(digests.historySha256).toBe(pack.history.sha256);
    expect(res.headers['x-evidence-pack-content-sha256']).toBe(digests.contentSha256);
    // The documented procedure, on the file as downloaded; and on a copy with one fact changed.
    const file = join(dir, 'pack.json');
    writeFileSync(file, res.text);
    expect(execFileSync('node', ['-e', README_CHECK, file], { encoding: 'utf8' }).trim()).toBe('true');
    writeFileSync(file, res.text.replace(pack.complaint.title, 'Judul diubah'));
    expect(execFileSync('node', ['-e', README_CHECK, file], { encoding: 'utf8' }).trim()).toBe('false');
    expect(readFileSync(join(projectRoot(), 'README.md'), 'utf8')).toContain(README_CHECK);
    expect(pack.complaint).toMatchObject({ trackingId: id, state: 'IN_PROGRESS', agency: { id: agencies.jakarta.id, name: agencies.jakarta.name } });
    expect(pack.priorComplaint).toMatchObject({ satisfied: true, disposedTo: { agencyId: agencies.jakarta.id, byRole: 'VERIFIER' } });
    expect(pack.escalations.filter((e) => e.level === 3).map((e) => [e.stage, e.receiverRole]).sort((a, b) => a[0].localeCompare(b[0]))).toEqual([
      ['assignment', 'OMBUDSMAN'],
      ['firstFollowUp', 'OMBUDSMAN'],
      ['resolution', 'OMBUDSMAN'],
    ]);
    const acknowledged = pack.escalations.find((e) => e.stage === 'assignment' && e.level === 1)!;
    expect(acknowledged.acknowledgement).toMatchObject({ byRole: 'SUPERVISOR', comment: ACK_COMMENT });
    expect(new Set(pack.deadlines.map((d) => d.stage))).toEqual(new Set(['assignment', 'firstFollowUp', 'resolution', 'verification']));
    for (const d of pack.deadlines) expect(d.explanation).toMatch(new RegExp(`^Due ${d.dueAt.replace(/[.+]/g, '\\$&')}: .+, counted from .+ \\(Asia/Jakarta\\)\\.`));
    expect(pack.breaches.map((b) => b.stage).sort((a, b) => a.localeCompare(b))).toEqual(['assignment', 'firstFollowUp', 'resolution']);
    expect(pack.agencyAnswers).toEqual([expect.objectContaining({ action: 'follow-up', text: FOLLOW_UP, actorRole: 'LIAISON' })]);
    expect(pack.ombudsmanWindow.within).toBe(true);
    expect(pack.reporter).toEqual({ consentGivenAt: null, identity: null });

    // Verified against the history Temporal answers now, cut where the pack ended. The first download with this
    // content digest may be an earlier one (the PDF's, when no event came in between): the same history gives the same pack.
    const verified = await request(t.http).post('/v1/evidence-packs/verify').set(ombudsman()).send(digests).expect(200);
    expect(verified.body).toEqual({
      issued: true,
      issue: { trackingId: id, issuedAt: expect.any(String), issuedToRole: expect.stringMatching(/^(AUDITOR|OMBUDSMAN)$/), format: expect.stringMatching(/^(json|pdf)$/) },
      historyMatches: true,
      contentReproduced: true,
    });
    const tampered = { ...pack, complaint: { ...pack.complaint, title: 'Judul diubah' } };
    const forged = await request(t.http).post('/v1/evidence-packs/verify').set(auditor()).send({ contentSha256: sha256Hex(canonicalJson(tampered)), historySha256: digests.historySha256 }).expect(200);
    expect(forged.body).toEqual({ issued: false, issue: null, historyMatches: false, contentReproduced: false });
    const otherHistory = await request(t.http).post('/v1/evidence-packs/verify').set(auditor()).send({ ...digests, historySha256: '0'.repeat(64) }).expect(200);
    expect(otherHistory.body).toMatchObject({ issued: true, historyMatches: false, contentReproduced: false });
  });

  it('names the reporter only after the reporter consents on the tracking page, the consent kept with its time and audited', async () => {
    const id = consenting;
    const code = c.accessCode(id);
    const before = (await request(t.http).get(`/v1/track/${id}`).set('X-Access-Code', code).expect(200)).body;
    expect(before.ombudsmanConsentAt).toBeNull();
    expect(JSON.stringify((await jsonOf(id, ombudsman())).document)).not.toContain(REPORTER_NAME);

    const consented = await request(t.http).post(`/v1/track/${id}/ombudsman-consent`).set('X-Access-Code', code).send({ consent: true }).expect(200);
    const givenAt = consented.body.consentGivenAt as string;
    expect(Date.parse(givenAt)).toBeGreaterThan(Date.now() - 60_000);
    const again = await request(t.http).post(`/v1/track/${id}/ombudsman-consent`).set('X-Access-Code', code).send({ consent: true }).expect(200);
    expect(again.body.consentGivenAt).toBe(givenAt);
    expect((await request(t.http).get(`/v1/track/${id}`).set('X-Access-Code', code).expect(200)).body.ombudsmanConsentAt).toBe(givenAt);
    const audited = await eventually(async () => {
      const rows = await t.prisma.auditLog.findMany({ where: { trackingId: id, action: 'ombudsman-consent' } });
      return rows.length === 2 ? rows : undefined;
    });
    expect(audited.map((r) => [r.actorRole, r.statusCode])).toEqual([
      ['REPORTER', 200],
      ['REPORTER', 200],
    ]);

    const timeline = await request(t.http).get(`/v1/audit/complaints/${id}/history`).set(auditor()).expect(200);
    expect(timeline.body.steps.filter((s: { kind: string }) => s.kind === 'ombudsman-consent').map((s: { summary: string }) => s.summary)).toEqual([
      expect.stringMatching(/^REPORTER reporter consented to be named in the Ombudsman evidence pack/),
      expect.stringMatching(/^REPORTER reporter consented to be named in the Ombudsman evidence pack/),
    ]);

    const { document } = await jsonOf(id, ombudsman());
    expect(document.pack.reporter).toEqual({ consentGivenAt: givenAt, identity: { name: REPORTER_NAME, phone: '+6281234567890', email: null, nik: REPORTER_NIK } });
    const text = textOf((await pdfOf(id, ombudsman()).expect(200)).body as Buffer, 'consented').replace(/\s+/g, ' ');
    expect(text).toContain(REPORTER_NAME);
    expect(text).toContain(REPORTER_NIK);
    expect(text).not.toContain('identity is withheld');
    // A pack with the identity verifies too: it is made again with the identity, as issued.
    const verified = await request(t.http).post('/v1/evidence-packs/verify').set(ombudsman()).send(document.digests).expect(200);
    expect(verified.body).toMatchObject({ issued: true, historyMatches: true, contentReproduced: true });
  });

  it('gives the reporter the own pack with the access code only, in the reporter\'s language', async () => {
    const code = c.accessCode(id);
    const own = await asBuffer(request(t.http).get(`/v1/track/${id}/evidence-pack`).set('X-Access-Code', code).set('Accept-Language', 'id')).expect(200);
    expect(textOf(own.body as Buffer, 'reporter').replace(/\s+/g, ' ')).toContain('Berkas bukti untuk Ombudsman: penundaan berlarut');
    await request(t.http).get(`/v1/track/${id}/evidence-pack`).set('X-Access-Code', c.accessCode(other)).expect(404);
    await request(t.http).get(`/v1/track/${id}/evidence-pack`).expect(404);
    const reporterRows = (await downloads(id)).filter((r) => r.actorRole === 'REPORTER');
    expect(reporterRows).toHaveLength(1);
  });

  it('refuses other roles (403), hides from the Ombudsman what never reached level 3 (404), lets the auditor read any', async () => {
    for (const role of ['VERIFIER', 'SUPERVISOR', 'COMPLAINT_MANAGER', 'LIAISON', 'AGENCY_ADMIN'] as const) {
      const officer = await c.officer(id, role);
      await request(t.http).get(`/v1/complaints/${id}/evidence-pack`).set(officer.auth).expect(403);
      await request(t.http).post('/v1/evidence-packs/verify').set(officer.auth).send({ contentSha256: '0'.repeat(64), historySha256: '0'.repeat(64) }).expect(403);
    }
    await request(t.http).get(`/v1/complaints/${id}/evidence-pack`).expect(401);
    await request(t.http).get(`/v1/complaints/${quiet}/evidence-pack`).set(ombudsman()).expect(404);
    await request(t.http).get('/v1/complaints/LPR-ZZZZ-ZZZZ/evidence-pack').set(auditor()).expect(404);
    const { document } = await jsonOf(quiet, auditor());
    expect(document.pack.escalations).toEqual([]);
    expect(document.pack.priorComplaint).toMatchObject({ disposedTo: null, satisfied: false });
  });

  it('audits every download with who, the format and the digests; the auditor\'s timeline shows them', async () => {
    const before = (await downloads(id)).length;
    const { document } = await jsonOf(id, ombudsman());
    await pdfOf(id, ombudsman()).expect(200);
    const rows = (await downloads(id)).slice(before);
    expect(rows.map((r) => [r.actorId, r.actorRole, (r.detail as Record<string, unknown>).format])).toEqual([
      [c.officers.national.OMBUDSMAN.id, 'OMBUDSMAN', 'json'],
      [c.officers.national.OMBUDSMAN.id, 'OMBUDSMAN', 'pdf'],
    ]);
    expect(rows[0].detail).toMatchObject({ contentSha256: document.digests.contentSha256, historySha256: document.digests.historySha256, identityIncluded: false, language: 'en' });
    expect(JSON.stringify(rows.map((r) => r.detail))).not.toContain(REPORTER_NAME);
    const history = await request(t.http).get(`/v1/audit/complaints/${id}/history`).set(auditor()).expect(200);
    expect(history.body.steps.filter((s: { kind: string }) => s.kind === 'EVIDENCE_PACK_DOWNLOADED')[0].summary).toMatch(/downloaded the Ombudsman evidence pack/);
  });

  it.each([
    ['an unknown format', () => request(t.http).get(`/v1/complaints/${id}/evidence-pack?format=docx`).set(auditor()), 'format: must be one of pdf, json'],
    ['a malformed tracking ID', () => request(t.http).get('/v1/complaints/not-an-id/evidence-pack').set(auditor()), 'trackingId: must look like LPR-XXXX-XXXX'],
    ['a digest that is not SHA-256 hex', () => request(t.http).post('/v1/evidence-packs/verify').set(auditor()).send({ contentSha256: 'xyz', historySha256: '0'.repeat(64) }), 'contentSha256: must be 64 lower-case hexadecimal characters'],
    ['a missing history digest', () => request(t.http).post('/v1/evidence-packs/verify').set(auditor()).send({ contentSha256: '0'.repeat(64) }), 'historySha256'],
    ['consent that is not true', () => request(t.http).post(`/v1/track/${other}/ombudsman-consent`).set('X-Access-Code', c.accessCode(other)).send({ consent: false }), 'consent: must be true'],
    ['consent with a field it does not have', () => request(t.http).post(`/v1/track/${other}/ombudsman-consent`).set('X-Access-Code', c.accessCode(other)).send({ consent: true, name: 'x' }), 'name: is not a field of this request'],
    ['a format of the reporter\'s pack', () => request(t.http).get(`/v1/track/${other}/evidence-pack?format=html`).set('X-Access-Code', c.accessCode(other)), 'format: must be one of pdf, json'],
  ])('answers 400 naming the field for %s, and changes nothing', async (_name, send, text) => {
    const consents = await t.prisma.ombudsmanConsent.count();
    const res = await send();
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toContain(text);
    expect(await t.prisma.ombudsmanConsent.count()).toBe(consents);
  });
});
