// Reporter anonymity and complaint confidentiality over every read endpoint. Restated from the rules,
// independently of the code: the reporter's identity (name, phone, email, NIK) of an anonymous complaint
// never reaches an agency role, the Ombudsman or the auditor, nor any list, export, public view or
// notification; only VERIFIER and SYSADMIN see it, and each of their views is written to the audit log.
// A confidential complaint never appears in public (transparency list, Open311).
// The app runs the PT2S verification policy, so a complaint left unverified fires its reminder and
// three escalation levels (with notifications) within seconds.
import { randomBytes, randomInt } from 'node:crypto';
import request from 'supertest';
import type { Role } from '../../src/auth/officer.js';
import { createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { ComplaintDriver, driverFor, LIAISON } from '../support/lifecycle.js';
import type { TestOfficer } from '../support/officers.js';

const suffix = randomBytes(4).toString('hex');
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
/** A reporter nobody else in the shared database has, so any occurrence is a leak of this file's complaints. */
const REPORTER = {
  name: `Dewi Anonim ${suffix}`,
  phone: `+62813${digits(9)}`,
  email: `anon.${suffix}@example.id`,
  nik: `3273${digits(12)}`,
};
/** Every form the identity could take in an answer (the phone also without its +). */
const IDENTITY_STRINGS = [REPORTER.name, REPORTER.phone, REPORTER.phone.slice(1), REPORTER.email, REPORTER.nik];

const AGENCY_ROLES = ['AGENCY_ADMIN', 'LIAISON', 'SUPERVISOR', 'COMPLAINT_MANAGER'] as const;
const NON_IDENTITY_ROLES: Role[] = [...AGENCY_ROLES, 'OMBUDSMAN', 'AUDITOR'];
const ALL_ROLES: Role[] = ['VERIFIER', ...AGENCY_ROLES, 'OMBUDSMAN', 'AUDITOR', 'SYSADMIN'];

/** Which identity strings `text` contains (an empty list when none leaked). */
function leaked(text: string): string[] {
  return IDENTITY_STRINGS.filter((s) => text.includes(s));
}

describe('reporter anonymity and complaint confidentiality', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  let agencyId: string;
  /** Anonymous, verified to the agency and assigned at once. */
  let anonymousId: string;
  /** Anonymous, left unverified until it escalated to level 3 (reminder + escalations + notifications), then verified and assigned. */
  let escalatedId: string;
  /** Not anonymous: identity is still for VERIFIER and SYSADMIN only. */
  let namedId: string;
  let confidentialId: string;
  let confidentialTitle: string;
  let publicId: string;
  const officerOf = (role: Role): TestOfficer => c.officers.forRole(role, agencyId);

  const get = (path: string, officer?: TestOfficer) => {
    const call = request(t.http).get(path);
    return officer ? call.set(officer.auth) : call;
  };

  /** Every page of the public transparency list, followed through nextCursor. */
  async function publicPages(): Promise<{ ids: string[]; text: string }> {
    const ids: string[] = [];
    let text = '';
    let cursor: string | null = null;
    for (let page = 0; page < 500; page++) {
      const res: request.Response = await request(t.http)
        .get('/v1/public/complaints')
        .query({ limit: 200, ...(cursor ? { cursor } : {}) })
        .expect(200);
      text += res.text;
      ids.push(...res.body.items.map((i: { trackingId: string }) => i.trackingId));
      cursor = res.body.nextCursor;
      if (!cursor) return { ids, text };
    }
    throw new Error('public list did not end within 500 pages');
  }

  beforeAll(async () => {
    t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-seconds.json' });
    const agencies = await createAgencies(t.prisma);
    agencyId = agencies.jakarta.id;
    c = await driverFor(t, agencies);

    escalatedId = await c.submit({ anonymous: true, reporter: REPORTER, title: `Anonim tereskalasi ${suffix}` });
    anonymousId = await c.submit({ anonymous: true, reporter: REPORTER, title: `Anonim ${suffix}` });
    namedId = await c.submit({ anonymous: false, reporter: REPORTER, title: `Bernama ${suffix}` });
    confidentialTitle = `Rahasia ${suffix}`;
    confidentialId = await c.submit({ confidential: true, reporter: REPORTER, title: confidentialTitle });
    publicId = await c.submit({ title: `Terbuka ${suffix}` });
    // Both verified: only disposed complaints are public, so the confidential one is hidden for being confidential.
    for (const id of [publicId, confidentialId]) await c.act(id, 'verify', { agencyId, complexity: 'NORMAL' });

    for (const id of [anonymousId, namedId]) {
      await c.act(id, 'verify', { agencyId, complexity: 'NORMAL' });
      await c.act(id, 'assign', { liaisonId: LIAISON });
    }
    // Reminder at 1 s, level 1 at 2 s, level 2 at 4 s, level 3 at 6 s after submission.
    await eventually(async () => ((await c.escalations(escalatedId)).length === 3 ? true : undefined), 30_000);
    await c.act(escalatedId, 'verify', { agencyId, complexity: 'NORMAL' });
    await c.act(escalatedId, 'assign', { liaisonId: LIAISON });
    await c.act(escalatedId, 'follow-up', { text: 'Sedang ditinjau.' });
  }, 90_000);
  afterAll(() => t?.close());

  describe('an anonymous complaint never shows who reported it', () => {
    it.each(NON_IDENTITY_ROLES)('detail as %s: reporter null and no identity in the answer', async (role) => {
      for (const id of [anonymousId, escalatedId]) {
        const res = await get(`/v1/complaints/${id}`, officerOf(role));
        // Visible to the agency's roles and the auditor; to the Ombudsman once escalated to level 3.
        const visible = role !== 'OMBUDSMAN' || id === escalatedId;
        expect(res.status).toBe(visible ? 200 : 404);
        expect(res.body.trackingId).toBe(visible ? id : undefined);
        expect(res.body.reporter).toBe(visible ? null : undefined);
        expect(leaked(res.text)).toEqual([]);
      }
    });

    it.each(NON_IDENTITY_ROLES)('work queue as %s has no identity', async (role) => {
      const officer = officerOf(role);
      const unfiltered = await get(`/v1/complaints?agencyId=${agencyId}&limit=200`, officer).expect(200);
      expect(leaked(unfiltered.text)).toEqual([]);
      const { status } = (await get(`/v1/complaints/${anonymousId}`, c.officers.national.AUDITOR).expect(200)).body;
      const filtered = await get(`/v1/complaints?agencyId=${agencyId}&status=${status}&limit=200`, officer).expect(200);
      expect(leaked(filtered.text)).toEqual([]);
      // Sanity: the complaints are in the queue (the Ombudsman's: the escalated one), so the check above is not vacuous.
      const ids = filtered.body.items.map((i: { trackingId: string }) => i.trackingId);
      expect(ids).toEqual(expect.arrayContaining(role === 'OMBUDSMAN' ? [escalatedId] : [anonymousId, escalatedId]));
    });

    it.each(NON_IDENTITY_ROLES)('escalation inbox as %s has no identity', async (role) => {
      const res = await get('/v1/escalations?mine=false&open=false&limit=200', officerOf(role)).expect(200);
      expect(leaked(res.text)).toEqual([]);
      // Sanity: the escalated complaint's escalations are listed to those who see it.
      const mustList = ['AGENCY_ADMIN', 'COMPLAINT_MANAGER', 'OMBUDSMAN', 'AUDITOR'].includes(role);
      expect(!mustList || res.text.includes(escalatedId)).toBe(true);
    });

    it('audit history (JSON and CSV) has no identity, even after identity views were logged', async () => {
      // An identity view by the verifier puts a REPORTER_IDENTITY_VIEWED row into the history.
      for (const id of [anonymousId, escalatedId]) await get(`/v1/complaints/${id}`, c.officers.national.VERIFIER).expect(200);
      for (const officer of [c.officers.national.AUDITOR, c.officers.national.SYSADMIN]) {
        for (const id of [anonymousId, escalatedId]) {
          const json = await get(`/v1/audit/complaints/${id}/history`, officer).expect(200);
          expect(json.text).toContain(id);
          expect(leaked(json.text)).toEqual([]);
          const csv = await get(`/v1/audit/complaints/${id}/history?format=csv`, officer).expect(200);
          expect(csv.text).toContain(id);
          expect(leaked(csv.text)).toEqual([]);
        }
      }
    });

    it.each(['AUDITOR', 'SYSADMIN', 'OMBUDSMAN', 'AGENCY_ADMIN', 'COMPLAINT_MANAGER'] as Role[])(
      'SLA report (JSON and CSV) as %s has no identity',
      async (role) => {
        const officer = officerOf(role);
        const json = await get(`/v1/reports/sla?agency=${agencyId}`, officer).expect(200);
        expect(json.text).toContain(agencyId);
        expect(leaked(json.text)).toEqual([]);
        const csv = await get(`/v1/reports/sla?agency=${agencyId}&format=csv`, officer).expect(200);
        expect(csv.text).toContain(agencyId);
        expect(leaked(csv.text)).toEqual([]);
      },
    );

    it('public list (every page) has no identity', async () => {
      const { ids, text } = await publicPages();
      expect(ids).toEqual(expect.arrayContaining([anonymousId, escalatedId]));
      expect(leaked(text)).toEqual([]);
    });

    it('Open311 list and single request, JSON and XML, have no identity', async () => {
      const ids = [anonymousId, escalatedId, namedId].join(',');
      for (const ext of ['json', 'xml']) {
        const byId = await get(`/open311/v2/requests.${ext}?service_request_id=${ids}`).expect(200);
        expect(byId.text).toContain(anonymousId);
        expect(leaked(byId.text)).toEqual([]);
        const newest = await get(`/open311/v2/requests.${ext}?limit=1000`).expect(200);
        expect(leaked(newest.text)).toEqual([]);
        for (const id of [anonymousId, escalatedId, namedId]) {
          const one = await get(`/open311/v2/requests/${id}.${ext}`).expect(200);
          expect(one.text).toContain(id);
          expect(leaked(one.text)).toEqual([]);
        }
      }
    });

    it("the reporter's own tracking view has no identity", async () => {
      for (const id of [anonymousId, escalatedId]) {
        const res = await request(t.http).get(`/v1/track/${id}`).set('X-Access-Code', c.accessCode(id)).expect(200);
        expect(leaked(res.text)).toEqual([]);
      }
    });

    it('notifications (reminder and escalations) carry no identity', async () => {
      const rows = await eventually(async () => {
        const found = await t.prisma.notification.findMany({ where: { complaint: { trackingId: { in: [anonymousId, escalatedId] } } } });
        return found.length >= 3 ? found : undefined;
      }, 15_000);
      expect(rows.some((r) => JSON.stringify(r.payload).includes(escalatedId))).toBe(true);
      for (const row of rows) expect(leaked(JSON.stringify(row))).toEqual([]);
    });
  });

  describe('identity only for VERIFIER and SYSADMIN, each view audited', () => {
    const identityViews = (trackingId: string) =>
      t.prisma.auditLog.findMany({ where: { trackingId, action: 'REPORTER_IDENTITY_VIEWED' }, orderBy: { id: 'asc' } });

    it.each(['VERIFIER', 'SYSADMIN'] as Role[])('%s sees the identity, and each GET writes exactly one audit row', async (role) => {
      const officer = officerOf(role);
      for (const id of [anonymousId, namedId]) {
        for (let view = 0; view < 2; view++) {
          const before = await identityViews(id);
          const res = await get(`/v1/complaints/${id}`, officer).expect(200);
          expect(res.body.reporter).toEqual(REPORTER);
          // Written before the answer: no waiting.
          const after = await identityViews(id);
          expect(after).toHaveLength(before.length + 1);
          expect(after.at(-1)).toMatchObject({ actorId: officer.id, actorRole: role, action: 'REPORTER_IDENTITY_VIEWED', trackingId: id });
        }
      }
    });

    it.each(ALL_ROLES.filter((r) => r !== 'VERIFIER' && r !== 'SYSADMIN'))(
      '%s gets reporter null on a named complaint too, and no audit row',
      async (role) => {
        const before = await identityViews(namedId);
        const res = await get(`/v1/complaints/${namedId}`, officerOf(role));
        // The Ombudsman: 404, the complaint never reached it.
        expect(res.status).toBe(role === 'OMBUDSMAN' ? 404 : 200);
        expect(res.body.reporter ?? null).toBeNull();
        expect(leaked(res.text)).toEqual([]);
        expect(await identityViews(namedId)).toHaveLength(before.length);
      },
    );

    it('an AGENCY_ADMIN GET of the anonymous complaint writes no identity view', async () => {
      const before = await identityViews(anonymousId);
      const res = await get(`/v1/complaints/${anonymousId}`, officerOf('AGENCY_ADMIN')).expect(200);
      expect(res.body.reporter).toBeNull();
      expect(await identityViews(anonymousId)).toHaveLength(before.length);
    });
  });

  describe('a confidential complaint never appears in public', () => {
    it('is absent from every page of the public list; a non-confidential one is present', async () => {
      const { ids, text } = await publicPages();
      expect(ids).toContain(publicId);
      expect(ids).not.toContain(confidentialId);
      expect(text).not.toContain(confidentialId);
      expect(text).not.toContain(confidentialTitle);
    });

    it('is absent from the Open311 list (JSON and XML) and answers 404 on its own; a non-confidential one is present', async () => {
      for (const ext of ['json', 'xml']) {
        const byId = await get(`/open311/v2/requests.${ext}?service_request_id=${confidentialId},${publicId}`).expect(200);
        expect(byId.text).toContain(publicId);
        expect(byId.text).not.toContain(confidentialId);
        const newest = await get(`/open311/v2/requests.${ext}?limit=1000`).expect(200);
        expect(newest.text).toContain(publicId);
        expect(newest.text).not.toContain(confidentialId);
        expect(newest.text).not.toContain(confidentialTitle);

        const hidden = await get(`/open311/v2/requests/${confidentialId}.${ext}`);
        expect(hidden.status).toBe(404);
        expect(hidden.text).not.toContain(confidentialTitle);
        await get(`/open311/v2/requests/${publicId}.${ext}`).expect(200);
      }
    });
  });
});
