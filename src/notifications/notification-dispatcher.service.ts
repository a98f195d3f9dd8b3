import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { AppConfig } from '../config/app-config.js';
import { PollingLoop } from '../common/polling-loop.js';
import { PrismaService } from '../database/prisma.service.js';

/** Rows claimed at once, and POSTs in flight at once. */
const BATCH = 50;
const CONCURRENCY = 8;
/** A claim lasts this long: a dispatcher that dies mid-delivery lets another deliver after it. */
const LEASE_MS = 30_000;
const DELIVERY_TIMEOUT_MS = 10_000;
const MAX_BACKOFF_MS = 5 * 60_000;

interface Claimed {
  id: string;
  key: string;
  kind: string;
  receiver_role: string;
  agency_id: string | null;
  payload: Record<string, unknown>;
  attempts: number;
}

/** The header a receiver checks: HMAC-SHA256 over "<timestamp>.<body>" with the shared secret, Stripe-style. */
export const SIGNATURE_HEADER = 'X-Tenggat-Signature';

export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Delivers the notification outbox: to the log by default, or by POST to NOTIFY_WEBHOOK_URL. At least
 * once, with a stable Idempotency-Key per notification: each row is claimed with a lease (FOR UPDATE
 * SKIP LOCKED, so dispatchers never deliver one row at the same time), delivered outside any
 * transaction, and marked on its own — sent, or due again after a backoff with its error kept. A
 * dispatcher killed mid-delivery leaves its rows leased; they are delivered again once the lease lapses.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly loop: PollingLoop;

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
  ) {
    // A full batch means more are waiting: the next round goes at once instead of waiting for the poll.
    this.loop = new PollingLoop('outbox dispatch', async () => ({ moreWaiting: (await this.dispatchDue()).claimed === BATCH }), config.notifyPollMs, this.logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims the due notifications and delivers them; answers how many were claimed, sent and failed. */
  async dispatchDue(): Promise<{ claimed: number; sent: number; failed: number }> {
    const claimed = await this.claim();
    let sent = 0;
    let failed = 0;
    for (let i = 0; i < claimed.length; i += CONCURRENCY) {
      await Promise.all(
        claimed.slice(i, i + CONCURRENCY).map(async (n) => {
          try {
            await this.deliver(n);
            await this.prisma.notification.update({ where: { id: n.id }, data: { sentAt: new Date(), leaseUntil: null, lastError: null } });
            sent += 1;
          } catch (error) {
            failed += 1;
            const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (n.attempts - 1));
            await this.prisma.notification
              .update({ where: { id: n.id }, data: { leaseUntil: null, lastError: (error as Error).message, nextAttemptAt: new Date(Date.now() + backoff) } })
              .catch((markError: Error) => this.logger.warn(`notification ${n.key}: could not record the failed attempt (${markError.message}); its lease will lapse`));
          }
        }),
      );
    }
    return { claimed: claimed.length, sent, failed };
  }

  /** One statement, its own transaction: the rows are this dispatcher's until their lease lapses. */
  private claim(): Promise<Claimed[]> {
    return this.prisma.$queryRaw<Claimed[]>`
      UPDATE notifications n
      SET lease_until = now() + make_interval(secs => ${LEASE_MS / 1000}), attempts = n.attempts + 1
      FROM (
        SELECT id FROM notifications
        WHERE sent_at IS NULL AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
        ORDER BY created_at
        LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED
      ) due
      WHERE n.id = due.id
      RETURNING n.id, n.key, n.kind, n.receiver_role, n.agency_id, n.payload, n.attempts`;
  }

  private async deliver(n: Claimed): Promise<void> {
    const message = { key: n.key, kind: n.kind, receiverRole: n.receiver_role, agencyId: n.agency_id, ...n.payload };
    if (!this.config.notifyWebhookUrl) {
      this.logger.log({ notification: message, msg: `${n.kind} for ${n.receiver_role}` });
      return;
    }
    const body = JSON.stringify(message);
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await fetch(this.config.notifyWebhookUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': n.key,
        ...(this.config.notifyWebhookSecret ? { [SIGNATURE_HEADER]: signDelivery(this.config.notifyWebhookSecret, timestamp, body) } : {}),
      },
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
