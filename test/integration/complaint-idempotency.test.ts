import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { complaintWorkflowId } from '../../workflows/messages.js';
import { complaintBody, createTestApp, type TestApp } from '../support/app.js';

describe('complaint intake with Idempotency-Key', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers the same complaint to a repeated POST, marking the replay', async () => {
    const key = randomUUID();
    const first = await request(t.http).post('/v1/complaints').set('Idempotency-Key', key).send(complaintBody()).expect(201);
    const again = await request(t.http).post('/v1/complaints').set('Idempotency-Key', key).send(complaintBody()).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('stores one complaint and runs one workflow when 20 copies arrive at once', async () => {
    const key = randomUUID();
    const title = `concurrent ${key}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(t.http).post('/v1/complaints').set('Idempotency-Key', key).send(complaintBody({ title })),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const trackingIds = new Set(answers.map((a) => a.body.trackingId));
    expect(trackingIds.size).toBe(1);
    expect(await t.prisma.complaint.count({ where: { title } })).toBe(1);
    expect(await t.prisma.reporterIdentity.count({ where: { complaint: { title } } })).toBe(1);
    const [trackingId] = trackingIds;
    const runs = await t.temporal.workflow.count(`WorkflowId = "${complaintWorkflowId(trackingId)}"`);
    expect(runs.count).toBe(1);
  });

  it('answers 422 when the key was used for a different request, storing nothing', async () => {
    const key = randomUUID();
    await request(t.http).post('/v1/complaints').set('Idempotency-Key', key).send(complaintBody()).expect(201);
    // Other test files write complaints at the same time: count only what this request could have stored.
    const title = `another complaint ${key}`;
    const res = await request(t.http).post('/v1/complaints').set('Idempotency-Key', key).send(complaintBody({ title })).expect(422);
    expect(res.body.message).toMatch(/Idempotency-Key was already used for a different request/);
    expect(await t.prisma.complaint.count({ where: { title } })).toBe(0);
  });

  it('creates separate complaints for the same body without a key', async () => {
    const a = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    const b = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    expect(a.body.trackingId).not.toBe(b.body.trackingId);
  });
});
