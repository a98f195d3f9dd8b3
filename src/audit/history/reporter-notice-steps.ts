// The outbox's record of what the reporter was told, as timeline steps: by which channel and about
// what, never to which number or address (the rows hold none).
import type { AuditStepView } from '../audit-history.dto.js';
import type { ReporterNoticeEvent } from '../../notifications/reporter-messages.js';

const ABOUT: Record<ReporterNoticeEvent, string> = {
  CLARIFICATION_REQUESTED: 'a clarification was requested',
  FOLLOWED_UP: 'a follow-up was recorded',
  RESOLVED: 'the final answer was given',
  CLOSED: 'the complaint was closed',
  ARCHIVED: 'the complaint was archived',
};

const CHANNEL_NAMES: Record<string, string> = { SMS: 'SMS', EMAIL: 'e-mail' };

export interface SettledReporterNotice {
  channel: string | null;
  payload: unknown;
  attempts: number;
  sentAt: Date | null;
  failedAt: Date | null;
  lastError: string | null;
}

/** A notice sent, or refused for good; skipped ones (no contact, channel not configured) say nothing happened and are left out. */
export function reporterNoticeStep(n: SettledReporterNotice): AuditStepView | null {
  const at = n.sentAt ?? n.failedAt;
  if (!at) return null;
  const { event, seq } = n.payload as { event: ReporterNoticeEvent; seq: number };
  const channel = CHANNEL_NAMES[n.channel ?? ''] ?? String(n.channel);
  return {
    at: at.toISOString(),
    source: 'notification',
    kind: n.sentAt ? 'reporter-notified' : 'reporter-notice-failed',
    summary: n.sentAt
      ? `The reporter was told by ${channel}: ${ABOUT[event] ?? event}.`
      : `The reporter could not be told by ${channel} (${n.lastError ?? 'refused'}): ${ABOUT[event] ?? event}.`,
    actorId: null,
    actorRole: null,
    detail: { channel: n.channel, event, seq, attempts: n.attempts, ...(n.failedAt ? { error: n.lastError } : {}) },
  };
}
