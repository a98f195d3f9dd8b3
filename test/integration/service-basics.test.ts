import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';

describe('service basics', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness at /health', async () => {
    const res = await request(t.http).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('answers readiness at /health/ready with the database and Temporal both up', async () => {
    const res = await request(t.http).get('/health/ready').expect(200);
    expect(res.body.info).toMatchObject({ database: { status: 'up' }, temporal: { status: 'up' } });
  });

  it('serves the OpenAPI document at /openapi.json and the UI at /docs', async () => {
    const res = await request(t.http).get('/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/v1/complaints', '/v1/complaints/{trackingId}', '/v1/complaints/{trackingId}/verify', '/health/ready']),
    );
    expect(res.body.components.schemas.CreateComplaintDto.required).toEqual(
      expect.arrayContaining(['title', 'chronology', 'occurredAt', 'location', 'classification']),
    );
    await request(t.http).get('/docs').expect(200);
  });

  it('answers 404 in the one error shape for an unknown route', async () => {
    const res = await request(t.http).get('/v1/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not found' });
  });
});
