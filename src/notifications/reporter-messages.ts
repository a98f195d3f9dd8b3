// What reporters are told by SMS and e-mail: the texts are the notice.* entries of the API's catalogs
// (src/i18n/catalogs), in REPORTER_NOTICE_LOCALE. Pure: the facts come in, the texts go out. Deadlines are told in the complaint's own zone
// (WIB, WITA, WIT), never in UTC; the access code never appears (the reporter keeps it from the receipt).
import { DateTime } from 'luxon';
import type { ArchiveReason, EventType } from '../../workflows/messages.js';
import { LOCALES, message, render, type Locale, type MessageKey, type MessageParam } from '../i18n/messages.js';

/** Notices speak the catalogs' languages. */
export const REPORTER_LOCALES = LOCALES;
export type ReporterLocale = Locale;

/** The transitions a reporter is told about: what they must act on, and how their complaint ends. */
export const REPORTER_NOTICE_EVENTS = ['CLARIFICATION_REQUESTED', 'FOLLOWED_UP', 'RESOLVED', 'CLOSED', 'ARCHIVED'] as const satisfies readonly EventType[];
export type ReporterNoticeEvent = (typeof REPORTER_NOTICE_EVENTS)[number];

/** The notices as the reporter tells them apart (an ending says who ended it and why). */
export type NoticeKind =
  | 'CLARIFICATION_REQUESTED'
  | 'FOLLOWED_UP'
  | 'RESOLVED'
  | 'CLOSED_BY_REPORTER'
  | 'CLOSED_AUTOMATICALLY'
  | 'ARCHIVED_BY_VERIFIER'
  | 'ARCHIVED_AUTOMATICALLY';

/** The event's detail as the read model keeps it: `reason` of ARCHIVED, `acceptedBy` of CLOSED. */
export function noticeKindOf(event: ReporterNoticeEvent, detail: Record<string, unknown>): NoticeKind {
  if (event === 'CLOSED') return detail.acceptedBy === 'FEEDBACK_TIMEOUT' ? 'CLOSED_AUTOMATICALLY' : 'CLOSED_BY_REPORTER';
  if (event === 'ARCHIVED') return detail.reason === 'NO_CLARIFICATION' ? 'ARCHIVED_AUTOMATICALLY' : 'ARCHIVED_BY_VERIFIER';
  return event;
}

/** Everything a notice may say. Content fields are dropped for confidential complaints (see renderReporterNotice). */
export interface ReporterNoticeFacts {
  kind: NoticeKind;
  trackingId: string;
  /** The tracking page, where the reporter answers with the access code. */
  trackingUrl: string;
  confidential: boolean;
  title: string;
  /** The officer's question (clarification requests). */
  question?: string | null;
  /** The follow-up or the final answer as the officer wrote it (e-mail only). */
  officerText?: string | null;
  /** Until when the reporter may act (clarification, feedback), an ISO instant. */
  respondBy?: string | null;
  /** IANA zone of the complaint: its agency's, or the national one before disposal. */
  timeZone: string;
  archiveReason?: ArchiveReason | null;
}

export interface RenderedNotice {
  subject: string;
  /** Plain-text e-mail body. */
  email: string;
  sms: string;
  /** SMS segments the text takes (GSM-7: 160 alone, 153 each when split; otherwise UCS-2: 70 / 67). */
  smsSegments: number;
}

/** The official abbreviations of Indonesia's three zones. */
const ZONE_LABELS: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

export function zoneLabel(timeZone: string): string {
  const label = ZONE_LABELS[timeZone];
  if (!label) throw new Error(`${timeZone} is none of Indonesia's zones (WIB, WITA, WIT)`);
  return label;
}

/** Longest question an SMS repeats; the tracking page shows it whole. */
const SMS_QUESTION_LIMIT = 200;

/** The notices that ask the reporter to act by a deadline, and say what follows if they do not. */
const RESPONDING = ['CLARIFICATION_REQUESTED', 'RESOLVED'] as const satisfies readonly NoticeKind[];
type RespondingKind = (typeof RESPONDING)[number];
const asksResponse = (kind: NoticeKind): kind is RespondingKind => (RESPONDING as readonly NoticeKind[]).includes(kind);

