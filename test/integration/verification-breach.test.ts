import request from 'supertest';
import { complaintWorkflowId, statusQuery } from '../../workflows/messages.js';
import { complaintBody, createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { ComplaintDriver, driverFor } from '../support/lifecycle.js';

/** With a PT2S verification policy, timers fire in seconds on the real server (no time-skipping here). */
describe('verification deadline breach (PT2S policy)', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  let verifier: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-seconds.json' });
    c = await driverFor(t);
    verifier = c.officers.national.VERIFIER.auth;
  });
  afterAll(() => t.close());

  const escalationsOf = (trackingId: string) =>
    t.prisma.escalation.findMany({ where: { complaint: { trackingId } }, orderBy: { level: 'asc' } });

  it('arms the verification timer for submission + PT2S, recorded in history', async () => {
    const { body } = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    const handle = t.temporal.workflow.getHandle(complaintWorkflowId(body.trackingId));
    const timerEvent = await eventually(async () => {
      const history = await handle.fetchHistory();
      return history.events!.find((e) => e.timerStartedEventAttributes) ?? undefined;
    });
    const { dueAt } = (await handle.query(statusQuery)).deadlines.find((d) => d.stage === 'verification')!;
    expect(Date.parse(dueAt) - Date.parse(body.submittedAt)).toBe(2000);
    // The timer is armed for what is left of the two seconds when the workflow task runs.
    const timeout = timerEvent.timerStartedEventAttributes!.startToFireTimeout!;
    const millis = (d: { seconds?: unknown; nanos?: number | null }) => Number(d.seconds ?? 0) * 1000 + (d.nanos ?? 0) / 1e6;
    const firesAt = millis(timerEvent.eventTime!) + millis(timeout);
    expect(Math.abs(firesAt - Date.parse(dueAt))).toBeLessThan(1000);
  });

  it('writes each escalation level exactly once when nobody verifies', async () => {
    const { body } = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    await eventually(async () => ((await escalationsOf(body.trackingId)).length === 3 ? true : undefined), 30_000);
    await new Promise((r) => setTimeout(r, 2500));
    const rows = await escalationsOf(body.trackingId);
    expect(rows.map((r) => [r.stage, r.level, r.receiverRole])).toEqual([
      ['verification', 1, 'SUPERVISOR'],
      ['verification', 2, 'COMPLAINT_MANAGER'],
      ['verification', 3, 'OMBUDSMAN'],
    ]);
    for (const row of rows) expect(row.firedAt.getTime()).toBeGreaterThanOrEqual(row.dueAt.getTime());
    expect(rows[1].firedAt.getTime() - rows[1].dueAt.getTime()).toBeGreaterThanOrEqual(2000);
    expect(rows[2].firedAt.getTime() - rows[2].dueAt.getTime()).toBeGreaterThanOrEqual(4000);

    const handle = t.temporal.workflow.getHandle(complaintWorkflowId(body.trackingId));
    const status = (await request(t.http).get(`/v1/complaints/${body.trackingId}`).set(verifier).expect(200)).body.process;
    expect(status.deadlines).toEqual([expect.objectContaining({ stage: 'verification', breached: true })]);
    expect(status.escalations.map((e: { level: number }) => e.level)).toEqual([1, 2, 3]);
    const described = await handle.describe();
    expect(described.searchAttributes.EscalationLevel).toEqual([3]);
    expect(described.searchAttributes.ComplaintStatus).toEqual(['SUBMITTED']);
    // Each wake publishes Tenggat's search attributes at most once: the breach and its level-1 escalation,
    // handled together, are one upsert (each is a history event and a visibility write on the server). The
    // SDK's own upsert of TemporalChangeVersion, when a patch is first met, is not one of them.
    const events = (await handle.fetchHistory()).events!;
    const publishes = (e: (typeof events)[number]) => 'ComplaintStatus' in (e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {});
    const wakes = events.flatMap((e, i) => (e.timerFiredEventAttributes ? [i] : []));
    expect(wakes.length).toBeGreaterThanOrEqual(3);
    for (const wake of wakes) {
      const nextTimer = events.findIndex((e, i) => i > wake && e.timerStartedEventAttributes);
      expect(events.slice(wake, nextTimer < 0 ? undefined : nextTimer).filter(publishes).length).toBeLessThanOrEqual(1);
    }
    c.recordHistory(body.trackingId, 'breach-to-level-3');
  });

  it('stops the ladder when the complaint is verified, and a late verify still works', async () => {
    const agencies = await createAgencies(t.prisma);
    const { body } = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    await eventually(async () => ((await escalationsOf(body.trackingId)).length === 1 ? true : undefined));
    await request(t.http)
      .post(`/v1/complaints/${body.trackingId}/verify`)
      .set(verifier)
      .send({ agencyId: agencies.jayapura.id })
      .expect(200);
    await new Promise((r) => setTimeout(r, 5000));
    expect((await escalationsOf(body.trackingId)).map((r) => r.level)).toEqual([1]);
  });

  it('writes no escalation when verified before the deadline', async () => {
    const agencies = await createAgencies(t.prisma);
    const { body } = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    await request(t.http)
      .post(`/v1/complaints/${body.trackingId}/verify`)
      .set(verifier)
      .send({ agencyId: agencies.jakarta.id })
      .expect(200);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await escalationsOf(body.trackingId)).toEqual([]);
  });
});

