import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config/app-config.js';
import { migrate } from '../../src/database/migrator.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import { NotificationDispatcher } from '../../src/notifications/notification-dispatcher.service.js';
import { dropSchema, freePort, testDatabaseUrl } from '../support/stack.js';

/** The outbox on a schema of its own (the shared worker would deliver rows of the shared schema first). */
describe(NotificationDispatcher.name, () => {
  const databaseUrl = testDatabaseUrl();
  let prisma: PrismaService;
  let server: Server;
  const received: { key: string; body: Record<string, unknown> }[] = [];
  let failuresLeft = 1;
  let sut: NotificationDispatcher;

  beforeAll(async () => {
    await migrate(databaseUrl);
    const port = await freePort();
    server = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk) => (data += chunk));
      req.on('end', () => {
        if (failuresLeft-- > 0) return void res.writeHead(503).end();
        received.push({ key: String(req.headers['idempotency-key']), body: JSON.parse(data) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const config = loadConfig({ DATABASE_URL: databaseUrl, NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/tenggat` });
    prisma = new PrismaService(config);
    sut = new NotificationDispatcher(prisma, config);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await new Promise((resolve) => server.close(resolve));
    await dropSchema(databaseUrl);
  });

  it('retries a failed webhook delivery with backoff and delivers each notification once', async () => {
    const complaint = await prisma.complaint.create({
      data: {
        id: randomUUID(),
        trackingId: 'LPR-0UTB-0X01',
        workflowId: 'complaint-LPR-0UTB-0X01',
        title: 't',
        chronology: 'c',
        occurredAt: new Date(),
        regency: 'Kota Bandung',
        classification: 'COMPLAINT',
        channel: 'WEB',
        anonymous: false,
        confidential: false,
        policyVersion: 'v',
        submittedAt: new Date(),
      },
    });
    await prisma.notification.create({
      data: {
        id: randomUUID(),
        key: 'complaint-LPR-0UTB-0X01:verification-1:1',
        complaintId: complaint.id,
        kind: 'ESCALATION',
        receiverRole: 'SUPERVISOR',
        payload: { trackingId: 'LPR-0UTB-0X01', stage: 'verification', level: 1 },
      },
    });

    expect(await sut.dispatchDue()).toBe(0);
    const failed = await prisma.notification.findFirstOrThrow();
    expect(failed).toMatchObject({ attempts: 1, sentAt: null, lastError: 'webhook answered 503' });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(await sut.dispatchDue()).toBe(0); // not due again before its backoff

    await prisma.notification.updateMany({ data: { nextAttemptAt: new Date() } });
    expect(await sut.dispatchDue()).toBe(1);
    expect(await sut.dispatchDue()).toBe(0);
    expect(received).toEqual([
      {
        key: 'complaint-LPR-0UTB-0X01:verification-1:1',
        body: expect.objectContaining({ kind: 'ESCALATION', receiverRole: 'SUPERVISOR', trackingId: 'LPR-0UTB-0X01', level: 1 }),
      },
    ]);
    expect(await prisma.notification.findFirstOrThrow()).toMatchObject({ attempts: 2, lastError: null, sentAt: expect.any(Date) });
  });
});
