// Issue 12, section 4: the API answers in Bahasa Indonesia by default and in English on request
// (Accept-Language, q-values honoured), validation messages naming each field once, Open311 errors too.
import request from 'supertest';
import { complaintBody, createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { driverFor, type ComplaintDriver } from '../support/lifecycle.js';

const messages = (body: { message: string | string[] }) => [body.message].flat();

describe('the API speaks the caller’s language', () => {
  let t: TestApp;
  let driver: ComplaintDriver;

  beforeAll(async () => {
    // The product's default: no DEFAULT_LOCALE, so Indonesian (createTestApp otherwise sets en for older suites).
    t = await createTestApp({ DEFAULT_LOCALE: 'id' });
    driver = await driverFor(t, await createAgencies(t.prisma));
  });
  afterAll(() => t.close());

  /** One bad submission: a title over its limit and a phone number that is not one. */
  const badSubmission = (acceptLanguage?: string) => {
    const r = request(t.http).post('/v1/complaints');
    if (acceptLanguage !== undefined) r.set('Accept-Language', acceptLanguage);
    return r.send(complaintBody({ title: 'x'.repeat(201), reporter: { name: 'Siti', phone: 'call me' } })).expect(400);
  };
  const INDONESIAN = ['title: paling banyak 200 karakter', 'reporter.phone: harus 8 sampai 15 angka, boleh diawali +'];
  const ENGLISH = ['title: must be at most 200 characters', 'reporter.phone: must be 8 to 15 digits, optionally starting with +'];

  it.each([
    ['no Accept-Language', undefined, 'id', INDONESIAN],
    ['en-US,en;q=0.9', 'en-US,en;q=0.9', 'en', ENGLISH],
    ['id-ID', 'id-ID', 'id', INDONESIAN],
    ['en;q=0.3, id;q=0.8 (q-values, not order)', 'en;q=0.3, id;q=0.8', 'id', INDONESIAN],
    ['fr-FR, en;q=0.5 (the best one we speak)', 'fr-FR, en;q=0.5', 'en', ENGLISH],
    ['fr-FR (unknown: the default)', 'fr-FR', 'id', INDONESIAN],
    ['* (anything: the default)', '*', 'id', INDONESIAN],
  ])('answers a bad request given %s in the chosen language', async (_, acceptLanguage, language, expected) => {
    const res = await badSubmission(acceptLanguage);
    expect(res.headers['content-language']).toBe(language);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad request', message: expect.arrayContaining(expected) });
  });

  it('names a nested field once, never doubled (reporter.phone, not reporter.reporter.phone)', async () => {
    for (const language of ['id', 'en']) {
      const res = await badSubmission(language);
      const phone = messages(res.body).filter((m) => m.includes('phone'));
      expect(phone).toHaveLength(1);
      expect(phone[0]).toMatch(/^reporter\.phone: /);
    }
  });

  it('says a missing field is required, and an unknown field is not one of the request', async () => {
    const { title: _, ...untitled } = complaintBody({ priority: 'HIGH' });
    const id = await request(t.http).post('/v1/complaints').send(untitled).expect(400);
    expect(messages(id.body)).toEqual(expect.arrayContaining(['title: wajib diisi', 'priority: bukan kolom permintaan ini; hapus kolom ini']));
    const en = await request(t.http).post('/v1/complaints').set('Accept-Language', 'en').send(untitled).expect(400);
    expect(messages(en.body)).toEqual(expect.arrayContaining(['title: is required', 'priority: is not a field of this request; leave it out']));
  });

  it('refuses text PostgreSQL cannot store in the chosen language', async () => {
    const body = complaintBody({ chronology: 'a\u0000b' });
    const id = await request(t.http).post('/v1/complaints').send(body).expect(400);
    expect(messages(id.body)).toEqual(['chronology: memuat U+0000 (NUL), yang tidak dapat disimpan']);
    const en = await request(t.http).post('/v1/complaints').set('Accept-Language', 'en').send(body).expect(400);
    expect(messages(en.body)).toEqual(['chronology: contains U+0000 (NUL), which cannot be stored']);
  });

  it('answers 409 naming the state and the allowed actions in both languages, the extras unchanged', async () => {
    const trackingId = await driver.submit();
    await driver.until(trackingId, (s) => s.state === 'SUBMITTED');
    const accept = (language: string) =>
      request(t.http).post(`/v1/track/${trackingId}/accept`).set('X-Access-Code', driver.accessCode(trackingId)).set('Accept-Language', language).send({ rating: 5 }).expect(409);
    const id = await accept('id-ID,id;q=0.9');
    expect(id.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'tidak dapat accept: pengaduan berstatus SUBMITTED; tindakan yang diizinkan: verify, request-clarification, archive, extend-deadline, acknowledge-escalation',
      state: 'SUBMITTED',
      allowedActions: ['verify', 'request-clarification', 'archive', 'extend-deadline', 'acknowledge-escalation'],
    });
    const en = await accept('en');
    expect(en.body.message).toBe('cannot accept: complaint is SUBMITTED; allowed actions: verify, request-clarification, archive, extend-deadline, acknowledge-escalation');
    expect(en.headers['content-language']).toBe('en');
  });

  it('answers 401, 403 and 404 from the catalogs', async () => {
    const unauthorised = await request(t.http).get('/v1/complaints').expect(401);
    expect(unauthorised.body.message).toBe('silakan masuk: Authorization: Bearer <token> dari POST /v1/auth/login');
    const auditor = driver.officers.national.AUDITOR;
    const forbidden = await request(t.http).post('/v1/integration-clients').set(auditor.auth).set('Accept-Language', 'en').send({}).expect(403);
    expect(forbidden.body.message).toMatch(/^role AUDITOR may not do this; allowed: /);
    const missing = await request(t.http).get('/v1/complaints/LPR-0000-0000').set(auditor.auth).expect(404);
    expect(missing.body.message).toBe('pengaduan LPR-0000-0000 tidak ditemukan');
    const noRoute = await request(t.http).get('/v1/nothing-here').set('Accept-Language', 'en').expect(404);
    expect(noRoute.body).toEqual({ statusCode: 404, error: 'Not found', message: 'no endpoint GET /v1/nothing-here' });
  });

  it('translates Open311 errors, keeping their {code, description} list', async () => {
    const tooWide = '/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-12-31T00:00:00Z';
    const id = await request(t.http).get(tooWide).expect(400);
    expect(id.body).toEqual([{ code: 400, description: 'end_date: rentang start_date sampai end_date paling lama 90 hari' }]);
    expect(id.headers['content-language']).toBe('id');
    const en = await request(t.http).get(tooWide).set('Accept-Language', 'en-GB').expect(400);
    expect(en.body).toEqual([{ code: 400, description: 'end_date: start_date to end_date may span at most 90 days' }]);
  });

  it('names Open311 services in the chosen language', async () => {
    const names = async (language?: string) => {
      const r = request(t.http).get('/open311/v2/services.json');
      const res = await (language ? r.set('Accept-Language', language) : r).expect(200);
      return res.body.map((s: { service_name: string }) => s.service_name);
    };
    expect(await names()).toEqual(['Pengaduan', 'Aspirasi', 'Permintaan informasi']);
    expect(await names('en-US')).toEqual(['Complaint', 'Aspiration', 'Information request']);
  });

  it('tells the reporter what happened in the chosen language', async () => {
    const trackingId = await driver.submit();
    await driver.until(trackingId, (s) => s.state === 'SUBMITTED');
    await driver.act(trackingId, 'archive', { reason: 'DUPLICATE' });
    const track = (language?: string) => {
      const r = request(t.http).get(`/v1/track/${trackingId}`).set('X-Access-Code', driver.accessCode(trackingId));
      return language ? r.set('Accept-Language', language) : r;
    };
    const id = await eventually(async () => {
      const res = await track().expect(200);
      return res.body.messages.length > 0 ? res.body : undefined;
    });
    expect(id.messages).toEqual([expect.objectContaining({ type: 'ARCHIVED', text: 'Diarsipkan: laporan yang sama sudah pernah disampaikan.' })]);
    const en = await track('en').expect(200);
    expect(en.headers['content-language']).toBe('en');
    expect(en.body.messages).toEqual([expect.objectContaining({ type: 'ARCHIVED', text: 'Archived: the same report was made before.' })]);
  });

  describe('deadline explanations and the audit history', () => {
    let trackingId: string;
    let supervisorId: string;
    let extended: Awaited<ReturnType<ComplaintDriver['act']>>;
    beforeAll(async () => {
      trackingId = await driver.submit();
      await driver.until(trackingId, (s) => s.state === 'SUBMITTED');
      supervisorId = (await driver.officer(trackingId, 'SUPERVISOR')).id;
      extended = await driver.act(trackingId, 'extend-deadline', { stage: 'verification', extra: { workingDays: 1 }, reason: 'Menunggu data dukung' });
    });

    const complaint = (language?: string) => {
      const r = request(t.http).get(`/v1/complaints/${trackingId}`).set(driver.officers.national.AUDITOR.auth);
      return (language ? r.set('Accept-Language', language) : r).expect(200);
    };
    const history = (language?: string) => {
      const r = request(t.http).get(`/v1/audit/complaints/${trackingId}/history`).set(driver.officers.national.AUDITOR.auth);
      return (language ? r.set('Accept-Language', language) : r).expect(200);
    };
    type Explained = { stage: string; explanation: { rule: string; summary: string; startAt: string; dueAt: string; skipped: { date: string; reason: string }[] } };
    const verification = (body: { process: { deadlines: Explained[] } }) => body.process.deadlines.find((d) => d.stage === 'verification')!.explanation;

    it('explains a deadline in Indonesian by default: rule, extension with approver and reason, days not counted', async () => {
      const res = await complaint();
      expect(res.headers['content-language']).toBe('id');
      const x = verification(res.body);
      expect(x.rule).toBe(`3 hari kerja, lalu diperpanjang 1 hari kerja (perpanjangan disetujui oleh ${supervisorId}: Menunggu data dukung)`);
      expect(x.summary).toBe(
        `Jatuh tempo ${x.dueAt}: ${x.rule}, dihitung sejak ${x.startAt} (Asia/Jakarta).` +
          (x.skipped.length ? ` Tidak dihitung: ${x.skipped.map((d) => `${d.date} (${d.reason})`).join(', ')}.` : ''),
      );
      for (const day of x.skipped) expect(day.reason).toMatch(/^(Sabtu|Minggu|hari libur nasional|cuti bersama|hari libur instansi)/);
      // The action's own answer is worded the same way.
      expect(verification({ process: extended as unknown as { deadlines: Explained[] } }).rule).toBe(x.rule);
    });

    it('explains it in English with Accept-Language: en, the same instants', async () => {
      const [id, en] = await Promise.all([complaint(), complaint('en')]);
      const x = verification(en.body);
      expect(x.rule).toBe(`3 working days, then extended by 1 working day (extension approved by ${supervisorId}: Menunggu data dukung)`);
      expect(x.summary).toMatch(new RegExp(`^Due ${x.dueAt.replace(/[.+]/g, '\\$&')}: 3 working days, then extended by 1 working day .+, counted from `));
      expect({ dueAt: x.dueAt, startAt: x.startAt }).toEqual({ dueAt: verification(id.body).dueAt, startAt: verification(id.body).startAt });
      for (const day of x.skipped) expect(day.reason).toMatch(/^(Saturday|Sunday|national public holiday|joint leave|agency day off)/);
    });

    it('tells the reporter why the deadline falls where it does, without the approver, in the chosen language', async () => {
      const track = (language: string) =>
        request(t.http).get(`/v1/track/${trackingId}`).set('X-Access-Code', driver.accessCode(trackingId)).set('Accept-Language', language).expect(200);
      const [id, en] = await Promise.all([track('id'), track('en')]);
      const explanation = (body: { deadlines: { stage: string; explanation: string }[] }) => body.deadlines.find((d) => d.stage === 'verification')!.explanation;
      expect(explanation(id.body)).toMatch(/^Jatuh tempo \S+: 3 hari kerja, lalu diperpanjang 1 hari kerja: Menunggu data dukung, dihitung sejak /);
      expect(explanation(en.body)).toMatch(/^Due \S+: 3 working days, then extended by 1 working day: Menunggu data dukung, counted from /);
      expect(explanation(id.body) + explanation(en.body)).not.toContain(supervisorId);
    });

    it('words the audit history in Indonesian by default and in English on request, the detail unchanged', async () => {
      const steps = async (language?: string) => {
        const res = await history(language);
        return { language: res.headers['content-language'], steps: res.body.steps as { kind: string; summary: string; detail: Record<string, unknown> }[] };
      };
      const [id, en] = await Promise.all([steps(), steps('en-US')]);
      expect([id.language, en.language]).toEqual(['id', 'en']);
      expect(id.steps.map((s) => [s.kind, s.detail])).toEqual(en.steps.map((s) => [s.kind, s.detail]));
      const extension = (list: typeof id.steps) => list.find((s) => s.kind === 'update' && s.detail.update === 'extendDeadline')!.summary;
      expect(extension(id.steps)).toMatch(new RegExp(`^SUPERVISOR ${supervisorId} memperpanjang tenggat \\(stage: verification, `));
      expect(extension(en.steps)).toMatch(new RegExp(`^SUPERVISOR ${supervisorId} extended a deadline \\(stage: verification, `));
      expect(id.steps[0].summary).toMatch(/^Workflow pengaduan dimulai dengan kebijakan SLA \S+, kanal WEB/);
      expect(en.steps[0].summary).toMatch(/^The complaint workflow started under SLA policy \S+, channel WEB/);
      const planned = (list: typeof id.steps) => list.filter((s) => s.kind === 'local-activity' && s.detail.activityType === 'planDeadline').at(-1)!.summary;
      expect(planned(id.steps)).toMatch(/: tenggat verifikasi \(jam \S+\) jatuh tempo \S+ \(3 hari kerja, lalu diperpanjang 1 hari kerja \(perpanjangan disetujui oleh /);
      expect(planned(en.steps)).toMatch(/: the verification deadline \(clock \S+\) due \S+ \(3 working days, then extended by 1 working day \(extension approved by /);
      expect(id.steps.map((s) => s.summary).join('\n')).not.toMatch(/\b(Activity|completed|was recorded|deadline due)\b/);
    });
  });
});
