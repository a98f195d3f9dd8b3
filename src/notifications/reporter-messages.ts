// What reporters are told by SMS and e-mail, in one place: Indonesian first (formal and short), English
// second. Pure: the facts come in, the texts go out. Deadlines are told in the complaint's own zone
// (WIB, WITA, WIT), never in UTC; the access code never appears (the reporter keeps it from the receipt).
import { DateTime } from 'luxon';
import type { ArchiveReason, EventType } from '../../workflows/messages.js';

export const REPORTER_LOCALES = ['id', 'en'] as const;
export type ReporterLocale = (typeof REPORTER_LOCALES)[number];

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

interface Catalog {
  /** Long form for e-mail, short for SMS; the zone label is appended. */
  dateTime: { long: string; short: string };
  subject: Record<NoticeKind, string>;
  /** What happened, in a sentence or two; `{reason}` stands for the archive reason in words. */
  headline: Record<NoticeKind, string>;
  /** The same, short enough that most SMS fit one segment with the tracking URL. */
  smsHeadline: Record<NoticeKind, string>;
  archiveReasons: Record<ArchiveReason, string>;
  labels: { trackingId: string; title: string; question: string; officerText: string };
  askedSms: (question: string) => string;
  questionOnPage: string;
  respondBy: Partial<Record<NoticeKind, (when: string) => string>>;
  smsRespondBy: Partial<Record<NoticeKind, (when: string) => string>>;
  /** What follows when the reporter does nothing. */
  consequence: Partial<Record<NoticeKind, string>>;
  open: (url: string) => string;
  greeting: string;
  accessCodeHint: string;
  noReply: string;
}

