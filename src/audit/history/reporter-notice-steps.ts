// The outbox's record of what the reporter was told, as timeline steps: by which channel and about
// what, never to which number or address (the rows hold none).
import type { AuditStepView } from '../audit-history.dto.js';
import { message, render, type Locale } from '../../i18n/messages.js';
import { REPORTER_NOTICE_EVENTS, type ReporterNoticeEvent } from '../../notifications/reporter-messages.js';

const CHANNELS = ['SMS', 'EMAIL'] as const;
const isKnownChannel = (channel: string | null): channel is (typeof CHANNELS)[number] => (CHANNELS as readonly (string | null)[]).includes(channel);
const isNoticeEvent = (event: unknown): event is ReporterNoticeEvent => (REPORTER_NOTICE_EVENTS as readonly unknown[]).includes(event);

export interface SettledReporterNotice {
  channel: string | null;
  payload: unknown;
  attempts: number;
  sentAt: Date | null;
  failedAt: Date | null;
  lastError: string | null;
}

/** A notice sent, or refused for good; skipped ones (no contact, channel not configured) say nothing happened and are left out. */
export function reporterNoticeStep(n: SettledReporterNotice, locale: Locale): AuditStepView | null {
  const at = n.sentAt ?? n.failedAt;
  if (!at) return null;
  const { event, seq } = n.payload as { event: ReporterNoticeEvent; seq: number };
  const channel = isKnownChannel(n.channel) ? message(`history.notice.channel.${n.channel}`) : String(n.channel);
  const about = isNoticeEvent(event) ? message(`history.notice.about.${event}`) : String(event);
  const summary = n.sentAt
    ? message('history.notice.sent', { channel, about })
    : message('history.notice.failed', { channel, about, error: n.lastError ?? message('history.notice.refused') });
  return {
    at: at.toISOString(),
    source: 'notification',
    kind: n.sentAt ? 'reporter-notified' : 'reporter-notice-failed',
    summary: render(summary, locale),
    actorId: null,
    actorRole: null,
    detail: { channel: n.channel, event, seq, attempts: n.attempts, ...(n.failedAt ? { error: n.lastError } : {}) },
  };
}
