// Which transitions the reporter is told about, as outbox rows written in the projection's own
// transaction: one row per channel, keyed by complaint, event and channel, so a retried projection
// never queues a notice twice and no projected transition goes untold. The rows carry no identity:
// the dispatcher looks the reporter's phone number and e-mail address up when it sends.
import { randomUUID } from 'node:crypto';
import { REPORTER_NOTICE_EVENTS, type ReporterNoticeEvent } from '../src/notifications/reporter-messages.js';
import type { TransitionRecord } from '../workflows/messages.js';

export const REPORTER_NOTICE_KIND = 'REPORTER_NOTICE';
export const REPORTER_RECEIVER = 'REPORTER';
export const REPORTER_CHANNELS = ['SMS', 'EMAIL'] as const;
export type ReporterChannel = (typeof REPORTER_CHANNELS)[number];

/** What a reporter notice row holds: the event it announces (its text is read at send time) and until when to act. */
export interface ReporterNoticePayload {
  event: ReporterNoticeEvent;
  seq: number;
  /** The reporter's own deadline (clarification, feedback), or null when nothing is asked of them. */
  respondBy: string | null;
}

const isNoticeEvent = (type: string): type is ReporterNoticeEvent => (REPORTER_NOTICE_EVENTS as readonly string[]).includes(type);

export const reporterNoticeKey = (complaintId: string, seq: number, channel: ReporterChannel) => `reporter:${complaintId}:${seq}:${channel}`;

export function reporterNoticeRows(t: TransitionRecord) {
  if (!isNoticeEvent(t.type)) return [];
  // A question or an answer starts the reporter's clock, and it is then the only one running: the
  // officers' clocks pause during a clarification, and none runs while an answer awaits feedback.
  const asksReporter = t.type === 'CLARIFICATION_REQUESTED' || t.type === 'RESOLVED';
  const payload: ReporterNoticePayload = { event: t.type, seq: t.seq, respondBy: asksReporter ? t.readModel.nextDeadlineAt : null };
  return REPORTER_CHANNELS.map((channel) => ({
    id: randomUUID(),
    key: reporterNoticeKey(t.complaintId, t.seq, channel),
    complaintId: t.complaintId,
    kind: REPORTER_NOTICE_KIND,
    receiverRole: REPORTER_RECEIVER,
    channel,
    payload: { ...payload },
  }));
}
