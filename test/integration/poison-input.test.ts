import { WorkflowUpdateFailedError } from '@temporalio/client';
import request from 'supertest';
import { ACTION_UPDATES, complaintWorkflowId, INVALID_ACTION } from '../../workflows/messages.js';
import { complaintBody, createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { ComplaintDriver, driverFor, LIAISON } from '../support/lifecycle.js';
import { MULTIPART_BOUNDARY, multipartBody, plainJpeg } from '../support/evidence-files.js';

const NUL = 'Ditinjau \u0000 lapangan';
const LONE_SURROGATE = 'Ditinjau \ud800 lapangan';

/** Input PostgreSQL cannot store, or that would exhaust a recursive parser, never gets past the edge — and if it does, nothing wedges. */
describe('poison input', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;

  beforeAll(async () => {
    t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-agency-seconds.json' });
    agencies = await createAgencies(t.prisma);
    c = await driverFor(t, agencies);
  });
  afterAll(() => t.close());

  /**
   * Other suites file complaints in the same database at the same time, so "nothing changed" is asked of
   * rows carrying this case's own marker, not of the table's size.
   */
  const MARKER = `poison-${Date.now().toString(36)}`;
  const complaintsMarked = () => t.prisma.complaint.count({ where: { chronology: { contains: MARKER } } });
  const marked = (overrides: Record<string, unknown>) => complaintBody({ chronology: `Laporan ${MARKER}: KTP-el belum dicetak.`, ...overrides });

  describe('at the API edge: 400 naming the field, nothing changed', () => {
    it.each([
      ['a NUL in a submission title', () => request(t.http).post('/v1/complaints').send(marked({ title: NUL })), 'title: contains U+0000 (NUL), which cannot be stored'],
      [
        'an unpaired surrogate in a nested field',
        () => request(t.http).post('/v1/complaints').send(marked({ location: { regency: LONE_SURROGATE } })),
        'location.regency: contains an unpaired surrogate (U+D800), which is not valid text',
      ],
      ['a NUL in a login username', () => request(t.http).post('/v1/auth/login').send({ username: 'verifi\u0000kator', password: 'x' }), 'username: contains U+0000'],
      ['a NUL in a tracking ID in the path', () => request(t.http).get('/v1/track/%00').set('X-Access-Code', 'AAAA-BBBB-CCCC'), 'trackingId: contains U+0000'],
      ['a NUL in a query parameter', () => request(t.http).get('/v1/public/complaints?cursor=%00'), 'query.cursor: contains U+0000'],
      ['a NUL in a district (kecamatan)', () => request(t.http).post('/v1/complaints').send(marked({ location: { regency: 'Kota Bandung', district: NUL } })), 'location.district: contains U+0000'],
      ['a NUL in the tracking ID of disposition suggestions', () => request(t.http).get('/v1/complaints/LPR-%00/disposition-suggestions'), 'trackingId: contains U+0000'],
      ['a NUL in the evidence pack format', () => request(t.http).get('/v1/complaints/LPR-AAAA-BBBB/evidence-pack?format=pdf%00'), 'query.format: contains U+0000'],
      ['a NUL in an evidence pack digest to verify', () => request(t.http).post('/v1/evidence-packs/verify').send({ contentSha256: NUL, historySha256: '0'.repeat(64) }), 'contentSha256: contains U+0000'],
      ['a NUL in the reporter\'s consent', () => request(t.http).post('/v1/track/LPR-AAAA-BBBB/ombudsman-consent').set('X-Access-Code', 'AAAA-BBBB-CCCC').send({ consent: NUL }), 'consent: contains U+0000'],
      ['a NUL in the SLA report grouping', () => request(t.http).get('/v1/reports/sla?groupBy=province%00'), 'query.groupBy: contains U+0000'],
      [
        'a NUL deep in a what-if draft policy',
        () => request(t.http).post('/v1/reports/what-if').send({ draftPolicy: { versions: [{ version: NUL }] }, from: '2026-01-01' }),
        'draftPolicy.versions.0.version: contains U+0000',
      ],
      ['a NUL in a what-if replay ID', () => request(t.http).get('/v1/reports/what-if/%00/differences'), 'id: contains U+0000'],
      [
        'a place far from any regency, 120 characters long',
        () => request(t.http).post('/v1/complaints').send(marked({ location: { regency: 'x'.repeat(120) } })),
        'location.regency',
      ],
      ['a NUL in a form field', () => request(t.http).post('/open311/v2/requests.json').type('form').send(`service_code=COMPLAINT&description=${MARKER}%00b&address_string=Kota%20Bandung`), 'description: contains U+0000'],
      [
        'JSON nested 5,000 levels',
        () => request(t.http).post('/v1/complaints').set('Content-Type', 'application/json').send(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`),
        'nests deeper than 16 levels',
      ],
      [
        'a NUL in an evidence file name',
        async () => {
          const id = await c.submit();
          return request(t.http)
            .post(`/v1/track/${id}/attachments`)
            .set('X-Access-Code', c.accessCode(id))
            .set('Content-Type', `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`)
            .send(multipartBody([{ name: 'purpose', content: 'COMPLAINT' }, { name: 'files', filenameStar: "UTF-8''bukti%00.jpg", contentType: 'image/jpeg', content: plainJpeg() }]));
        },
        'files: file 1 needs a name of 1 to 255 characters without control characters',
      ],
      [
        "a NUL in an evidence upload's purpose",
        async () => {
          const id = await c.submit();
          return request(t.http).post(`/v1/track/${id}/attachments`).set('X-Access-Code', c.accessCode(id)).field('purpose', 'COMPLAINT\u0000').attach('files', plainJpeg(), 'a.jpg');
        },
        'purpose: must be one of COMPLAINT, CLARIFICATION',
      ],
      [
        'an occurrence in the year 9999',
        () => request(t.http).post('/v1/complaints').send(marked({ occurredAt: '9999-12-31T23:59:59Z' })),
        'occurredAt: must not be in the future',
      ],
    ])('refuses %s', async (_what, send, message) => {
      const res = await send();
      expect(res.status).toBe(400);
      const text = Array.isArray(res.body) ? res.body.map((e: { description: string }) => e.description).join(' ') : [res.body.message].flat().join(' ');
      expect(text).toContain(message);
      expect(await complaintsMarked()).toBe(0);
    });

    it('refuses a NUL in an officer action and leaves the workflow untouched', async () => {
      const id = await c.submit();
      await c.act(id, 'verify', { agencyId: agencies.jakarta.id });
      await c.act(id, 'assign', { liaisonId: LIAISON });
      const before = (await c.handle(id).fetchHistory()).events!.length;
      const res = await c.act(id, 'follow-up', { text: NUL }, 400);
      expect([res.message].flat().join(' ')).toContain('text: contains U+0000 (NUL)');
      const after = await c.handle(id).fetchHistory();
      expect(after.events!.slice(before).some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
      expect((await c.act(id, 'follow-up', { text: 'Ditinjau lapangan.' })).facts.firstResponseAt).not.toBeNull();
    });

    it('refuses an extension without extra time, naming the field', async () => {
      const id = await c.submit();
      const res = await c.act(id, 'extend-deadline', { officerRole: 'SUPERVISOR', stage: 'verification', reason: 'menunggu' }, 400);
      expect([res.message].flat().join(' ')).toContain('extra: is required; give workingDays or duration');
    });
  });

  describe('straight to Temporal, past the API', () => {
    it('refuses unstorable text in the Update validator, before it enters history', async () => {
      const id = await c.submit();
      const handle = c.handle(id);
      const update = handle.executeUpdate(ACTION_UPDATES['request-clarification'], { args: [{ actor: { id: 'usr-x', role: 'VERIFIER' }, question: NUL }] });
      await expect(update).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(update).rejects.toMatchObject({ cause: { type: INVALID_ACTION, message: 'question: contains U+0000 (NUL), which cannot be stored' } });
      expect((await handle.fetchHistory()).events!.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
    });

    it('records a write the database refuses for good, tells the operator, releases the handler and keeps the clocks firing', async () => {
      const id = await c.submit();
      const handle = c.handle(id);
      // An agency no row holds: its calendar cannot be read and the read model refuses the disposition.
      const status = await handle.executeUpdate(ACTION_UPDATES.verify, { args: [{ actor: { id: 'usr-x', role: 'VERIFIER' }, agencyId: 'no-such-agency' }] });
      expect(status.state).toBe('DISPOSED');
      expect(status.deadlines.map((d) => d.explanation.timeZone)).toEqual(['Asia/Jakarta', 'Asia/Jakarta', 'Asia/Jakarta']);
      expect(status.deadlines[0].explanation.notes.join(' ')).toMatch(/counted in the national calendar instead of no-such-agency's/);
      expect(status.operatorAlerts.map((a) => a.activity)).toEqual(expect.arrayContaining(['planDeadline', 'projectTransition']));
      expect(status.operatorAlerts[0].reason).toMatch(new RegExp(`^planDeadline: the database refused the request \\(P2025\\)`));
      const alerts = await t.prisma.notification.findMany({ where: { complaint: { trackingId: id }, kind: 'OPERATOR_ALERT' } });
      expect(alerts.length).toBeGreaterThanOrEqual(2);
      expect(alerts.every((a) => a.receiverRole === 'SYSADMIN')).toBe(true);
      // The clocks keep firing: the assignment deadline (PT2S) breaches and climbs, kept in the workflow when no row can hold it.
      const breached = await eventually(async () => {
        const s = await c.status(id);
        return s.escalations.some((e) => e.stage === 'assignment') ? s : undefined;
      });
      expect(breached.operatorAlerts.find((a) => a.activity === 'recordEscalation')?.reason).toMatch(/^recordEscalation: PostgreSQL refused the data \(SQLSTATE 23503\)/);
      // And the next action works: redirected to an agency that exists, the read model catches up.
      await handle.executeUpdate(ACTION_UPDATES.redirect, { args: [{ actor: { id: 'usr-x', role: 'AGENCY_ADMIN' }, toAgencyId: agencies.makassar.id, reason: 'bukan wewenang' }] });
      const row = await eventually(async () => {
        const r = await c.row(id);
        return r.agencyId === agencies.makassar.id ? r : undefined;
      });
      expect(row.lastEventSeq).toBe((await c.status(id)).eventSeq);
      expect(complaintWorkflowId(id)).toBe(row.workflowId);
    });
  });
});
