import request from 'supertest';
import { createApp } from '../../src/bootstrap.js';
import { KEEP_ALIVE_TIMEOUT_MS } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';
import { complaintBody, createTestApp, eventually, type TestApp } from '../support/app.js';
import { TcpProxy } from '../support/tcp-proxy.js';

/** What clients and operators see while PostgreSQL or Temporal cannot be reached. */
describe('dependency outages', () => {
  describe('PostgreSQL cut while the API runs', () => {
    let t: TestApp;
    let proxy: TcpProxy;
    beforeAll(async () => {
      const database = new URL(process.env.DATABASE_URL!);
      proxy = await TcpProxy.start({ host: database.hostname, port: Number(database.port || 5432) });
      t = await createTestApp({ DATABASE_URL: proxy.through(process.env.DATABASE_URL!) });
    });
    afterAll(async () => {
      await proxy.restore();
      await t.close();
      await proxy.stop();
    });

    it('answers 503 with Retry-After (never 500) and changes nothing, then recovers when it returns', async () => {
      await request(t.http).get('/v1/public/complaints').expect(200);
      const before = (await request(t.http).get('/health/ready')).status;
      expect(before).toBe(200);
      await proxy.cut();
      const read = await request(t.http).get('/v1/public/complaints');
      expect(read.status).toBe(503);
      expect(read.headers['retry-after']).toBe('5');
      expect(read.body.message).toBe('PostgreSQL is unreachable right now; nothing was changed, try again shortly');
      const write = await request(t.http).post('/v1/complaints').send(complaintBody({ title: 'Saat basis data mati' }));
      expect(write.status).toBe(503);
      expect((await request(t.http).get('/health/ready')).status).toBe(503);
      await proxy.restore();
      await eventually(async () => ((await request(t.http).get('/v1/public/complaints')).status === 200 ? true : undefined), 15_000);
      expect(await t.prisma.complaint.count({ where: { title: 'Saat basis data mati' } })).toBe(0);
    });

    it('keeps idle connections open longer than load balancers do', () => {
      expect(t.http.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
      expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
      expect(t.http.headersTimeout).toBeGreaterThan(KEEP_ALIVE_TIMEOUT_MS);
    });
  });

  it.each([
    ['PostgreSQL', { DATABASE_URL: 'postgresql://tenggat:secret@127.0.0.1:1/tenggat' }, 'PostgreSQL is unreachable at 127.0.0.1:1/tenggat (DATABASE_URL)'],
    ['Temporal', { TEMPORAL_ADDRESS: '127.0.0.1:1' }, 'Temporal is unreachable at 127.0.0.1:1 (TEMPORAL_ADDRESS)'],
  ])('stops at boot naming %s when it cannot be reached, without its password', async (_dependency, env, message) => {
    const config = loadConfig({ ...process.env, MIGRATE_ON_BOOT: 'false', LOG_LEVEL: 'silent', ...env });
    const started = createApp(config).then((app) => app.init());
    await expect(started).rejects.toThrow(message);
    await expect(started).rejects.not.toThrow(/secret/);
  });
});
