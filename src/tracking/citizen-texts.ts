// What the reporter reads about each event, in words and in the reporter's language (catalog keys
// citizen.*): never an internal code. Officers' own words (questions, answers) are shown as written.
import { Duration } from 'luxon';
import type { ArchiveReason, DeadlineRule, EventType, SlaPolicyVersion } from '../../workflows/messages.js';
import { message, render, type Locale, type Message, type MessageKey } from '../i18n/messages.js';

type Detail = Record<string, unknown>;

/** How long a rule gives, as a citizen says it: "10 hari", "3 hari kerja" ("3 working days"). */
export function ruleInWords(rule: DeadlineRule, locale: Locale): string {
  if ('workingDays' in rule) return render(message('citizen.rule.workingDays', { days: rule.workingDays }), locale);
  return Duration.fromISO(rule.duration).reconfigure({ locale }).toHuman();
}

const ARCHIVED_BECAUSE: Record<ArchiveReason, MessageKey> = {
  SPAM: 'citizen.archived.SPAM',
  DUPLICATE: 'citizen.archived.DUPLICATE',
  OUT_OF_SCOPE: 'citizen.archived.OUT_OF_SCOPE',
  INSUFFICIENT_INFORMATION: 'citizen.archived.INSUFFICIENT_INFORMATION',
  OTHER: 'citizen.archived.OTHER',
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function archived(d: Detail, policy: SlaPolicyVersion, locale: Locale): Message {
  if (d.reason === 'NO_CLARIFICATION') {
    return message('citizen.archived.noClarification', { period: ruleInWords(policy.deadlines.clarification, locale) });
  }
  const because = message(ARCHIVED_BECAUSE[d.reason as ArchiveReason] ?? 'citizen.archived.OTHER');
  return text(d.note) ? message('citizen.archived.note', { because, note: text(d.note) }) : message('citizen.archived', { because });
}

function closed(d: Detail, policy: SlaPolicyVersion, locale: Locale): Message {
  if (d.acceptedBy === 'FEEDBACK_TIMEOUT') {
    return message('citizen.closed.feedbackTimeout', { period: ruleInWords(policy.deadlines.feedback, locale) });
  }
  return message('citizen.closed.accepted');
}

type CitizenText = (detail: Detail, policy: SlaPolicyVersion, locale: Locale) => Message | string;

/**
 * The events the reporter sees, each as a sentence from its detail; null for the officers' own
 * bookkeeping (deadlines, escalations). Every event type must be decided here.
 */
export const CITIZEN_TEXT: Record<EventType, CitizenText | null> = {
  SUBMITTED: null,
  VERIFIED: null,
  CLARIFICATION_REQUESTED: (d) => text(d.question),
  CLARIFICATION_PROVIDED: (d) => text(d.answer),
  ARCHIVED: archived,
  ASSIGNED: null,
  REDIRECTED: (d) => message('citizen.redirected', { agency: text(d.toAgencyId), reason: text(d.reason) }),
  FOLLOWED_UP: (d) => text(d.text),
  RESOLVED: (d) => text(d.answer),
  CLOSED: closed,
  DISPUTED: (d) => text(d.reason),
  DEADLINE_EXTENDED: null,
  DEADLINE_BREACHED: null,
  ESCALATED: null,
  ESCALATION_ACKNOWLEDGED: null,
  DEADLINES_RETIMED: null,
};

/** The event's sentence in `locale`; empty for an event the reporter is not shown. */
export function citizenText(type: EventType, detail: Detail, policy: SlaPolicyVersion, locale: Locale): string {
  const wording = CITIZEN_TEXT[type];
  return wording ? render(wording(detail, policy, locale), locale) : '';
}

export const CITIZEN_EVENTS = (Object.keys(CITIZEN_TEXT) as EventType[]).filter((type) => CITIZEN_TEXT[type] !== null);
