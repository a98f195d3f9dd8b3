import { createHmac, randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config/app-config.js';
import { migrate } from '../../src/database/migrator.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import { NotificationDispatcher, SIGNATURE_HEADER } from '../../src/notifications/notification-dispatcher.service.js';
import { ReporterNoticeSender } from '../../src/notifications/reporter-notice-sender.js';
import { ReporterNoticeRepository } from '../../src/notifications/reporter-notices.repository.js';
import { loadSlaPolicy } from '../../src/policy/sla-policy.js';
import { WebhookReceiver, type ReceivedPost } from '../support/webhook-receiver.js';
import { dropSchema, testDatabaseUrl } from '../support/stack.js';
import { eventually } from '../support/app.js';
import { outboxListenerName } from '../../src/notifications/outbox-wakeups.js';
import { parseDatabaseUrl } from '../../src/database/database-url.js';

const SECRET = 'outbox-test-secret-of-at-least-32-characters';

/** A webhook receiver the test controls: how long it takes, how it answers, what it got. */
class Receiver extends WebhookReceiver {
  readonly received: { key: string; body: Record<string, unknown>; signature: string | undefined; raw: string }[] = [];
  inFlight = new Map<string, number>();
  maxConcurrentPerKey = 0;
  inFlightTotal = 0;
  maxInFlight = 0;
  delayMs = 0;
  failuresLeft = 0;

  constructor() {
    super('/hooks/tenggat');
  }

  protected async answer({ raw, headers }: ReceivedPost): Promise<number> {
    const key = String(headers['idempotency-key']);
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    this.maxConcurrentPerKey = Math.max(this.maxConcurrentPerKey, this.inFlight.get(key)!);
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlightTotal);
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.inFlightTotal -= 1;
    this.inFlight.set(key, this.inFlight.get(key)! - 1);
    if (this.failuresLeft-- > 0) return 503;
    this.received.push({ key, body: JSON.parse(raw), signature: headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined, raw });
    return 204;
  }
}