const CATALOGS: Record<ReporterLocale, Catalog> = {
  id: {
    dateTime: { long: "cccc, d LLLL yyyy 'pukul' HH.mm", short: 'd LLL yyyy HH.mm' },
    subject: {
      CLARIFICATION_REQUESTED: 'Permintaan keterangan tambahan',
      FOLLOWED_UP: 'Tindak lanjut laporan Anda',
      RESOLVED: 'Jawaban atas laporan Anda',
      CLOSED_BY_REPORTER: 'Laporan Anda ditutup',
      CLOSED_AUTOMATICALLY: 'Laporan Anda ditutup otomatis',
      ARCHIVED_BY_VERIFIER: 'Laporan Anda diarsipkan',
      ARCHIVED_AUTOMATICALLY: 'Laporan Anda diarsipkan otomatis',
    },
    headline: {
      CLARIFICATION_REQUESTED: 'Petugas meminta keterangan tambahan atas laporan Anda.',
      FOLLOWED_UP: 'Instansi telah mencatat tindak lanjut atas laporan Anda.',
      RESOLVED: 'Instansi telah memberikan jawaban akhir atas laporan Anda.',
      CLOSED_BY_REPORTER: 'Laporan Anda ditutup setelah Anda menerima jawaban. Terima kasih atas penilaian Anda.',
      CLOSED_AUTOMATICALLY: 'Laporan Anda ditutup otomatis karena tidak ada tanggapan sampai batas waktu; jawaban dianggap diterima.',
      ARCHIVED_BY_VERIFIER: 'Laporan Anda diarsipkan oleh verifikator. Alasan: {reason}.',
      ARCHIVED_AUTOMATICALLY: 'Laporan Anda diarsipkan otomatis karena keterangan yang diminta tidak diterima sampai batas waktu.',
    },
    smsHeadline: {
      CLARIFICATION_REQUESTED: 'Petugas meminta keterangan tambahan.',
      FOLLOWED_UP: 'Instansi mencatat tindak lanjut laporan Anda.',
      RESOLVED: 'Instansi telah memberi jawaban akhir.',
      CLOSED_BY_REPORTER: 'Laporan ditutup. Terima kasih atas penilaian Anda.',
      CLOSED_AUTOMATICALLY: 'Laporan ditutup otomatis; jawaban dianggap diterima karena tidak ditanggapi.',
      ARCHIVED_BY_VERIFIER: 'Laporan diarsipkan: {reason}.',
      ARCHIVED_AUTOMATICALLY: 'Laporan diarsipkan otomatis; keterangan yang diminta tidak diterima tepat waktu.',
    },
    archiveReasons: {
      SPAM: 'laporan dinilai bukan pengaduan',
      DUPLICATE: 'laporan yang sama sudah pernah disampaikan',
      OUT_OF_SCOPE: 'laporan di luar lingkup pelayanan publik',
      INSUFFICIENT_INFORMATION: 'informasi laporan tidak cukup untuk ditindaklanjuti',
      OTHER: 'keputusan verifikator',
    },
    labels: { trackingId: 'Nomor pelacakan', title: 'Judul', question: 'Pertanyaan petugas', officerText: 'Isi dari instansi' },
    askedSms: (question) => `Pertanyaan: "${question}".`,
    questionOnPage: 'Pertanyaan dapat dibaca di halaman pelacakan.',
    respondBy: {
      CLARIFICATION_REQUESTED: (when) => `Jawab paling lambat ${when}`,
      RESOLVED: (when) => `Terima atau sanggah paling lambat ${when}`,
    },
    smsRespondBy: {
      CLARIFICATION_REQUESTED: (when) => `Jawab paling lambat ${when}`,
      RESOLVED: (when) => `Terima/sanggah paling lambat ${when}`,
    },
    consequence: {
      CLARIFICATION_REQUESTED: 'Tanpa jawaban sampai batas waktu itu, laporan diarsipkan.',
      RESOLVED: 'Tanpa tanggapan sampai batas waktu itu, jawaban dianggap diterima dan laporan ditutup.',
    },
    open: (url) => `Lihat: ${url}`,
    greeting: 'Yth. Pelapor,',
    accessCodeHint: 'Masuk dengan kode akses dari tanda terima laporan. Petugas tidak pernah meminta kode akses Anda.',
    noReply: 'Pesan ini dikirim otomatis; mohon tidak dibalas.',
  },
  en: {
    dateTime: { long: "cccc d LLLL yyyy, HH:mm", short: 'd LLL yyyy HH:mm' },
    subject: {
      CLARIFICATION_REQUESTED: 'More details requested',
      FOLLOWED_UP: 'Follow-up on your report',
      RESOLVED: 'Answer to your report',
      CLOSED_BY_REPORTER: 'Your report is closed',
      CLOSED_AUTOMATICALLY: 'Your report was closed automatically',
      ARCHIVED_BY_VERIFIER: 'Your report was archived',
      ARCHIVED_AUTOMATICALLY: 'Your report was archived automatically',
    },
    headline: {
      CLARIFICATION_REQUESTED: 'An officer asks for more details about your report.',
      FOLLOWED_UP: 'The agency recorded a follow-up on your report.',
      RESOLVED: 'The agency gave its final answer to your report.',
      CLOSED_BY_REPORTER: 'Your report is closed after you accepted the answer. Thank you for your rating.',
      CLOSED_AUTOMATICALLY: 'Your report was closed automatically: no response came in time, so the answer counts as accepted.',
      ARCHIVED_BY_VERIFIER: 'Your report was archived by the verifier. Reason: {reason}.',
      ARCHIVED_AUTOMATICALLY: 'Your report was archived automatically: the details requested did not arrive in time.',
    },
    smsHeadline: {
      CLARIFICATION_REQUESTED: 'An officer asks for more details.',
      FOLLOWED_UP: 'The agency recorded a follow-up on your report.',
      RESOLVED: 'The agency gave its final answer.',
      CLOSED_BY_REPORTER: 'Report closed. Thank you for your rating.',
      CLOSED_AUTOMATICALLY: 'Report closed automatically; with no response, the answer counts as accepted.',
      ARCHIVED_BY_VERIFIER: 'Report archived: {reason}.',
      ARCHIVED_AUTOMATICALLY: 'Report archived automatically; the details requested did not arrive in time.',
    },
    archiveReasons: {
      SPAM: 'the report was judged not to be a complaint',
      DUPLICATE: 'the same report was already made',
      OUT_OF_SCOPE: 'the report is outside public services',
      INSUFFICIENT_INFORMATION: 'the report does not say enough to act on',
      OTHER: "the verifier's decision",
    },
    labels: { trackingId: 'Tracking ID', title: 'Title', question: "The officer's question", officerText: 'From the agency' },
    askedSms: (question) => `Question: "${question}".`,
    questionOnPage: 'Read the question on the tracking page.',
    respondBy: {
      CLARIFICATION_REQUESTED: (when) => `Answer by ${when}`,
      RESOLVED: (when) => `Accept or dispute by ${when}`,
    },
    smsRespondBy: {
      CLARIFICATION_REQUESTED: (when) => `Answer by ${when}`,
      RESOLVED: (when) => `Accept/dispute by ${when}`,
    },
    consequence: {
      CLARIFICATION_REQUESTED: 'Without an answer by then, the report is archived.',
      RESOLVED: 'Without a response by then, the answer counts as accepted and the report is closed.',
    },
    open: (url) => `See: ${url}`,
    greeting: 'Dear reporter,',
    accessCodeHint: 'Sign in with the access code from your receipt. Officers never ask for your access code.',
    noReply: 'This message was sent automatically; please do not reply.',
  },
};

