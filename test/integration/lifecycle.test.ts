import { WithStartWorkflowOperation } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { loadSlaPolicy } from '../../src/policy/sla-policy.js';
import { complaintWorkflow } from '../../workflows/complaint.workflow.js';
import { ACTION_UPDATES, complaintWorkflowId } from '../../workflows/messages.js';
import { createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { ComplaintDriver, driverFor, LIAISON } from '../support/lifecycle.js';

const verifier = {};
const admin = {};
const liaison = {};

/** Every arrow of DESIGN.md's lifecycle, driven through the API; reporter clocks run in seconds. */
describe('complaint lifecycle through the API', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;

  beforeAll(async () => {
    t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-reporter-seconds.json' });
    agencies = await createAgencies(t.prisma);
    c = await driverFor(t, agencies);
  });
  afterAll(() => t.close());

  it('runs the happy path: verify, assign, follow up, resolve, accept and close', async () => {
    const id = await c.submit();
    const disposed = await c.act(id, 'verify', { ...verifier, agencyId: agencies.jakarta.id, complexity: 'SIMPLE' });
    expect(disposed.state).toBe('DISPOSED');
    expect(disposed.deadlines.map((d) => d.stage).sort()).toEqual(['assignment', 'firstFollowUp', 'resolution']);
    expect(disposed.deadlines.every((d) => d.agencyId === agencies.jakarta.id)).toBe(true);

    const assigned = await c.act(id, 'assign', { ...admin, liaisonId: LIAISON });
    expect(assigned.state).toBe('IN_PROGRESS');
    expect(assigned.deadlines.map((d) => d.stage).sort()).toEqual(['firstFollowUp', 'resolution']);

    const followedUp = await c.act(id, 'follow-up', { ...liaison, text: 'Sudah ditinjau.' });
    expect(followedUp.deadlines.map((d) => d.stage)).toEqual(['resolution']);
    const firstResponseAt = followedUp.facts.firstResponseAt;
    expect(firstResponseAt).not.toBeNull();

    const resolved = await c.act(id, 'resolve', { ...liaison, answer: 'Sudah diperbaiki.' });
    expect(resolved.state).toBe('AWAITING_FEEDBACK');
    expect(resolved.facts.firstResponseAt).toBe(firstResponseAt); // a fact stays a fact
    expect(resolved.deadlines.map((d) => d.stage)).toEqual(['feedback']);

    const closed = await c.act(id, 'accept', { rating: 5, comment: 'Terima kasih' });
    expect(closed).toMatchObject({ state: 'CLOSED', deadlines: [], facts: { closedBy: 'REPORTER', rating: 5 } });

    const row = await eventually(async () => {
      const r = await c.row(id);
      return r.status === 'CLOSED' ? r : undefined;
    });
    expect(row).toMatchObject({ rating: 5, assigneeId: (await c.officer(id, 'LIAISON')).id, complexity: 'SIMPLE', redirectCount: 0 });
    expect(row.firstResponseAt!.toISOString()).toBe(firstResponseAt);
    expect(row.events.map((e) => e.type)).toEqual(['SUBMITTED', 'VERIFIED', 'ASSIGNED', 'FOLLOWED_UP', 'RESOLVED', 'CLOSED']);
    expect(row.events.find((e) => e.type === 'CLOSED')).toMatchObject({ actorId: 'reporter', actorRole: 'REPORTER' });
    expect((await c.handle(id).result()).state).toBe('CLOSED');
    c.recordHistory(id, 'happy-path-closed');
  });

  it('archives a complaint whose reporter never answers the clarification request', async () => {
    const id = await c.submit();
    const waiting = await c.act(id, 'request-clarification', { ...verifier, question: 'Di kelurahan mana?' });
    expect(waiting.state).toBe('AWAITING_CLARIFICATION');
    expect(waiting.deadlines.find((d) => d.stage === 'verification')).toMatchObject({ paused: true });
    const archived = await c.until(id, (s) => s.state === 'ARCHIVED');
    expect(archived.facts.archiveReason).toBe('NO_CLARIFICATION');
    expect(archived.endedAutomatically).toBe('archived automatically: the reporter did not give the requested details in time');
    const tracked = await request(t.http).get(`/v1/track/${id}`).set('X-Access-Code', c.accessCode(id)).set('Accept-Language', 'id').expect(200);
    expect(tracked.body.messages.at(-1)).toMatchObject({
      type: 'ARCHIVED',
      text: 'Diarsipkan otomatis karena Anda tidak memberikan keterangan yang diminta dalam 3 detik.',
    });
    const row = await eventually(async () => {
      const r = await c.row(id);
      return r.status === 'ARCHIVED' ? r : undefined;
    });
    expect(row.events.map((e) => e.type)).toEqual(['SUBMITTED', 'CLARIFICATION_REQUESTED', 'ARCHIVED']);
    await c.handle(id).result();
    c.recordHistory(id, 'clarification-then-archived');
  });

  it('pauses the verification clock during clarification and gives the paused time back', async () => {
    const id = await c.submit();
    const [before] = (await c.until(id, (s) => s.deadlines.length > 0)).deadlines;
    await c.act(id, 'request-clarification', { ...verifier, question: 'Kapan tepatnya?' });
    await new Promise((r) => setTimeout(r, 1500));
    const resumed = await c.act(id, 'provide-clarification', { answer: 'Tanggal 5 Oktober pagi.' });
    expect(resumed.state).toBe('SUBMITTED');
    const after = resumed.deadlines.find((d) => d.stage === 'verification')!;
    expect(after.paused).toBe(false);
    const shift = Date.parse(after.dueAt) - Date.parse(before.dueAt);
    expect(shift).toBeGreaterThanOrEqual(1400);
    expect(shift).toBeLessThan(5000);
    expect(after.explanation.notes.join(' ')).toMatch(/paused .* awaiting the reporter's clarification; PT.*S \(exact duration\) remained, counted again from/);
    c.recordHistory(id, 'clarification-provided-clock-resumed');
  });

  it('archives on the verifier’s decision, and refuses actions afterwards with 409', async () => {
    const id = await c.submit();
    const archived = await c.act(id, 'archive', { ...verifier, reason: 'SPAM' });
    expect(archived).toMatchObject({ state: 'ARCHIVED', facts: { archiveReason: 'SPAM' } });
    const refused = await c.act(id, 'verify', { ...verifier, agencyId: agencies.jakarta.id }, 409);
    expect(refused.message).toMatch(/complaint is ARCHIVED/);
  });

  it('redirects to the agency with authority, restarting its clocks in its zone, and escalates redirects past the policy', async () => {
    const id = await c.submit();
    await c.act(id, 'verify', { ...verifier, agencyId: agencies.jakarta.id });
    const first = await c.act(id, 'redirect', { ...admin, toAgencyId: agencies.makassar.id, reason: 'bukan wewenang' });
    expect(first).toMatchObject({ state: 'DISPOSED', agencyId: agencies.makassar.id, facts: { redirects: 1 } });
    expect(first.deadlines.every((d) => d.explanation.timeZone === 'Asia/Makassar')).toBe(true);
    await c.act(id, 'assign', { ...admin, liaisonId: LIAISON });
    const second = await c.act(id, 'redirect', { ...admin, toAgencyId: agencies.jayapura.id, reason: 'jalan provinsi' });
    expect(second).toMatchObject({ state: 'DISPOSED', facts: { redirects: 2, assigneeId: null }, escalations: [] });
    expect(second.deadlines.every((d) => d.explanation.timeZone === 'Asia/Jayapura')).toBe(true);
    const third = await c.act(id, 'redirect', { ...admin, toAgencyId: agencies.jakarta.id, reason: 'kembali ke pusat' });
    expect(third.escalations).toEqual([expect.objectContaining({ stage: 'redirection', level: 1, receiverRole: 'VERIFIER', agencyId: null })]);
    expect((await c.escalations(id)).map((e) => [e.stage, e.receiverRole])).toEqual([['redirection', 'VERIFIER']]);
    await c.act(id, 'redirect', { ...admin, toAgencyId: agencies.jakarta.id, reason: 'same agency' }, 400);
    c.recordHistory(id, 'redirected-three-times');
  });

  it('reopens on dispute with a new resolution clock, then closes as accepted when the reporter goes silent', async () => {
    const id = await c.submit();
    await c.act(id, 'verify', { ...verifier, agencyId: agencies.jakarta.id, complexity: 'INVESTIGATION' });
    await c.act(id, 'assign', { ...admin, liaisonId: LIAISON });
    await c.act(id, 'resolve', { ...liaison, answer: 'Selesai.' });
    const reopened = await c.act(id, 'dispute', { reason: 'Belum selesai.' });
    expect(reopened).toMatchObject({ state: 'IN_PROGRESS', facts: { disputes: 1 } });
    expect(reopened.deadlines.map((d) => [d.stage, d.explanation.rule])).toEqual([['resolution', 'PT2H (exact duration)']]);
    await c.act(id, 'resolve', { ...liaison, answer: 'Sekarang sudah selesai.' });
    const closed = await c.until(id, (s) => s.state === 'CLOSED');
    expect(closed.facts).toMatchObject({ closedBy: 'FEEDBACK_TIMEOUT', rating: null, disputes: 1 });
    await c.handle(id).result();
    c.recordHistory(id, 'disputed-then-closed-by-timeout');
  });

  it.each([
    ['accept', { rating: 5 }, 'SUBMITTED'],
    ['provide-clarification', { answer: 'x' }, 'SUBMITTED'],
  ])('refuses %s on a new complaint with 409 naming the state and the allowed actions as officers see them', async (action, body, state) => {
    const id = await c.submit();
    const refused = await c.act(id, action, body, 409);
    const allowedActions = ['verify', 'request-clarification', 'archive', 'extend-deadline', 'acknowledge-escalation'];
    expect(refused).toMatchObject({ state, allowedActions });
    expect(refused.message).toBe(`cannot ${action}: complaint is SUBMITTED; allowed actions: ${allowedActions.join(', ')}`);
    expect((await c.handle(id).fetchHistory()).events!.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
  });

  it.each([
    ['accept', { rating: 6 }, /rating: must be at most 5/],
    ['archive', { ...verifier, reason: 'BORING' }, /reason: must be one of/],
    ['extend-deadline', { ...verifier, stage: 'verification', extra: { workingDays: 1, duration: 'PT1S' }, reason: 'x' }, /extra: give exactly one/],
    ['assign', { officerId: 'a' }, /officerId: is not a field of this request.*liaisonId: is required/],
  ])('answers 400 naming the field for bad %s input', async (action, body, message) => {
    const id = await c.submit();
    const res = await c.act(id, action, body, 400);
    expect([res.message].flat().join(' ')).toMatch(message);
  });
});

describe('continue-as-new', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  beforeAll(async () => {
    t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-reporter-seconds.json', WORKFLOW_HISTORY_LIMIT: '60' });
  });
  afterAll(() => t.close());

  it('continues as new when the history grows, carrying state, clocks and the event sequence', async () => {
    const agencies = await createAgencies(t.prisma);
    c = await driverFor(t, agencies);
    const id = await c.submit();
    await c.act(id, 'verify', { ...verifier, agencyId: agencies.jakarta.id });
    await c.act(id, 'assign', { ...admin, liaisonId: LIAISON });
    const before = await c.act(id, 'follow-up', { ...liaison, text: 'Langkah 1' });
    const firstRun = (await c.handle(id).describe()).runId;
    for (let i = 2; i <= 8; i++) await c.act(id, 'follow-up', { ...liaison, text: `Langkah ${i}` });
    await eventually(async () => ((await c.handle(id).describe()).runId !== firstRun ? true : undefined));
    const after = await c.status(id);
    expect(after).toMatchObject({ state: 'IN_PROGRESS', facts: { firstResponseAt: before.facts.firstResponseAt, assigneeId: (await c.officer(id, 'LIAISON')).id } });
    expect(after.deadlines.map((d) => [d.stage, d.dueAt])).toEqual(before.deadlines.map((d) => [d.stage, d.dueAt]));
    await c.act(id, 'resolve', { ...liaison, answer: 'Selesai.' });
    const row = await eventually(async () => {
      const r = await c.row(id);
      return r.status === 'AWAITING_FEEDBACK' ? r : undefined;
    });
    expect(row.events.map((e) => e.seq)).toEqual(row.events.map((_, i) => i + 1));
  });
});

describe('an Update delivered together with the workflow start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-reporter-seconds.json' });
  });
  afterAll(() => t.close());

  it('runs after the submission is set up, so no stale clock survives it', async () => {
    const agencies = await createAgencies(t.prisma);
    const c = await driverFor(t, agencies);
    const id = await c.submit();
    const submitted = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: id } });
    // A second complaint row, started with its verification in the very first workflow task.
    const twinId = `LPR-TW1N-${id.slice(-4)}`;
    await t.prisma.complaint.create({
      data: { ...submitted, id: randomUUID(), trackingId: twinId, workflowId: complaintWorkflowId(twinId), status: 'SUBMITTED', lastEventSeq: 0 },
    });
    const twin = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: twinId } });
    const policy = loadSlaPolicy('test/fixtures/sla-policy-reporter-seconds.json').version('test-reporter-seconds');
    const startOperation = new WithStartWorkflowOperation(complaintWorkflow, {
      workflowId: complaintWorkflowId(twinId),
      taskQueue: process.env.TEMPORAL_TASK_QUEUE!,
      workflowIdConflictPolicy: 'FAIL',
      args: [
        {
          complaintId: twin.id,
          trackingId: twinId,
          submittedAt: twin.submittedAt.toISOString(),
          agencyId: null,
          classification: 'COMPLAINT',
          channel: 'WEB',
          policy,
        },
      ],
    });
    const status = await t.temporal.workflow.executeUpdateWithStart(ACTION_UPDATES.verify, {
      args: [{ actor: { id: 'verifier-01', role: 'VERIFIER' }, agencyId: agencies.jakarta.id }],
      startWorkflowOperation: startOperation,
    });
    expect(status.state).toBe('DISPOSED');
    expect(status.deadlines.map((d) => d.stage).sort()).toEqual(['assignment', 'firstFollowUp', 'resolution']);
    const events = await eventually(async () => {
      const rows = await t.prisma.complaintEvent.findMany({ where: { complaintId: twin.id }, orderBy: { seq: 'asc' } });
      return rows.length === 2 ? rows : undefined;
    });
    expect(events.map((e) => e.type)).toEqual(['SUBMITTED', 'VERIFIED']);
  });
});
