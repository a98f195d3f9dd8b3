import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { migrate } from '../../src/database/migrator.js';
import { SIGNATURE_HEADER } from '../../src/notifications/webhook-signature.js';
import { localDateTime } from '../../src/notifications/reporter-messages.js';
import { projectRoot } from '../../src/project-root.js';
import { WebhookReceiver, type ReceivedPost } from '../support/webhook-receiver.js';
import { createAgencies, createTestApp, eventually, type TestApp } from '../support/app.js';
import { readableIn } from '../support/history-scan.js';
import { ComplaintDriver, driverFor, LIAISON } from '../support/lifecycle.js';
import { dropSchema, freePort, testDatabaseUrl } from '../support/stack.js';

const SMS_SECRET = 'sms-gateway-test-secret-of-at-least-32-chars';
const PUBLIC_BASE_URL = 'https://lapor.example.go.id';
const REJECTED_ADDRESS = 'ditolak@example.id';

interface Mail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/** A local SMTP server: what arrived, parsed; one address it refuses for good (550). */
class MailSink {
  readonly received: Mail[] = [];
  private server?: SMTPServer;
  url = '';

  async start(): Promise<void> {
    const port = await freePort();
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (address.address !== REJECTED_ADDRESS) return callback();
        callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
            this.received.push({ to: to?.text ?? '', subject: mail.subject ?? '', text: mail.text ?? '', messageId: mail.messageId ?? '' });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `smtp://127.0.0.1:${port}`;
  }

  about(trackingId: string): Mail[] {
    return this.received.filter((m) => m.subject.includes(trackingId));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }
}

interface Sms {
  key: string;
  raw: string;
  signature: string;
  body: { key: string; to: string; text: string; segments: number; trackingId: string };
}

/** The SMS gateway's outbound webhook: answers 500 to the first N posts about a complaint, or 400 to all, when told to. */
class SmsGateway extends WebhookReceiver {
  readonly accepted: Sms[] = [];
  readonly posts: string[] = [];
  readonly failFirst = new Map<string, number>();
  readonly refused = new Set<string>();

  constructor() {
    super('/sms/outbound');
  }

  protected answer({ raw, headers }: ReceivedPost): number {
    const body = JSON.parse(raw) as Sms['body'];
    this.posts.push(body.key);
    if (this.refused.has(body.trackingId)) return 400;
    const failuresLeft = this.failFirst.get(body.trackingId) ?? 0;
    if (failuresLeft > 0) {
      this.failFirst.set(body.trackingId, failuresLeft - 1);
      return 500;
    }
    this.accepted.push({ key: String(headers['idempotency-key']), raw, signature: String(headers[SIGNATURE_HEADER.toLowerCase()]), body });
    return 202;
  }

  about(trackingId: string): Sms[] {
    return this.accepted.filter((s) => s.body.trackingId === trackingId);
  }
}

/** Verifies the gateway's view of a post: HMAC-SHA256 of "<t>.<body>" with the shared secret, fresh. */
function signatureValid(sms: Sms, secret: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sms.signature);
  if (!match || Math.abs(Date.now() / 1000 - Number(match[1])) > 300) return false;
  return createHmac('sha256', secret).update(`${match[1]}.${sms.raw}`).digest('hex') === match[2];
}

/** No instant in UTC: no ISO timestamp, no "Z" time, no UTC/GMT label. */
const UTC_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{2}:\d{2}(:\d{2})?(\.\d+)?Z\b|\bUTC\b|\bGMT\b/;

/**
 * Reporters are told by SMS and e-mail what they must act on and how their complaint ends, through the
 * outbox. This file owns a schema, a task queue and a worker (inside its API), so no other suite's
 * dispatcher settles its notices, and runs a real SMTP server and an HTTP receiver for the SMS webhook.
 */
