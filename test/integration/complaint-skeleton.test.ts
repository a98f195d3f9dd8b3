import request from 'supertest';
import { complaintWorkflowId, statusQuery } from '../../workflows/messages.js';
import { complaintBody, createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { createOfficers, type TestOfficer } from '../support/officers.js';

describe('complaint walking skeleton: HTTP → Temporal → PostgreSQL', () => {
  let t: TestApp;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;
  let verifier: TestOfficer;

  beforeAll(async () => {
    t = await createTestApp();
    agencies = await createAgencies(t.prisma);
    verifier = (await createOfficers(t, [])).national.VERIFIER;
  });
  afterAll(() => t.close());

  it('submits a complaint, answering 201 with a tracking ID and starting its workflow', async () => {
    const res = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    expect(res.body.trackingId).toMatch(/^LPR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(res.body.status).toBe('SUBMITTED');
    const description = await t.temporal.workflow.getHandle(complaintWorkflowId(res.body.trackingId)).describe();
    expect(description.status.name).toBe('RUNNING');
  });

  it('keeps reporter identity in PostgreSQL and out of the workflow history', async () => {
    const res = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    const complaint = await t.prisma.complaint.findUniqueOrThrow({
      where: { trackingId: res.body.trackingId },
      include: { reporter: true },
    });
    expect(complaint.reporter).toMatchObject({ name: 'Siti Rahmawati', nik: '3273012345678901' });
    const history = await t.temporal.workflow.getHandle(complaint.workflowId).fetchHistory();
    const text = JSON.stringify(history);
    for (const secret of ['Siti Rahmawati', '6281234567890', 'siti@example.id', '3273012345678901']) {
      expect(text).not.toContain(secret);
    }
  });

  it('answers the read model with the running verification deadline and its explanation', async () => {
    const { body } = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    const view = await eventually(async () => {
      const res = await request(t.http).get(`/v1/complaints/${body.trackingId}`).set(verifier.auth).expect(200);
      return res.body.process?.deadlines.length ? res.body : undefined;
    });
    expect(view).toMatchObject({ trackingId: body.trackingId, title: complaintBody().title, location: { regency: 'Kota Bandung' } });
    expect(view.reporter).toMatchObject({ name: 'Siti Rahmawati' }); // the verifier may see it, audited
    const [deadline] = view.process.deadlines;
    expect(deadline).toMatchObject({ stage: 'verification', breached: false });
    expect(deadline.explanation).toMatchObject({ rule: '3 working days', timeZone: 'Asia/Jakarta' });
    expect(deadline.explanation.source).toMatch(/LAPOR!/);
    expect(deadline.dueAt).toMatch(/T23:59:59\.999\+07:00$/);
  });

  it('projects the submission together with its verification deadline, so work queues sort new complaints by it', async () => {
    const { body } = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    const row = await eventually(async () => {
      const c = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: body.trackingId }, include: { events: true } });
      return c.events.length > 0 ? c : undefined;
    });
    const status = await t.temporal.workflow.getHandle(complaintWorkflowId(body.trackingId)).query(statusQuery);
    expect(row.nextDeadlineAt?.getTime()).toBe(Date.parse(status.deadlines[0].dueAt));
  });

  it('verifies through a Workflow Update: 200 with the new state, projected to the read model', async () => {
    const { body } = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    const res = await request(t.http)
      .post(`/v1/complaints/${body.trackingId}/verify`)
      .set(verifier.auth)
      .send({ agencyId: agencies.makassar.id, complexity: 'NORMAL' })
      .expect(200);
    expect(res.body).toMatchObject({ state: 'DISPOSED', agencyId: agencies.makassar.id, complexity: 'NORMAL' });
    expect(res.body.deadlines.map((d: { stage: string }) => d.stage)).not.toContain('verification');
    const row = await eventually(async () => {
      const c = await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId: body.trackingId }, include: { events: { orderBy: { seq: 'asc' } } } });
      return c.status === 'DISPOSED' ? c : undefined;
    });
    expect(row.agencyId).toBe(agencies.makassar.id);
    expect(row.events.map((e) => [e.seq, e.type, e.actorId, e.actorRole])).toEqual([
      [1, 'SUBMITTED', null, null],
      [2, 'VERIFIED', verifier.id, 'VERIFIER'],
    ]);
    const assignment = await eventually(async () => {
      const res = await request(t.http).get(`/v1/complaints/${body.trackingId}`).set(verifier.auth).expect(200);
      return res.body.process.deadlines.find((d: { stage: string }) => d.stage === 'assignment');
    });
    expect(assignment.explanation.timeZone).toBe('Asia/Makassar');
    expect(assignment.explanation.rule).toBe('1 working day');
  });

  it('answers 409 naming the current state when verify is not allowed', async () => {
    const { body } = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    const verify = { agencyId: agencies.jakarta.id };
    await request(t.http).post(`/v1/complaints/${body.trackingId}/verify`).set(verifier.auth).send(verify).expect(200);
    const res = await request(t.http).post(`/v1/complaints/${body.trackingId}/verify`).set(verifier.auth).send(verify).expect(409);
    expect(res.body.message).toMatch(/^cannot verify: complaint is DISPOSED; allowed actions: assign, redirect, /);
    expect(res.body).toMatchObject({ state: 'DISPOSED', allowedActions: expect.arrayContaining(['assign', 'redirect']) });
    const history = await t.temporal.workflow.getHandle(complaintWorkflowId(body.trackingId)).fetchHistory();
    const accepted = history.events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(accepted).toHaveLength(1);
  });

  it('answers 404 for an unknown tracking ID, on read and on verify', async () => {
    await request(t.http).get('/v1/complaints/LPR-0000-0000').set(verifier.auth).expect(404);
    await request(t.http)
      .post('/v1/complaints/LPR-0000-0000/verify')
      .set(verifier.auth)
      .send({ agencyId: agencies.jakarta.id })
      .expect(404);
  });

  it('answers 400 naming agencyId when verify disposes to an unknown agency', async () => {
    const { body } = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    const res = await request(t.http)
      .post(`/v1/complaints/${body.trackingId}/verify`)
      .set(verifier.auth)
      .send({ agencyId: 'no-such-agency' })
      .expect(400);
    expect(res.body.message).toEqual(["agencyId: unknown agency 'no-such-agency'"]);
  });
});
