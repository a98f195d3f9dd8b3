// Issue 16, part 1: evidence files through the real API — limits, types by content, metadata stripped at
// upload (for every reader, the verifier included), downloads scoped like the complaint, anonymity, and
// nothing public until a verifier publishes a file.
import type { Payload } from '@temporalio/common';
import request from 'supertest';
import { loadConfig } from '../../src/config/app-config.js';
import { EncryptionCodec } from '../../src/temporal/payload-codec.js';
import { complaintWorkflowId } from '../../workflows/messages.js';
import { createAgencies, createTestApp, type TestApp } from '../support/app.js';
import { readableIn } from '../support/history-scan.js';
import { ComplaintDriver, driverFor, LIAISON } from '../support/lifecycle.js';
import {
  jpegExifTags,
  jpegWithExif,
  MULTIPART_BOUNDARY,
  multipartBody,
  plainJpeg,
  pngWithText,
  smallPdf,
  webpWithExif,
  zipArchive,
  type MultipartPart,
} from '../support/evidence-files.js';

const MAX_FILE_BYTES = 4096;
const MAX_PER_UPLOAD = 3;
const MAX_PER_COMPLAINT = 4;

interface AttachmentItem {
  id: string;
  purpose: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  removedMetadata: number;
  uploadedBy: string;
  public: boolean;
}