describe('reporter notifications by SMS and e-mail', () => {
  const databaseUrl = testDatabaseUrl();
  const taskQueue = `reporter-notices-${randomUUID()}`;
  const mail = new MailSink();
  const sms = new SmsGateway();
  let t: TestApp;
  let c: ComplaintDriver;
  let agencies: Awaited<ReturnType<typeof createAgencies>>;

  beforeAll(async () => {
    await Promise.all([migrate(databaseUrl), mail.start(), sms.start()]);
    t = await createTestApp({
      DATABASE_URL: databaseUrl,
      TEMPORAL_TASK_QUEUE: taskQueue,
      RUN_WORKER_IN_API: 'true',
      WORKFLOW_BUNDLE_PATH: join(projectRoot(), 'dist', 'workflow-bundle.js'),
      SLA_POLICY_FILE: 'test/fixtures/sla-policy-reporter-notices.json',
      NOTIFY_POLL_MS: '200',
      SMTP_URL: mail.url,
      MAIL_FROM: 'LAPOR! <no-reply@lapor.example.go.id>',
      SMS_OUTBOUND_WEBHOOK_URL: sms.url,
      SMS_OUTBOUND_WEBHOOK_SECRET: SMS_SECRET,
      PUBLIC_BASE_URL,
    });
    agencies = await createAgencies(t.prisma);
    c = await driverFor(t, agencies);
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([mail.stop(), sms.stop()]);
    await dropSchema(databaseUrl);
  });

  const notices = (trackingId: string) => t.prisma.notification.findMany({ where: { complaint: { trackingId }, kind: 'REPORTER_NOTICE' }, orderBy: [{ createdAt: 'asc' }, { key: 'asc' }] });
  /** Waits until every reporter notice of the complaint's event `type` is settled (sent, skipped or failed); answers them. */
  const settled = (trackingId: string, type: string) =>
    eventually(async () => {
      const row = await t.prisma.complaintEvent.findFirst({ where: { complaint: { trackingId }, type }, orderBy: { seq: 'desc' } });
      if (!row) return undefined;
      const rows = (await notices(trackingId)).filter((n) => (n.payload as { seq: number }).seq === row.seq);
      return rows.length === 2 && rows.every((n) => n.sentAt || n.skippedAt || n.failedAt) ? rows : undefined;
    }, 30_000);

  it('tells the reporter the question, the local deadline and where to answer; then the answer; then the automatic closing', async () => {
    const id = await c.submit({ reporter: { name: 'Siti Rahmawati', phone: '+6281234567890', email: 'siti@example.id' } });
    await c.act(id, 'verify', { agencyId: agencies.makassar.id, complexity: 'SIMPLE' });
    const question = 'Di kecamatan mana Anda merekam data KTP-el?';
    const asked = await c.act(id, 'request-clarification', { question });
    const dueAt = asked.deadlines.find((d) => d.stage === 'clarification')!.dueAt;

    const clarification = await settled(id, 'CLARIFICATION_REQUESTED');
    expect(clarification.map((n) => [n.channel, Boolean(n.sentAt), n.attempts])).toEqual([
      ['EMAIL', true, 1],
      ['SMS', true, 1],
    ]);
    const [email] = mail.about(id);
    expect(email.to).toBe('siti@example.id');
    expect(email.subject).toBe(`[LAPOR!] ${id}: Permintaan keterangan tambahan`);
    expect(email.text).toContain(question);
    expect(email.text).toContain(`Jawab paling lambat ${localDateTime(dueAt, 'Asia/Makassar', 'id', 'long')}.`);
    expect(email.text).toMatch(/pukul \d{2}\.\d{2} WITA\./);
    expect(email.text).toContain(`${PUBLIC_BASE_URL}/console/lacak/${id}`);
    const [text] = sms.about(id);
    expect(text.body.to).toBe('+6281234567890');
    expect(text.body.text).toContain(`"${question}"`);
    expect(text.body.text).toContain(`Jawab paling lambat ${localDateTime(dueAt, 'Asia/Makassar', 'id', 'short')}.`);
    expect(text.body.text).toMatch(/ WITA\./);
    expect(text.body.segments).toBe(2);
    for (const message of [email.text, email.subject, text.body.text]) {
      expect(message).not.toMatch(UTC_INSTANT);
      expect(message).not.toContain(c.accessCode(id));
    }
    // The gateway can tell the post came from Tenggat, and that it was not altered.
    expect(signatureValid(text, SMS_SECRET)).toBe(true);
    expect(signatureValid({ ...text, raw: text.raw.replace('+6281234567890', '+6289999999999') }, SMS_SECRET)).toBe(false);
    expect(signatureValid(text, 'another secret of at least thirty-two characters')).toBe(false);
    expect(text.key).toBe(text.body.key);

    await c.act(id, 'provide-clarification', { answer: 'Kecamatan Tamalate.' });
    await c.act(id, 'assign', { liaisonId: LIAISON });
    await c.act(id, 'follow-up', { text: 'Blangko tersedia; pencetakan dijadwalkan Senin.' });
    await settled(id, 'FOLLOWED_UP');
    expect(mail.about(id).at(-1)!.text).toContain('Blangko tersedia; pencetakan dijadwalkan Senin.');

    const resolved = await c.act(id, 'resolve', { answer: 'KTP-el sudah dicetak; silakan ambil di kantor kecamatan.' });
    const feedbackDue = resolved.deadlines.find((d) => d.stage === 'feedback')!.dueAt;
    await settled(id, 'RESOLVED');
    expect(sms.about(id).at(-1)!.body.text).toContain(`Terima/sanggah paling lambat ${localDateTime(feedbackDue, 'Asia/Makassar', 'id', 'short')}.`);
    expect(mail.about(id).at(-1)!.text).toContain('KTP-el sudah dicetak; silakan ambil di kantor kecamatan.');

    // Nobody answers: the feedback window lapses and the complaint closes by itself.
    await c.until(id, (s) => s.state === 'CLOSED', 30_000);
    await settled(id, 'CLOSED');
    expect(sms.about(id).at(-1)!.body.text).toBe(`LAPOR! ${id}: Laporan ditutup otomatis; jawaban dianggap diterima karena tidak ditanggapi. ${PUBLIC_BASE_URL}/console/lacak/${id}`);
    expect(mail.about(id).at(-1)!.subject).toBe(`[LAPOR!] ${id}: Laporan Anda ditutup otomatis`);

    // Each notice went out once per channel: four events, two channels, nothing twice, every row sent on its first try.
    const rows = await notices(id);
    expect(rows).toHaveLength(8);
    expect(rows.every((n) => n.sentAt && n.attempts === 1)).toBe(true);
    expect(mail.about(id)).toHaveLength(4);
    expect(new Set(mail.about(id).map((m) => m.messageId)).size).toBe(4);
    expect(sms.about(id)).toHaveLength(4);
    expect(sms.posts.filter((key) => rows.some((n) => n.key === key))).toHaveLength(4);

    // Identity stays in PostgreSQL: not in the outbox rows, not in the workflow history (raw or decoded).
    const identity = ['+6281234567890', '6281234567890', 'siti@example.id', 'Siti Rahmawati'];
    expect(identity.filter((secret) => JSON.stringify(rows).includes(secret))).toEqual([]);
    expect(readableIn(await c.handle(id).fetchHistory(), identity)).toEqual([]);
    const history = await request(t.http).get(`/v1/audit/complaints/${id}/history`).set(c.officers.national.AUDITOR.auth).expect(200);
    expect(identity.filter((secret) => JSON.stringify(history.body).includes(secret))).toEqual([]);
    // Officers see that the reporter was told, and how, without the number or address.
    const told = history.body.steps.filter((s: { kind: string }) => s.kind === 'reporter-notified');
    expect(told.map((s: { summary: string }) => s.summary)).toContain('The reporter was told by SMS: a clarification was requested.');
    expect(told).toHaveLength(8);
  });

  it('settles the notices of a reporter who left no contact as skipped, with the reason, and sends nothing', async () => {
    const id = await c.submit({ anonymous: true, reporter: { name: 'Tanpa Kontak' } });
    await c.act(id, 'request-clarification', { question: 'Di mana kejadiannya?' });
    const rows = await settled(id, 'CLARIFICATION_REQUESTED');
    expect(rows.map((n) => [n.channel, n.sentAt, n.failedAt, n.skipReason])).toEqual([
      ['EMAIL', null, null, 'the reporter gave no e-mail address'],
      ['SMS', null, null, 'the reporter gave no phone number'],
    ]);
    // Settled rows are never claimed again: nothing about this complaint was or will be sent.
    expect(mail.about(id)).toEqual([]);
    expect(sms.posts.filter((key) => rows.some((n) => n.key === key))).toEqual([]);
  });

  it('tells an anonymous reporter who left a phone number; a gateway answering 500 twice gets the SMS exactly once', async () => {
    const id = await c.submit({ anonymous: true, reporter: { phone: '+6285700001111' } });
    sms.failFirst.set(id, 2);
    await c.act(id, 'request-clarification', { question: 'Kapan kejadiannya?' });
    const rows = await settled(id, 'CLARIFICATION_REQUESTED');
    const text = rows.find((n) => n.channel === 'SMS')!;
    expect(text).toMatchObject({ attempts: 3, sentAt: expect.any(Date), lastError: null, failedAt: null });
    expect(sms.posts.filter((key) => key === text.key)).toHaveLength(3);
    expect(sms.about(id)).toHaveLength(1);
    // Before disposal the complaint runs on the national zone.
    expect(sms.about(id)[0].body.text).toMatch(/Jawab paling lambat \d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIB\./);
    expect(rows.find((n) => n.channel === 'EMAIL')!.skipReason).toBe('the reporter gave no e-mail address');
  });

  it('records a permanent refusal (SMTP 550) as failed without the address, never retried; archiving tells the reason in words', async () => {
    const id = await c.submit({ reporter: { phone: '+6281300002222', email: REJECTED_ADDRESS } });
    await c.act(id, 'archive', { reason: 'DUPLICATE', note: 'Sama dengan laporan sebelumnya.' });
    const rows = await settled(id, 'ARCHIVED');
    const email = rows.find((n) => n.channel === 'EMAIL')!;
    expect(email).toMatchObject({ attempts: 1, sentAt: null, skippedAt: null, failedAt: expect.any(Date), lastError: 'SMTP answered 550' });
    expect(JSON.stringify(rows)).not.toContain(REJECTED_ADDRESS);
    expect(mail.about(id)).toEqual([]);
    expect(sms.about(id).map((s) => s.body.text)).toEqual([
      `LAPOR! ${id}: Laporan diarsipkan: laporan yang sama sudah pernah disampaikan. ${PUBLIC_BASE_URL}/console/lacak/${id}`,
    ]);
  });

  it('records a gateway that refuses an SMS (400) as failed, never retried, while the e-mail goes out', async () => {
    const id = await c.submit({ reporter: { phone: '+6281300003333', email: 'budi@example.id' } });
    sms.refused.add(id);
    await c.act(id, 'archive', { reason: 'SPAM' });
    const rows = await settled(id, 'ARCHIVED');
    expect(rows.map((n) => [n.channel, Boolean(n.sentAt), Boolean(n.failedAt), n.attempts, n.lastError])).toEqual([
      ['EMAIL', true, false, 1, null],
      ['SMS', false, true, 1, 'SMS webhook answered 400'],
    ]);
    expect(sms.posts.filter((key) => key === rows[1].key)).toHaveLength(1);
    expect(mail.about(id).map((m) => m.subject)).toEqual([`[LAPOR!] ${id}: Laporan Anda diarsipkan`]);
    expect(mail.about(id)[0].text).toContain('Alasan: laporan dinilai bukan pengaduan.');
  });

  it('names a confidential complaint by its tracking ID only: no title, no question', async () => {
    const id = await c.submit({ confidential: true, title: 'Pungutan liar di loket rahasia', reporter: { email: 'rahasia@example.id' } });
    await c.act(id, 'request-clarification', { question: 'Siapa nama petugas loket itu?' });
    await settled(id, 'CLARIFICATION_REQUESTED');
    const [email] = mail.about(id);
    expect(email.text).toContain(id);
    expect(email.text).toContain('Pertanyaan dapat dibaca di halaman pelacakan.');
    expect(email.text).not.toMatch(/Pungutan liar|nama petugas/);
  });
});