/** An instant as the reporter reads it: in the complaint's zone, with its label, never UTC. */
export function localDateTime(iso: string, timeZone: string, locale: ReporterLocale, form: 'long' | 'short'): string {
  const local = DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).setLocale(locale);
  return `${local.toFormat(render(message(`notice.dateTime.${form}`), locale))} ${zoneLabel(timeZone)}`;
}

/** At most `limit` characters, cut after a whole word where one ends in the second half. */
function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 3);
  const wordEnd = cut.lastIndexOf(' ');
  return `${(wordEnd > limit / 2 ? cut.slice(0, wordEnd) : cut).trimEnd()}...`;
}

/**
 * The notice in `locale`. A confidential complaint's notices name only the tracking ID: no title, no
 * question, no officer text (the reporter reads them on the tracking page with the access code). No
 * notice ever carries the chronology, the reporter's identity or the access code.
 */
export function renderReporterNotice(f: ReporterNoticeFacts, locale: ReporterLocale = 'id'): RenderedNotice {
  const say = (key: MessageKey, params?: Record<string, MessageParam>) => render(message(key, params), locale);
  const open = !f.confidential;
  const question = open && f.kind === 'CLARIFICATION_REQUESTED' && f.question ? f.question.trim() : null;
  const officerText = open && (f.kind === 'FOLLOWED_UP' || f.kind === 'RESOLVED') && f.officerText ? f.officerText.trim() : null;
  const reason = message(`notice.archiveReason.${f.archiveReason ?? 'OTHER'}`);
  const responding = asksResponse(f.kind) && f.respondBy ? f.kind : null;
  const deadline = (form: 'long' | 'short') =>
    responding ? `${say(`notice.${form === 'long' ? 'respondBy' : 'smsRespondBy'}.${responding}`, { when: localDateTime(f.respondBy!, f.timeZone, locale, form) })}.` : null;

  const smsParts = [
    `LAPOR! ${f.trackingId}: ${say(`notice.smsHeadline.${f.kind}`, { reason })}`,
    question ? say('notice.askedSms', { question: clip(question, SMS_QUESTION_LIMIT) }) : null,
    deadline('short'),
    f.trackingUrl,
  ];
  const sms = smsParts.filter(Boolean).join(' ');

  const email = [
    say('notice.greeting'),
    '',
    say(`notice.headline.${f.kind}`, { reason }),
    '',
    `${say('notice.label.trackingId')}: ${f.trackingId}`,
    open ? `${say('notice.label.title')}: ${f.title}` : null,
    ...(question ? ['', `${say('notice.label.question')}:`, question] : f.kind === 'CLARIFICATION_REQUESTED' ? ['', say('notice.questionOnPage')] : []),
    ...(officerText ? ['', `${say('notice.label.officerText')}:`, officerText] : []),
    ...(responding ? ['', deadline('long'), say(`notice.consequence.${responding}`)] : []),
    '',
    say('notice.open', { url: f.trackingUrl }),
    say('notice.accessCodeHint'),
    '',
    say('notice.noReply'),
  ].filter((line) => line !== null);

  return { subject: `[LAPOR!] ${f.trackingId}: ${say(`notice.subject.${f.kind}`)}`, email: `${email.join('\n')}\n`, sms, smsSegments: smsSegments(sms) };
}

// GSM 03.38: the basic set takes one septet a character; the extension table two (escape + character).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

/** How many SMS segments a text takes: GSM-7 when every character has a septet, otherwise UCS-2. */
export function smsSegments(text: string): number {
  const chars = [...text];
  if (chars.every((ch) => GSM_BASIC.has(ch) || GSM_EXTENSION.has(ch))) {
    const septets = chars.reduce((n, ch) => n + (GSM_EXTENSION.has(ch) ? 2 : 1), 0);
    return septets <= 160 ? 1 : Math.ceil(septets / 153);
  }
  const units = text.length; // UTF-16 code units, as UCS-2 counts them
  return units <= 70 ? 1 : Math.ceil(units / 67);
}