describe('reminders, escalation notices, acknowledgements and extensions (PT2S policy)', () => {
  let t: TestApp;
  let c: ComplaintDriver;

  beforeAll(async () => {
    t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-seconds.json' });
    c = await driverFor(t);
  });
  afterAll(() => t.close());

  const notifications = (trackingId: string) =>
    t.prisma.notification.findMany({ where: { complaint: { trackingId } }, orderBy: { createdAt: 'asc' } });

  it('reminds the verifier before the deadline and notifies each level once, through the outbox', async () => {
    const id = await c.submit();
    await eventually(async () => ((await c.escalations(id)).length === 3 ? true : undefined), 30_000);
    const sent = await eventually(async () => {
      const rows = await notifications(id);
      return rows.length === 4 && rows.every((n) => n.sentAt) ? rows : undefined;
    });
    expect(sent.map((n) => [n.kind, n.receiverRole])).toEqual([
      ['REMINDER', 'VERIFIER'],
      ['ESCALATION', 'SUPERVISOR'],
      ['ESCALATION', 'COMPLAINT_MANAGER'],
      ['ESCALATION', 'OMBUDSMAN'],
    ]);
    expect(sent.every((n) => n.attempts === 1)).toBe(true);
    expect(JSON.stringify(sent)).not.toMatch(/Siti|6281234567890|3273012345678901/);
  });

  it('records an acknowledgement once, and refuses a second one naming the escalation', async () => {
    const id = await c.submit();
    const breached = await c.until(id, (s) => s.escalations.length >= 1);
    const key = breached.escalations[0].key;
    const supervisor = await c.officer(id, 'SUPERVISOR');
    const acked = await c.act(id, 'acknowledge-escalation', { escalationKey: key });
    expect(acked.escalations.find((e) => e.key === key)).toMatchObject({ acknowledgedBy: supervisor.id });
    const row = await t.prisma.escalation.findUniqueOrThrow({ where: { key } });
    expect(row.acknowledgedBy).toBe(supervisor.id);
    expect(row.acknowledgedAt).not.toBeNull();
    const again = await c.act(id, 'acknowledge-escalation', { escalationKey: key }, 400);
    expect(again.message).toMatch(new RegExp(`already acknowledged by ${supervisor.id}`));
    c.recordHistory(id, 'escalation-acknowledged');
  });

  it('moves a deadline when a supervisor extends it, within the policy cap', async () => {
    const id = await c.submit();
    await c.until(id, (s) => s.deadlines.length === 1);
    const body = { stage: 'verification', extra: { duration: 'PT20S' }, reason: 'menunggu data' };
    const supervisor = await c.officer(id, 'SUPERVISOR');
    const extended = await c.act(id, 'extend-deadline', body);
    const [deadline] = extended.deadlines;
    expect(deadline.extensions).toBe(1);
    expect(deadline.explanation.rule).toMatch(new RegExp(`^PT2S \\(exact duration\\), then extended by PT20S .*${supervisor.id}: menunggu data`));
    await c.act(id, 'extend-deadline', body, 400);
    await c.act(id, 'extend-deadline', { ...body, stage: 'resolution' }, 400);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await c.escalations(id)).toEqual([]);
    c.recordHistory(id, 'deadline-extended');
  });
});
