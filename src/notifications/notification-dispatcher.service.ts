import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../database/prisma.service.js';

const BATCH = 50;
const MAX_BACKOFF_MS = 5 * 60_000;

interface Pending {
  id: string;
  key: string;
  kind: string;
  receiver_role: string;
  agency_id: string | null;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Delivers the notification outbox: to the log by default, or by POST to NOTIFY_WEBHOOK_URL with
 * retries and backoff. Rows are claimed with SKIP LOCKED, so several workers never send one twice.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.dispatchDue()
        .catch((error: Error) => this.logger.error(`outbox dispatch failed: ${error.message}`))
        .then(() => undefined)
        .finally(() => this.schedule());
    }, this.config.notifyPollMs);
  }

  /** Sends every due notification once; returns how many were sent. */
  async dispatchDue(): Promise<number> {
    let sent = 0;
    await this.prisma.$transaction(async (tx) => {
      const due = await tx.$queryRaw<Pending[]>`
        SELECT id, key, kind, receiver_role, agency_id, payload, attempts FROM notifications
        WHERE sent_at IS NULL AND next_attempt_at <= now()
        ORDER BY created_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      for (const n of due) {
        try {
          await this.deliver(n);
          await tx.notification.update({ where: { id: n.id }, data: { sentAt: new Date(), attempts: n.attempts + 1, lastError: null } });
          sent += 1;
        } catch (error) {
          const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** n.attempts);
          await tx.notification.update({
            where: { id: n.id },
            data: { attempts: n.attempts + 1, lastError: (error as Error).message, nextAttemptAt: new Date(Date.now() + backoff) },
          });
        }
      }
    });
    return sent;
  }

  private async deliver(n: Pending): Promise<void> {
    const message = { key: n.key, kind: n.kind, receiverRole: n.receiver_role, agencyId: n.agency_id, ...n.payload };
    if (!this.config.notifyWebhookUrl) {
      this.logger.log({ notification: message, msg: `${n.kind} for ${n.receiver_role}` });
      return;
    }
    const response = await fetch(this.config.notifyWebhookUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': n.key },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
