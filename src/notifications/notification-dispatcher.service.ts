import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { REPORTER_NOTICE_KIND, type ReporterChannel, type ReporterNoticePayload } from '../../activities/reporter-notices.js';
import { AppConfig } from '../config/app-config.js';
import { PollingLoop } from '../common/polling-loop.js';
import { OutboxWakeups } from './outbox-wakeups.js';
import { PrismaService } from '../database/prisma.service.js';
import { PermanentDeliveryError, ReporterNoticeSender, type Delivery } from './reporter-notice-sender.js';
import { signDelivery, SIGNATURE_HEADER } from './webhook-signature.js';

export { signDelivery, SIGNATURE_HEADER };

/** Rows claimed at once (also the most a dispatcher killed mid-round can leave to be delivered twice). */
const BATCH = 50;
/** A claim lasts this long: a dispatcher that dies mid-delivery lets another deliver after it. */
const LEASE_MS = 30_000;
const DELIVERY_TIMEOUT_MS = 10_000;
/**
 * A claimed row is started only this soon after its claim, while its lease still outlasts a delivery that
 * times out and its marking; rows a slow receiver kept waiting longer are handed back, so no other dispatcher
 * can claim a row this one is still sending.
 */
const START_WITHIN_MS = LEASE_MS - DELIVERY_TIMEOUT_MS - 5_000;
const MAX_BACKOFF_MS = 5 * 60_000;

interface Claimed {
  id: string;
  key: string;
  kind: string;
  receiver_role: string;
  agency_id: string | null;
  complaint_id: string | null;
  channel: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  lease_until: Date;
}

export interface DispatchRound {
  claimed: number;
  sent: number;
  /** Settled without sending: the reporter gave no contact for the channel, or it is not configured. Not failures. */
  skipped: number;
  failed: number;
  /** Claimed but not started before its lease could lapse mid-delivery: handed back to the next round, the attempt not counted. */
  released: number;
}

