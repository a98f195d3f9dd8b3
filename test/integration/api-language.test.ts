import request from 'supertest';
import { complaintBody, createTestApp, type TestApp } from '../support/app.js';

const messages = (body: { message: string | string[] }) => [body.message].flat();

describe('the API speaks the caller’s language', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('names a nested field once, never doubled (reporter.phone, not reporter.reporter.phone)', async () => {
    const res = await request(t.http)
      .post('/v1/complaints')
      .send(complaintBody({ reporter: { name: 'Siti', phone: 'call me' } }))
      .expect(400);
    const phone = messages(res.body).filter((m) => m.includes('phone'));
    expect(phone).toHaveLength(1);
    expect(phone[0]).toMatch(/^reporter\.phone: /);
    expect(phone[0]).not.toContain('reporter.reporter');
  });
});
