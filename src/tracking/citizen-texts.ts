// What the reporter reads about each event, in Indonesian and in words: never an internal code.
import { Duration } from 'luxon';
import type { ArchiveReason, DeadlineRule, EventType, SlaPolicyVersion } from '../../workflows/messages.js';

type Detail = Record<string, unknown>;

/** How long a rule gives, as a citizen says it: "10 hari", "3 hari kerja". */
export function ruleInWords(rule: DeadlineRule): string {
  if ('workingDays' in rule) return `${rule.workingDays} hari kerja`;
  return Duration.fromISO(rule.duration).reconfigure({ locale: 'id' }).toHuman();
}

const ARCHIVED_BECAUSE: Record<ArchiveReason, string> = {
  SPAM: 'laporan dinilai bukan pengaduan (spam)',
  DUPLICATE: 'laporan yang sama sudah pernah disampaikan',
  OUT_OF_SCOPE: 'laporan di luar lingkup pengaduan pelayanan publik',
  INSUFFICIENT_INFORMATION: 'informasi dalam laporan tidak cukup untuk ditindaklanjuti',
  OTHER: 'diputuskan oleh verifikator',
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function archived(d: Detail, policy: SlaPolicyVersion): string {
  if (d.reason === 'NO_CLARIFICATION') {
    return `Diarsipkan otomatis karena Anda tidak memberikan keterangan yang diminta dalam ${ruleInWords(policy.deadlines.clarification)}.`;
  }
  const because = ARCHIVED_BECAUSE[d.reason as ArchiveReason] ?? 'diputuskan oleh verifikator';
  return `Diarsipkan: ${because}.${text(d.note) ? ` Catatan: ${text(d.note)}` : ''}`;
}

function closed(d: Detail, policy: SlaPolicyVersion): string {
  if (d.acceptedBy === 'FEEDBACK_TIMEOUT') {
    return `Ditutup otomatis karena Anda tidak menanggapi jawaban dalam ${ruleInWords(policy.deadlines.feedback)}; jawaban dianggap diterima.`;
  }
  return 'Laporan selesai: Anda menerima jawaban. Terima kasih atas penilaian Anda.';
}

/**
 * The events the reporter sees, each as a sentence from its detail; null for the officers' own
 * bookkeeping (deadlines, escalations). Every event type must be decided here.
 */
export const CITIZEN_TEXT: Record<EventType, ((detail: Detail, policy: SlaPolicyVersion) => string) | null> = {
  SUBMITTED: null,
  VERIFIED: null,
  CLARIFICATION_REQUESTED: (d) => text(d.question),
  CLARIFICATION_PROVIDED: (d) => text(d.answer),
  ARCHIVED: archived,
  ASSIGNED: null,
  REDIRECTED: (d) => `Diteruskan ke instansi yang berwenang (${text(d.toAgencyId)}): ${text(d.reason)}`,
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

export const CITIZEN_EVENTS = (Object.keys(CITIZEN_TEXT) as EventType[]).filter((type) => CITIZEN_TEXT[type] !== null);