/**
 * Delivers the notification outbox: officer notices to the log by default, or by POST to
 * NOTIFY_WEBHOOK_URL; reporter notices by SMS or e-mail (ReporterNoticeSender). At least once, with a
 * stable Idempotency-Key per notification: each row is claimed with a lease (FOR UPDATE SKIP LOCKED, so
 * dispatchers never deliver one row at the same time), delivered outside any transaction, and marked on
 * its own — sent; skipped with the reason; failed for good on a permanent refusal; or due again after a
 * backoff with its error kept. A dispatcher killed mid-delivery leaves its rows leased; they are
 * delivered again once the lease lapses. Up to NOTIFY_CONCURRENCY deliveries are in flight at once, in no
 * promised order. A round starts when the notifications table's trigger NOTIFYs a commit of new rows
 * (OutboxWakeups), or every NOTIFY_POLL_MS (rows due again after a backoff, wake-ups missed).
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly loop: PollingLoop;
  private readonly wakeups: OutboxWakeups;

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
    private readonly reporterNotices: ReporterNoticeSender,
  ) {
    // A full batch means more are waiting: the next round goes at once instead of waiting for the poll.
    this.loop = new PollingLoop('outbox dispatch', async () => ({ moreWaiting: (await this.dispatchDue()).claimed === BATCH }), config.notifyPollMs, this.logger);
    this.wakeups = new OutboxWakeups(config.databaseUrl, () => this.loop.wake(), this.logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
    this.wakeups.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.wakeups.stop();
    await this.loop.stop();
  }

  /** Settles once this dispatcher is woken by new rows, not only by its poll. */
  listening(): Promise<void> {
    return this.wakeups.listening;
  }

  /** Claims the due notifications and delivers them; answers how many were claimed, sent, skipped and failed. */
  async dispatchDue(): Promise<DispatchRound> {
    const claimedAt = Date.now(); // before the claim: its leases end no sooner than LEASE_MS after this
    const claimed = await this.claim();
    const round: DispatchRound = { claimed: claimed.length, sent: 0, skipped: 0, failed: 0, released: 0 };
    const unstarted: Claimed[] = [];
    let next = 0;
    // A fixed number of lanes, each taking the next claimed row as soon as its last delivery settled.
    const lane = async (): Promise<void> => {
      while (next < claimed.length) {
        const n = claimed[next++];
        if (Date.now() - claimedAt > START_WITHIN_MS) unstarted.push(n);
        else round[await this.deliverAndSettle(n)] += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.notifyConcurrency, claimed.length) }, lane));
    round.released = await this.release(unstarted);
    return round;
  }

  /** Delivers one claimed row and records how it went; never throws (a row it cannot mark keeps its lease until it lapses). */
  private async deliverAndSettle(n: Claimed): Promise<'sent' | 'skipped' | 'failed'> {
    try {
      const delivery = await this.deliver(n);
      const settled = delivery.sent ? { sentAt: new Date() } : { skippedAt: new Date(), skipReason: delivery.skipped };
      await this.prisma.notification.update({ where: { id: n.id }, data: { ...settled, leaseUntil: null, lastError: null } });
      return delivery.sent ? 'sent' : 'skipped';
    } catch (error) {
      const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (n.attempts - 1));
      // A permanent refusal is settled as failed: sending the same again would be refused again.
      const next = error instanceof PermanentDeliveryError ? { failedAt: new Date() } : { nextAttemptAt: new Date(Date.now() + backoff) };
      await this.prisma.notification
        .update({ where: { id: n.id }, data: { leaseUntil: null, lastError: (error as Error).message, ...next } })
        .catch((markError: Error) => this.logger.warn(`notification ${n.key}: could not record the failed attempt (${markError.message}); its lease will lapse`));
      return 'failed';
    }
  }

  /** Hands unstarted rows back, only where the lease is still the one this dispatcher took (a lapsed one may be another's by now). */
  private async release(rows: Claimed[]): Promise<number> {
    if (rows.length === 0) return 0;
    const ids = rows.map((n) => n.id);
    const leases = rows.map((n) => n.lease_until.toISOString());
    return this.prisma.$executeRaw`
      UPDATE notifications n SET lease_until = NULL, attempts = n.attempts - 1
      FROM unnest(${ids}::uuid[], ${leases}::timestamptz[]) AS mine(id, lease_until)
      WHERE n.id = mine.id AND n.lease_until = mine.lease_until`.catch((error: Error) => {
      this.logger.warn(`could not hand back ${rows.length} unstarted notifications (${error.message}); their leases will lapse`);
      return 0;
    });
  }

  /** One statement, its own transaction: the rows are this dispatcher's until their lease lapses. */
  private claim(): Promise<Claimed[]> {
    return this.prisma.$queryRaw<Claimed[]>`
      UPDATE notifications n
      SET lease_until = now() + make_interval(secs => ${LEASE_MS / 1000}), attempts = n.attempts + 1
      FROM (
        SELECT id FROM notifications
        WHERE sent_at IS NULL AND skipped_at IS NULL AND failed_at IS NULL
          AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
        ORDER BY created_at
        LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED
      ) due
      WHERE n.id = due.id
      RETURNING n.id, n.key, n.kind, n.receiver_role, n.agency_id, n.complaint_id, n.channel, n.payload, n.attempts, n.lease_until`;
  }

  private async deliver(n: Claimed): Promise<Delivery> {
    if (n.kind === REPORTER_NOTICE_KIND) {
      if (!n.complaint_id) throw new PermanentDeliveryError('a reporter notice without its complaint');
      return this.reporterNotices.deliver({ key: n.key, complaintId: n.complaint_id, channel: n.channel as ReporterChannel, payload: n.payload as unknown as ReporterNoticePayload });
    }
    await this.deliverToOfficers(n);
    return { sent: true };
  }

  private async deliverToOfficers(n: Claimed): Promise<void> {
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