/** supertest hands binary answers over as a Buffer only when asked to collect them. */
const asBuffer = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('evidence files', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;

  beforeAll(async () => {
    t = await createTestApp({
      ATTACHMENT_MAX_FILE_BYTES: String(MAX_FILE_BYTES),
      ATTACHMENT_MAX_FILES_PER_UPLOAD: String(MAX_PER_UPLOAD),
      ATTACHMENT_MAX_FILES_PER_COMPLAINT: String(MAX_PER_COMPLAINT),
    });
    agencies = await createAgencies(t.prisma);
    c = await driverFor(t, agencies);
  });
  afterAll(() => t.close());

  const officers = () => c.officers;

  /** A reporter upload (multipart, built by supertest) with the complaint's access code. */
  const reporterUpload = (trackingId: string, purpose: string, files: { content: Buffer; name: string; type?: string }[], code = c.accessCode(trackingId)) => {
    const req = request(t.http).post(`/v1/track/${trackingId}/attachments`).set('X-Access-Code', code).field('purpose', purpose);
    for (const f of files) req.attach('files', f.content, { filename: f.name, contentType: f.type ?? 'application/octet-stream' });
    return req;
  };
  const officerUpload = (trackingId: string, auth: { Authorization: string }, purpose: string, files: { content: Buffer; name: string }[]) => {
    const req = request(t.http).post(`/v1/complaints/${trackingId}/attachments`).set(auth).field('purpose', purpose);
    for (const f of files) req.attach('files', f.content, { filename: f.name, contentType: 'application/octet-stream' });
    return req;
  };
  /** A hand-written multipart body (NUL in a name, a cut-off body). */
  const rawUpload = (trackingId: string, parts: MultipartPart[], options: { truncateAt?: number } = {}) =>
    request(t.http)
      .post(`/v1/track/${trackingId}/attachments`)
      .set('X-Access-Code', c.accessCode(trackingId))
      .set('Content-Type', `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`)
      .send(multipartBody(parts, options));
  const download = (path: string, headers: Record<string, string> = {}) => request(t.http).get(path).set(headers).buffer(true).parse(asBuffer);

  const stored = async (trackingId: string) => {
    const rows = await t.prisma.attachment.findMany({ where: { complaint: { trackingId } }, select: { id: true } });
    return { metadata: rows.length, contents: await t.prisma.storedFile.count({ where: { id: { in: rows.map((r) => r.id) } } }) };
  };
  const messageOf = (res: request.Response) => [res.body.message].flat().join(' ');

  /** Every payload of the complaint's workflow history, decrypted as the worker reads them. */
  async function decodedHistory(trackingId: string): Promise<Payload[]> {
    const history = await t.temporal.workflow.getHandle(complaintWorkflowId(trackingId)).fetchHistory();
    const payloads: Payload[] = [];
    const collect = (value: unknown): void => {
      if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return;
      if ('data' in value && 'metadata' in value && (value as Payload).data instanceof Uint8Array) payloads.push(value as Payload);
      else Object.values(value).forEach(collect);
    };
    collect(history);
    return new EncryptionCodec(loadConfig().temporalPayloadKeys).decode(payloads);
  }

  /** Verified to Jakarta and assigned to its liaison: IN_PROGRESS. */
  const inProgress = async (trackingId: string) => {
    await c.act(trackingId, 'verify', { agencyId: agencies.jakarta.id });
    await c.act(trackingId, 'assign', { liaisonId: LIAISON });
  };

  describe("an anonymous reporter's photo", () => {
    it('is stored without EXIF, XMP and comments under a neutral name; liaison, verifier and reporter download the same clean bytes; Temporal hears nothing of it', async () => {
      const id = await c.submit({ anonymous: true });
      const original = jpegWithExif({ artist: 'Budi Santoso', make: 'KameraHP', orientation: 6, latitude: -6.9147 });
      const res = await reporterUpload(id, 'COMPLAINT', [{ content: original, name: 'budi-santoso-di-jalan.jpg', type: 'image/jpeg' }]).expect(201);
      const [item] = res.body.items as AttachmentItem[];
      expect(item).toMatchObject({ purpose: 'COMPLAINT', fileName: 'bukti-1.jpg', mediaType: 'image/jpeg', removedMetadata: 3, uploadedBy: 'REPORTER', public: false });

      // Nothing identifying was stored at all: not the name, not the EXIF, not the XMP, not the comment.
      const row = await t.prisma.storedFile.findUniqueOrThrow({ where: { id: item.id } });
      expect(Buffer.from(row.content).includes('Budi Santoso')).toBe(false);
      expect(JSON.stringify(await t.prisma.attachment.findUniqueOrThrow({ where: { id: item.id } }))).not.toContain('budi');

      await inProgress(id);
      const liaison = await c.officer(id, 'LIAISON');
      const path = `/v1/complaints/${id}/attachments/${item.id}`;
      const asLiaison = await download(path, liaison.auth).expect(200);
      expect(asLiaison.headers['content-type']).toBe('image/jpeg');
      expect(asLiaison.headers['content-disposition']).toBe(`attachment; filename="bukti-1.jpg"; filename*=UTF-8''bukti-1.jpg`);
      const clean = asLiaison.body as Buffer;
      expect(clean.includes('Budi Santoso')).toBe(false);
      expect(clean.includes('KameraHP')).toBe(false);
      expect(jpegExifTags(clean)).toEqual([0x0112]); // only the orientation: no Artist (0x013B), Make (0x010F) or GPS (0x8825)
      expect(clean.length).toBe(item.sizeBytes);

      // Decided: stripped at upload for everyone, the verifier included (no original is kept anywhere).
      const asVerifier = await download(path, officers().national.VERIFIER.auth).expect(200);
      expect(Buffer.compare(asVerifier.body as Buffer, clean)).toBe(0);
      const asReporter = await download(`/v1/track/${id}/attachments/${item.id}`, { 'X-Access-Code': c.accessCode(id) }).expect(200);
      expect(Buffer.compare(asReporter.body as Buffer, clean)).toBe(0);

      // Temporal holds no file ID, name or type: not in any payload of the workflow, decrypted.
      const payloads = await decodedHistory(id);
      expect(payloads.length).toBeGreaterThan(0);
      expect(readableIn(payloads, [item.id, 'bukti-1', 'budi-santoso', 'image/jpeg', 'attachment'])).toEqual([]);
    });

    it('PNG text and eXIf chunks and WebP EXIF and XMP chunks are removed too; a named reporter keeps the file names', async () => {
      const id = await c.submit({ anonymous: false });
      const res = await reporterUpload(id, 'COMPLAINT', [
        { content: pngWithText(), name: 'lubang.png' },
        { content: webpWithExif(), name: 'jalan.webp' },
        { content: smallPdf(), name: 'surat pengantar.pdf' },
      ]).expect(201);
      const items = res.body.items as AttachmentItem[];
      expect(items.map((i) => [i.fileName, i.mediaType, i.removedMetadata])).toEqual([
        ['lubang.png', 'image/png', 2],
        ['jalan.webp', 'image/webp', 2],
        ['surat pengantar.pdf', 'application/pdf', 0],
      ]);
      for (const item of items.slice(0, 2)) {
        const body = (await download(`/v1/track/${id}/attachments/${item.id}`, { 'X-Access-Code': c.accessCode(id) }).expect(200)).body as Buffer;
        expect(body.includes('Budi Santoso')).toBe(false);
      }
      const pdf = await download(`/v1/track/${id}/attachments/${items[2].id}`, { 'X-Access-Code': c.accessCode(id) }).expect(200);
      expect(pdf.headers['content-disposition']).toBe(`attachment; filename="surat pengantar.pdf"; filename*=UTF-8''surat%20pengantar.pdf`);
    });
  });

  describe('bad uploads: 4xx naming the problem, nothing stored', () => {
    let id: string;
    beforeAll(async () => {
      id = await c.submit();
    });
    const nothingStored = async () => expect(await stored(id)).toEqual({ metadata: 0, contents: 0 });

    it.each([
      ['a file over the limit', 413, () => reporterUpload(id, 'COMPLAINT', [{ content: Buffer.concat([plainJpeg(), Buffer.alloc(MAX_FILE_BYTES)]), name: 'besar.jpg' }]), `larger than the ${MAX_FILE_BYTES} bytes limit`],
      ['a .jpg that is really a ZIP', 415, () => reporterUpload(id, 'COMPLAINT', [{ content: zipArchive(), name: 'foto.jpg', type: 'image/jpeg' }]), "'foto.jpg' is not a JPEG, PNG, WebP or PDF file"],
      ['a good file beside a ZIP (all or nothing)', 415, () => reporterUpload(id, 'COMPLAINT', [{ content: plainJpeg(), name: 'a.jpg' }, { content: zipArchive(), name: 'b.jpg' }]), "'b.jpg' is not"],
      ['a truncated JPEG', 400, () => reporterUpload(id, 'COMPLAINT', [{ content: jpegWithExif().subarray(0, 200), name: 'potong.jpg' }]), "'potong.jpg' is truncated or damaged"],
      [
        'a truncated upload (the body ends inside the file)',
        400,
        () => rawUpload(id, [{ name: 'purpose', content: 'COMPLAINT' }, { name: 'files', filename: 'a.jpg', contentType: 'image/jpeg', content: plainJpeg() }], { truncateAt: 250 }),
        'the multipart upload ended early or is malformed',
      ],
      [
        'too many files in one upload',
        400,
        () => reporterUpload(id, 'COMPLAINT', Array.from({ length: MAX_PER_UPLOAD + 1 }, (_, i) => ({ content: plainJpeg(), name: `${i}.jpg` }))),
        `at most ${MAX_PER_UPLOAD} files per upload`,
      ],
      [
        'a NUL in a file name (RFC 5987 encoded)',
        400,
        () => rawUpload(id, [{ name: 'purpose', content: 'COMPLAINT' }, { name: 'files', filenameStar: "UTF-8''foto%00.jpg", contentType: 'image/jpeg', content: plainJpeg() }]),
        'file 1 needs a name of 1 to 255 characters without control characters',
      ],
      [
        'a raw NUL byte in a part header',
        400,
        () => rawUpload(id, [{ name: 'purpose', content: 'COMPLAINT' }, { name: 'files', filename: 'foto\u0000.jpg', contentType: 'image/jpeg', content: plainJpeg() }]),
        'the multipart upload ended early or is malformed',
      ],
      [
        'a control character in a file name',
        400,
        () => rawUpload(id, [{ name: 'purpose', content: 'COMPLAINT' }, { name: 'files', filenameStar: "UTF-8''foto%1B.jpg", contentType: 'image/jpeg', content: plainJpeg() }]),
        'file 1 needs a name',
      ],
      ['no file at all', 400, () => request(t.http).post(`/v1/track/${id}/attachments`).set('X-Access-Code', c.accessCode(id)).field('purpose', 'COMPLAINT'), 'send at least one file'],
      ['files under another field name', 400, () => rawUpload(id, [{ name: 'purpose', content: 'COMPLAINT' }, { name: 'file', filename: 'a.jpg', content: plainJpeg() }]), 'file: not a field of this upload'],
      ['an unknown purpose', 400, () => reporterUpload(id, 'RESOLUTION', [{ content: plainJpeg(), name: 'a.jpg' }]), 'purpose: must be one of COMPLAINT, CLARIFICATION'],
      ['a clarification file while none is asked for', 409, () => reporterUpload(id, 'CLARIFICATION', [{ content: plainJpeg(), name: 'a.jpg' }]), 'only while the complaint is AWAITING_CLARIFICATION; it is SUBMITTED'],
      ['JSON instead of multipart', 400, () => request(t.http).post(`/v1/track/${id}/attachments`).set('X-Access-Code', c.accessCode(id)).send({ purpose: 'COMPLAINT' }), 'send at least one file'],
    ])('refuses %s', async (_what, status, send, text) => {
      const res = await send();
      expect({ status: res.status, message: messageOf(res) }).toEqual({ status, message: expect.stringContaining(text) });
      await nothingStored();
    });

    it(`refuses a file beyond the complaint's ${MAX_PER_COMPLAINT}, keeping the ones before`, async () => {
      const other = await c.submit();
      await reporterUpload(other, 'COMPLAINT', Array.from({ length: MAX_PER_UPLOAD }, (_, i) => ({ content: plainJpeg(), name: `${i}.jpg` }))).expect(201);
      const res = await reporterUpload(other, 'COMPLAINT', [{ content: plainJpeg(), name: 'x.jpg' }, { content: plainJpeg(), name: 'y.jpg' }]).expect(409);
      expect(messageOf(res)).toContain(`the complaint holds ${MAX_PER_UPLOAD} files and may hold at most ${MAX_PER_COMPLAINT}; 1 more can be attached`);
      expect(await stored(other)).toEqual({ metadata: MAX_PER_UPLOAD, contents: MAX_PER_UPLOAD });
      await reporterUpload(other, 'COMPLAINT', [{ content: plainJpeg(), name: 'x.jpg' }]).expect(201);
    });
  });

  describe('who sees which files', () => {
    let id: string;
    let reporterFile: string;
    let liaisonFile: string;
    let liaisonItem: AttachmentItem;
    beforeAll(async () => {
      id = await c.submit({ anonymous: true });
      reporterFile = (await reporterUpload(id, 'COMPLAINT', [{ content: jpegWithExif(), name: 'a.jpg' }]).expect(201)).body.items[0].id;
      await inProgress(id);
      const liaison = await c.officer(id, 'LIAISON');
      const res = await officerUpload(id, liaison.auth, 'FOLLOW_UP', [{ content: smallPdf(), name: 'Berita acara peninjauan.pdf' }]).expect(201);
      liaisonItem = res.body.items[0] as AttachmentItem;
      liaisonFile = liaisonItem.id;
    });

    it("lets every officer who sees the complaint list and download its files, and the reporter both the reporter's and the liaison's", async () => {
      expect(liaisonItem).toMatchObject({ purpose: 'FOLLOW_UP', fileName: 'Berita acara peninjauan.pdf', uploadedBy: 'OFFICER' });
      for (const officer of [await c.officer(id, 'AGENCY_ADMIN'), await c.officer(id, 'SUPERVISOR'), officers().national.AUDITOR]) {
        const list = await request(t.http).get(`/v1/complaints/${id}/attachments`).set(officer.auth).expect(200);
        expect((list.body.items as AttachmentItem[]).map((i) => i.id)).toEqual([reporterFile, liaisonFile]);
      }
      const mine = await request(t.http).get(`/v1/track/${id}/attachments`).set('X-Access-Code', c.accessCode(id)).expect(200);
      expect((mine.body.items as AttachmentItem[]).map((i) => i.purpose)).toEqual(['COMPLAINT', 'FOLLOW_UP']);
      await download(`/v1/track/${id}/attachments/${liaisonFile}`, { 'X-Access-Code': c.accessCode(id) }).expect(200);
    });

    it("answers another agency's officers and another unit's liaison 404, as if the complaint did not exist", async () => {
      const makassar = officers().byAgency[agencies.makassar.id];
      const jakartaOtherUnit = officers().byAgency[agencies.jakarta.id].otherUnitLiaison;
      for (const officer of [makassar.AGENCY_ADMIN, makassar.LIAISON, makassar.COMPLAINT_MANAGER, jakartaOtherUnit]) {
        await request(t.http).get(`/v1/complaints/${id}/attachments`).set(officer.auth).expect(404);
        await download(`/v1/complaints/${id}/attachments/${reporterFile}`, officer.auth).expect(404);
      }
      await officerUpload(id, makassar.LIAISON.auth, 'FOLLOW_UP', [{ content: smallPdf(), name: 'x.pdf' }]).expect(404);
    });

    it('answers the reporter without the access code, or with a wrong one, 404; an officer without a token 401; a file of another complaint 404', async () => {
      await request(t.http).get(`/v1/track/${id}/attachments`).expect(404);
      await download(`/v1/track/${id}/attachments/${reporterFile}`).expect(404);
      await download(`/v1/track/${id}/attachments/${reporterFile}`, { 'X-Access-Code': 'AAAA-BBBB-CCCC' }).expect(404);
      await request(t.http).get(`/v1/complaints/${id}/attachments`).expect(401);
      await download(`/v1/complaints/${id}/attachments/${reporterFile}`).expect(401);
      const other = await c.submit();
      await download(`/v1/track/${other}/attachments/${reporterFile}`, { 'X-Access-Code': c.accessCode(other) }).expect(404);
      await download(`/v1/complaints/${other}/attachments/${reporterFile}`, officers().national.VERIFIER.auth).expect(404);
      await download(`/v1/complaints/${id}/attachments/not-a-uuid`, officers().national.VERIFIER.auth).expect(400);
    });

    it("lets only the liaison attach officers' documents, and only while the complaint is in progress", async () => {
      await officerUpload(id, (await c.officer(id, 'AGENCY_ADMIN')).auth, 'FOLLOW_UP', [{ content: smallPdf(), name: 'x.pdf' }]).expect(403);
      await officerUpload(id, officers().national.VERIFIER.auth, 'RESOLUTION', [{ content: smallPdf(), name: 'x.pdf' }]).expect(403);
      const fresh = await c.submit();
      const refused = await officerUpload(fresh, officers().byAgency[agencies.jakarta.id].LIAISON.auth, 'FOLLOW_UP', [{ content: smallPdf(), name: 'x.pdf' }]);
      expect(refused.status).toBe(404); // not disposed to the agency yet: the liaison does not see it
      await reporterUpload(id, 'COMPLAINT', [{ content: plainJpeg(), name: 'late.jpg' }]).expect(409);
    });

    it('takes clarification files while the reporter is asked for details, before the answer', async () => {
      const liaison = await c.officer(id, 'LIAISON');
      await c.act(id, 'request-clarification', { question: 'Di RT berapa lokasinya?', officerRole: 'LIAISON' });
      const res = await reporterUpload(id, 'CLARIFICATION', [{ content: jpegWithExif(), name: 'rt.jpg' }]).expect(201);
      expect(res.body.items[0]).toMatchObject({ purpose: 'CLARIFICATION', fileName: 'bukti-3.jpg' });
      await c.act(id, 'provide-clarification', { answer: 'RT 03 RW 05, foto terlampir.' });
      const list = await request(t.http).get(`/v1/complaints/${id}/attachments`).set(liaison.auth).expect(200);
      expect((list.body.items as AttachmentItem[]).map((i) => i.purpose)).toEqual(['COMPLAINT', 'FOLLOW_UP', 'CLARIFICATION']);
      await reporterUpload(id, 'CLARIFICATION', [{ content: plainJpeg(), name: 'late.jpg' }]).expect(409);
    });
  });

  describe('what the public sees', () => {
    it('shows no file of a public complaint until a verifier publishes one (audited); a withdrawn file is gone again', async () => {
      const id = await c.submit({ anonymous: true });
      const [photo, letter] = (await reporterUpload(id, 'COMPLAINT', [{ content: jpegWithExif(), name: 'a.jpg' }, { content: smallPdf(), name: 'b.pdf' }]).expect(201)).body.items as AttachmentItem[];
      const publicList = () => request(t.http).get(`/v1/public/complaints/${id}/attachments`);
      const publicFile = (fileId: string) => download(`/v1/public/complaints/${id}/attachments/${fileId}`);

      await publicList().expect(404); // not verified yet: not public at all
      await c.act(id, 'verify', { agencyId: agencies.jakarta.id });
      expect((await publicList().expect(200)).body.items).toEqual([]);
      await publicFile(photo.id).expect(404);
      const open311 = await request(t.http).get(`/open311/v2/requests/${id}.json`).expect(200);
      expect(open311.body[0].media_url).toBeNull();

      await request(t.http).post(`/v1/complaints/${id}/attachments/${photo.id}/publication`).set((await c.officer(id, 'AGENCY_ADMIN')).auth).send({ public: true }).expect(403);
      const verifier = officers().national.VERIFIER;
      const published = await request(t.http).post(`/v1/complaints/${id}/attachments/${photo.id}/publication`).set(verifier.auth).send({ public: true }).expect(200);
      expect(published.body).toMatchObject({ id: photo.id, public: true });
      const audit = await t.prisma.auditLog.findMany({ where: { trackingId: id, action: 'publish-attachment' } });
      expect(audit).toEqual([expect.objectContaining({ actorId: verifier.id, actorRole: 'VERIFIER', statusCode: 200, detail: { body: { public: true } } })]);

      const list = (await publicList().expect(200)).body.items as { id: string; fileName: string; url: string }[];
      expect(list).toEqual([{ id: photo.id, fileName: 'bukti-1.jpg', mediaType: 'image/jpeg', sizeBytes: photo.sizeBytes, url: `/v1/public/complaints/${id}/attachments/${photo.id}` }]);
      const body = (await publicFile(photo.id).expect(200)).body as Buffer;
      expect(body.includes('Budi Santoso')).toBe(false);
      await publicFile(letter.id).expect(404);
      const withMedia = await request(t.http).get(`/open311/v2/requests/${id}.json`).expect(200);
      expect(withMedia.body[0].media_url).toMatch(new RegExp(`/v1/public/complaints/${id}/attachments/${photo.id}$`));

      await request(t.http).post(`/v1/complaints/${id}/attachments/${photo.id}/publication`).set(verifier.auth).send({ public: false }).expect(200);
      expect((await publicList().expect(200)).body.items).toEqual([]);
      await publicFile(photo.id).expect(404);
    });

    it('never shows files of a confidential complaint, published or not', async () => {
      const id = await c.submit({ confidential: true });
      const [photo] = (await reporterUpload(id, 'COMPLAINT', [{ content: plainJpeg(), name: 'a.jpg' }]).expect(201)).body.items as AttachmentItem[];
      await c.act(id, 'verify', { agencyId: agencies.jakarta.id });
      await request(t.http).post(`/v1/complaints/${id}/attachments/${photo.id}/publication`).set(officers().national.VERIFIER.auth).send({ public: true }).expect(200);
      await request(t.http).get(`/v1/public/complaints/${id}/attachments`).expect(404);
      await download(`/v1/public/complaints/${id}/attachments/${photo.id}`).expect(404);
    });
  });
});