/** An instant as the reporter reads it: in the complaint's zone, with its label, never UTC. */
export function localDateTime(iso: string, timeZone: string, locale: ReporterLocale, form: 'long' | 'short'): string {
  const local = DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).setLocale(locale);
  return `${local.toFormat(CATALOGS[locale].dateTime[form])} ${zoneLabel(timeZone)}`;
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
  const c = CATALOGS[locale];
  const open = !f.confidential;
  const question = open && f.kind === 'CLARIFICATION_REQUESTED' && f.question ? f.question.trim() : null;
  const officerText = open && (f.kind === 'FOLLOWED_UP' || f.kind === 'RESOLVED') && f.officerText ? f.officerText.trim() : null;
  const reason = c.archiveReasons[f.archiveReason ?? 'OTHER'];
  const headline = c.headline[f.kind].replace('{reason}', reason);
  const emailDeadline = c.respondBy[f.kind] && f.respondBy ? `${c.respondBy[f.kind]!(localDateTime(f.respondBy, f.timeZone, locale, 'long'))}.` : null;
  const smsDeadline = c.smsRespondBy[f.kind] && f.respondBy ? `${c.smsRespondBy[f.kind]!(localDateTime(f.respondBy, f.timeZone, locale, 'short'))}.` : null;

  const smsParts = [
    `LAPOR! ${f.trackingId}: ${c.smsHeadline[f.kind].replace('{reason}', reason)}`,
    question ? c.askedSms(clip(question, SMS_QUESTION_LIMIT)) : null,
    smsDeadline,
    f.trackingUrl,
  ];
  const sms = smsParts.filter(Boolean).join(' ');

  const email = [
    c.greeting,
    '',
    headline,
    '',
    `${c.labels.trackingId}: ${f.trackingId}`,
    open ? `${c.labels.title}: ${f.title}` : null,
    ...(question ? ['', `${c.labels.question}:`, question] : f.kind === 'CLARIFICATION_REQUESTED' ? ['', c.questionOnPage] : []),
    ...(officerText ? ['', `${c.labels.officerText}:`, officerText] : []),
    ...(emailDeadline ? ['', emailDeadline, c.consequence[f.kind] ?? null] : []),
    '',
    c.open(f.trackingUrl),
    c.accessCodeHint,
    '',
    c.noReply,
  ].filter((line) => line !== null);

  return { subject: `[LAPOR!] ${f.trackingId}: ${c.subject[f.kind]}`, email: `${email.join('\n')}\n`, sms, smsSegments: smsSegments(sms) };
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