/** The outbox on a schema of its own (the shared worker would deliver rows of the shared schema first). */
describe(NotificationDispatcher.name, () => {
  const databaseUrl = testDatabaseUrl();
  const receiver = new Receiver();
  let prisma: PrismaService;
  let complaintId: string;
  const dispatcher = (env: NodeJS.ProcessEnv = {}) => {
    const config = loadConfig({ DATABASE_URL: databaseUrl, NOTIFY_WEBHOOK_URL: receiver.url, NOTIFY_WEBHOOK_SECRET: SECRET, ...env });
    return new NotificationDispatcher(prisma, config, new ReporterNoticeSender(new ReporterNoticeRepository(prisma), config, loadSlaPolicy(config.slaPolicyFile)));
  };

  async function queue(count: number): Promise<string[]> {
    const keys = Array.from({ length: count }, (_, i) => `complaint-LPR-0UTB-0X01:verification-1:${randomUUID()}:${i}`);
    await prisma.notification.createMany({
      data: keys.map((key) => ({ id: randomUUID(), key, complaintId, kind: 'ESCALATION', receiverRole: 'SUPERVISOR', payload: { trackingId: 'LPR-0UTB-0X01', stage: 'verification', level: 1 } })),
    });
    return keys;
  }

  beforeAll(async () => {
    await migrate(databaseUrl);
    await receiver.start();
    prisma = new PrismaService(loadConfig({ DATABASE_URL: databaseUrl }));
    complaintId = (
      await prisma.complaint.create({
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
      })
    ).id;
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await receiver.stop();
    await dropSchema(databaseUrl);
  });
  beforeEach(async () => {
    await prisma.notification.deleteMany();
    receiver.received.length = 0;
    Object.assign(receiver, { delayMs: 0, failuresLeft: 0, maxConcurrentPerKey: 0, maxInFlight: 0 });
  });

  it('retries a failed delivery with backoff, keeping attempts and the error on the row, and delivers it once', async () => {
    const [key] = await queue(1);
    receiver.failuresLeft = 1;
    const sut = dispatcher();
    expect(await sut.dispatchDue()).toEqual({ claimed: 1, sent: 0, skipped: 0, failed: 1, released: 0 });
    const failed = await prisma.notification.findFirstOrThrow({ where: { key } });
    expect(failed).toMatchObject({ attempts: 1, sentAt: null, lastError: 'webhook answered 503', leaseUntil: null });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(await sut.dispatchDue()).toEqual({ claimed: 0, sent: 0, skipped: 0, failed: 0, released: 0 }); // not due again before its backoff

    await prisma.notification.updateMany({ data: { nextAttemptAt: new Date() } });
    expect(await sut.dispatchDue()).toEqual({ claimed: 1, sent: 1, skipped: 0, failed: 0, released: 0 });
    expect(await sut.dispatchDue()).toEqual({ claimed: 0, sent: 0, skipped: 0, failed: 0, released: 0 });
    expect(receiver.received.map((r) => r.key)).toEqual([key]);
    expect(receiver.received[0].body).toMatchObject({ kind: 'ESCALATION', receiverRole: 'SUPERVISOR', trackingId: 'LPR-0UTB-0X01', level: 1 });
    expect(await prisma.notification.findFirstOrThrow({ where: { key } })).toMatchObject({ attempts: 2, lastError: null, sentAt: expect.any(Date) });
  });

  it('delivers 80 notifications to a slow receiver exactly once each, with three dispatchers polling at once', async () => {
    const keys = await queue(80);
    receiver.delayMs = 150;
    const dispatchers = [dispatcher(), dispatcher(), dispatcher()];
    const started = Date.now();
    for (let round = 0; round < 20 && receiver.received.length < keys.length; round++) {
      await Promise.all(dispatchers.map((d) => d.dispatchDue()));
    }
    const tookMs = Date.now() - started;
    expect(receiver.received.map((r) => r.key).sort()).toEqual([...keys].sort());
    expect(receiver.maxConcurrentPerKey).toBe(1);
    const rows = await prisma.notification.findMany();
    expect(rows.every((r) => r.sentAt && r.attempts === 1 && r.leaseUntil === null)).toBe(true);
    console.log(`outbox: 80 notifications to a 150 ms receiver, 3 dispatchers: delivered once each in ${tookMs} ms`);
  });

  it('keeps NOTIFY_CONCURRENCY deliveries in flight, each lane taking the next row as soon as its last one settled', async () => {
    const keys = await queue(20);
    receiver.delayMs = 50;
    expect(await dispatcher({ NOTIFY_CONCURRENCY: '4' }).dispatchDue()).toEqual({ claimed: 20, sent: 20, skipped: 0, failed: 0, released: 0 });
    expect(receiver.maxInFlight).toBe(4);
    expect(receiver.received.map((r) => r.key).sort()).toEqual([...keys].sort());
  });

  it('hands back rows a slow receiver kept from starting before their lease could lapse mid-delivery, the attempt not counted', async () => {
    const keys = await queue(5);
    receiver.delayMs = 4000; // one lane: rows start at about 0, 4, 8 and 12 s; the fifth would start past 15 s
    const sut = dispatcher({ NOTIFY_CONCURRENCY: '1' });
    expect(await sut.dispatchDue()).toEqual({ claimed: 5, sent: 4, skipped: 0, failed: 0, released: 1 });
    const [unstarted] = await prisma.notification.findMany({ where: { key: { in: keys }, sentAt: null } });
    expect(unstarted).toMatchObject({ attempts: 0, leaseUntil: null, lastError: null });
    expect(receiver.received.map((r) => r.key)).not.toContain(unstarted.key);
    receiver.delayMs = 0;
    expect(await sut.dispatchDue()).toEqual({ claimed: 1, sent: 1, skipped: 0, failed: 0, released: 0 }); // at once: no lease left to lapse
    expect(receiver.received.map((r) => r.key).sort()).toEqual([...keys].sort());
  }, 40_000);

  it('is woken by the commit of new notifications, not by its poll', async () => {
    const pollMs = 600_000;
    const sut = dispatcher({ NOTIFY_POLL_MS: String(pollMs) });
    const started = Date.now();
    sut.onApplicationBootstrap();
    try {
      await sut.listening();
      const keys = await queue(3);
      const rows = await eventually(async () => {
        const sent = await prisma.notification.findMany({ where: { key: { in: keys }, sentAt: { not: null } } });
        return sent.length === keys.length ? sent : undefined;
      }, 30_000);
      // Its first poll is due pollMs after the start: every row was delivered well before it could run.
      expect(rows.every((r) => r.sentAt!.getTime() < started + pollMs && r.attempts === 1)).toBe(true);
      expect(receiver.received.map((r) => r.key).sort()).toEqual([...keys].sort());
      console.log(`outbox wake-up: committed → sent in ${Math.max(...rows.map((r) => r.sentAt!.getTime() - r.createdAt.getTime()))} ms at most (poll every ${pollMs} ms)`);
    } finally {
      await sut.onApplicationShutdown();
    }
  });

  it('listens again after losing its connection, and delivers what was committed meanwhile without waiting for its poll', async () => {
    const pollMs = 600_000;
    const sut = dispatcher({ NOTIFY_POLL_MS: String(pollMs) });
    const listener = outboxListenerName(parseDatabaseUrl(databaseUrl).schema);
    const backends = () => prisma.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE application_name = ${listener}`;
    const started = Date.now();
    sut.onApplicationBootstrap();
    try {
      await sut.listening();
      const [first] = await backends();
      await prisma.$queryRaw`SELECT pg_terminate_backend(${first.pid}::int)`;
      // Gone from the server: no NOTIFY can reach the old connection; only listening again finds the rows.
      await eventually(async () => ((await backends()).length === 0 ? true : undefined), 10_000);
      const keys = await queue(2);
      const rows = await eventually(async () => {
        const sent = await prisma.notification.findMany({ where: { key: { in: keys }, sentAt: { not: null } } });
        return sent.length === keys.length ? sent : undefined;
      }, 30_000);
      expect(rows.every((r) => r.sentAt!.getTime() < started + pollMs)).toBe(true);
      expect((await backends()).map((b) => b.pid)).not.toContain(first.pid);
      expect(await backends()).toHaveLength(1);
    } finally {
      await sut.onApplicationShutdown();
    }
    await eventually(async () => ((await backends()).length === 0 ? true : undefined), 10_000); // closed on shutdown
  });

  it('delivers 300 notices committed in 10 statements exactly once each, with two dispatchers woken by the commits', async () => {
    const pollMs = 600_000;
    const env = { NOTIFY_POLL_MS: String(pollMs), NOTIFY_CONCURRENCY: '4' };
    const dispatchers = [dispatcher(env), dispatcher(env)];
    const started = Date.now();
    for (const d of dispatchers) d.onApplicationBootstrap();
    try {
      await Promise.all(dispatchers.map((d) => d.listening()));
      receiver.delayMs = 20;
      const keys: string[] = [];
      for (let i = 0; i < 10; i++) keys.push(...(await queue(30)));
      const rows = await eventually(async () => {
        const all = await prisma.notification.findMany({ where: { key: { in: keys } } });
        return all.every((r) => r.sentAt) ? all : undefined;
      }, 60_000);
      expect(receiver.received.map((r) => r.key).sort()).toEqual([...keys].sort());
      expect(receiver.maxConcurrentPerKey).toBe(1);
      expect(receiver.maxInFlight).toBeLessThanOrEqual(8);
      expect(rows.every((r) => r.attempts === 1 && r.leaseUntil === null && r.sentAt!.getTime() < started + pollMs)).toBe(true);
      console.log(`outbox: 300 notices, 2 dispatchers woken by commits: each delivered once, at most ${receiver.maxInFlight} in flight, last sent ${Math.max(...rows.map((r) => r.sentAt!.getTime())) - started} ms after the start`);
    } finally {
      await Promise.all(dispatchers.map((d) => d.onApplicationShutdown()));
    }
  });

  it('delivers again what a dispatcher claimed and never finished, once its lease lapses', async () => {
    const [key] = await queue(1);
    // A dispatcher that dies after claiming: the row stays leased, nobody else delivers it meanwhile.
    await prisma.$executeRaw`UPDATE notifications SET lease_until = now() + interval '30 seconds', attempts = attempts + 1`;
    const survivor = dispatcher();
    expect(await survivor.dispatchDue()).toEqual({ claimed: 0, sent: 0, skipped: 0, failed: 0, released: 0 });
    await prisma.$executeRaw`UPDATE notifications SET lease_until = now() - interval '1 second'`;
    expect(await survivor.dispatchDue()).toEqual({ claimed: 1, sent: 1, skipped: 0, failed: 0, released: 0 });
    expect(receiver.received.map((r) => r.key)).toEqual([key]);
    expect(await prisma.notification.findFirstOrThrow({ where: { key } })).toMatchObject({ attempts: 2, sentAt: expect.any(Date) });
  });

  it('settles a reporter notice whose channel is not configured as skipped, with the reason, and never posts it to the officers\' webhook', async () => {
    const key = `reporter:${complaintId}:${randomUUID()}:SMS`;
    await prisma.notification.create({
      data: { id: randomUUID(), key, complaintId, kind: 'REPORTER_NOTICE', receiverRole: 'REPORTER', channel: 'SMS', payload: { event: 'FOLLOWED_UP', seq: 1, respondBy: null } },
    });
    const sut = dispatcher();
    expect(await sut.dispatchDue()).toEqual({ claimed: 1, sent: 0, skipped: 1, failed: 0, released: 0 });
    expect(await sut.dispatchDue()).toEqual({ claimed: 0, sent: 0, skipped: 0, failed: 0, released: 0 }); // settled: never claimed again
    expect(receiver.received).toEqual([]);
    expect(await prisma.notification.findUniqueOrThrow({ where: { key } })).toMatchObject({
      attempts: 1,
      sentAt: null,
      failedAt: null,
      lastError: null,
      skippedAt: expect.any(Date),
      skipReason: 'SMS is not configured (SMS_OUTBOUND_WEBHOOK_URL)',
    });
  });

  it('signs each delivery so the receiver can verify the sender and reject a replay', async () => {
    await queue(1);
    await dispatcher().dispatchDue();
    const [delivery] = receiver.received;
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(delivery.signature ?? '');
    expect(match).not.toBeNull();
    const [, timestamp, signature] = match!;
    expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(60);
    expect(signature).toBe(createHmac('sha256', SECRET).update(`${timestamp}.${delivery.raw}`).digest('hex'));
    expect(createHmac('sha256', 'another secret of at least thirty-two chars').update(`${timestamp}.${delivery.raw}`).digest('hex')).not.toBe(signature);
  });
});
