import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { REPORTER_CHANNELS, type ReporterChannel, type ReporterNoticePayload } from '../../activities/reporter-notices.js';
import type { ArchiveReason } from '../../workflows/messages.js';
import { AppConfig } from '../config/app-config.js';
import { SlaPolicy } from '../policy/sla-policy.js';
import { noticeKindOf, renderReporterNotice, type ReporterNoticeFacts } from './reporter-messages.js';
import { ReporterNoticeRepository } from './reporter-notices.repository.js';
import { signDelivery, SIGNATURE_HEADER } from './webhook-signature.js';

const DELIVERY_TIMEOUT_MS = 10_000;

/** A refusal that sending again cannot change (SMTP 5xx, webhook 4xx): recorded, never retried. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/** How one delivery ended: sent, or settled without sending (nobody to send to, or no way to), with the reason. */
export type Delivery = { sent: true } | { sent: false; skipped: string };

export interface ReporterNoticeRow {
  key: string;
  complaintId: string;
  channel: ReporterChannel;
  payload: ReporterNoticePayload;
}

/** Webhook answers that say "try later" although they are 4xx. */
const RETRYABLE_4XX = [408, 425, 429];

/**
 * Sends a reporter notice by SMS (the gateway's outbound webhook, signed) or e-mail (SMTP). The
 * phone number or address is read here, at send time, and goes only to the channel: never into the
 * outbox row, its error, or the log. Errors carry status codes only, for the same reason.
 */
@Injectable()
export class ReporterNoticeSender implements OnApplicationShutdown {
  private readonly mailer?: Transporter;

  constructor(
    private readonly notices: ReporterNoticeRepository,
    private readonly config: AppConfig,
    private readonly policy: SlaPolicy,
  ) {
    if (config.smtpUrl) {
      this.mailer = createTransport(
        { url: config.smtpUrl, connectionTimeout: DELIVERY_TIMEOUT_MS, greetingTimeout: DELIVERY_TIMEOUT_MS, socketTimeout: DELIVERY_TIMEOUT_MS },
        { from: config.mailFrom },
      );
    }
  }

  onApplicationShutdown(): void {
    this.mailer?.close();
  }

  /** Why a channel cannot send at all, or null when it can. */
  private unconfigured(channel: ReporterChannel): string | null {
    if (channel === 'SMS') return this.config.smsOutboundWebhookUrl ? null : 'SMS is not configured (SMS_OUTBOUND_WEBHOOK_URL)';
    return this.mailer ? null : 'e-mail is not configured (SMTP_URL)';
  }

  async deliver(row: ReporterNoticeRow): Promise<Delivery> {
    if (!REPORTER_CHANNELS.includes(row.channel)) throw new PermanentDeliveryError(`unknown reporter channel ${row.channel}`);
    const unconfigured = this.unconfigured(row.channel);
    if (unconfigured) return { sent: false, skipped: unconfigured };
    const contact = await this.notices.contactFor(row.complaintId, row.channel);
    if (!contact) return { sent: false, skipped: row.channel === 'SMS' ? 'the reporter gave no phone number' : 'the reporter gave no e-mail address' };
    const facts = await this.factsOf(row);
    const rendered = renderReporterNotice(facts, this.config.reporterNoticeLocale);
    if (row.channel === 'SMS') {
      await this.postSms(row.key, { key: row.key, to: contact, text: rendered.sms, segments: rendered.smsSegments, trackingId: facts.trackingId });
    } else {
      await this.sendMail(row.key, contact, rendered.subject, rendered.email);
    }
    return { sent: true };
  }

  private async factsOf(row: ReporterNoticeRow): Promise<ReporterNoticeFacts> {
    const { event, seq, respondBy } = row.payload;
    const complaint = await this.notices.findNoticeSubject(row.complaintId, seq);
    const detail = complaint?.events[0]?.detail as Record<string, unknown> | undefined;
    if (!complaint || !detail) throw new PermanentDeliveryError(`complaint ${row.complaintId} or its event ${seq} is missing`);
    const text = (field: string) => (typeof detail[field] === 'string' ? (detail[field] as string) : null);
    return {
      kind: noticeKindOf(event, detail),
      trackingId: complaint.trackingId,
      trackingUrl: `${this.config.publicBaseUrl}/console/lacak/${encodeURIComponent(complaint.trackingId)}`,
      confidential: complaint.confidential,
      title: complaint.title,
      question: text('question'),
      officerText: text('answer') ?? text('text'),
      respondBy,
      // Before disposal the complaint's clocks run in the national zone of its policy version.
      timeZone: complaint.agency?.timeZone ?? (this.policy.all().find((v) => v.version === complaint.policyVersion) ?? this.policy.inForceAt(new Date())).nationalTimeZone,
      archiveReason: event === 'ARCHIVED' ? ((text('reason') as ArchiveReason | null) ?? null) : null,
    };
  }

  private async postSms(key: string, message: Record<string, unknown>): Promise<void> {
    const body = JSON.stringify(message);
    const response = await fetch(this.config.smsOutboundWebhookUrl!, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': key,
        [SIGNATURE_HEADER]: signDelivery(this.config.smsOutboundWebhookSecret!, Math.floor(Date.now() / 1000), body),
      },
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    if (response.ok) return;
    const problem = `SMS webhook answered ${response.status}`;
    if (response.status >= 400 && response.status < 500 && !RETRYABLE_4XX.includes(response.status)) throw new PermanentDeliveryError(problem);
    throw new Error(problem);
  }

  private async sendMail(key: string, to: string, subject: string, text: string): Promise<void> {
    const domain = /@([^\s<>@]+)>?\s*$/.exec(this.config.mailFrom ?? '')?.[1] ?? 'tenggat.invalid';
    try {
      // A stable Message-ID per notice lets mail systems recognise a repeat after a lost acknowledgement.
      await this.mailer!.sendMail({ to, subject, text, messageId: `<${key.replace(/[^A-Za-z0-9-]/g, '.')}@${domain}>` });
    } catch (error) {
      const e = error as { responseCode?: number; permanent?: boolean; code?: string };
      const problem = e.responseCode ? `SMTP answered ${e.responseCode}` : `SMTP failed (${e.code ?? 'no code'})`;
      throw e.permanent ? new PermanentDeliveryError(problem) : new Error(problem);
    }
  }
}
