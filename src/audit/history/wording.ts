// Small helpers that turn history values into words (catalog keys history.*): shared by the event and
// activity tables. Steps are worded as Messages; the decoder renders them in the auditor's language.
import { Duration } from 'luxon';
import { STAGES, type EscalationSubject } from '../../../workflows/messages.js';
import { message, type Message, type MessageParam } from '../../i18n/messages.js';

export type Fields = Record<string, unknown>;
/** A text of a step: worded from the catalogs, or a value shown as it is. */
export type Words = Message | string;
type Timestamp = { seconds?: unknown; nanos?: number | null } | null | undefined;
type Failure = { message?: string | null; applicationFailureInfo?: { type?: string | null } | null } | null | undefined;

export function asFields(value: unknown): Fields | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined;
}

/** A value as it is (JSON for structures); "unknown" when missing. */
export function text(value: unknown): Words {
  if (value === null || value === undefined) return message('history.unknown');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `then` after `first`, when there is something to add (a clause, a parenthesis). */
export const optional = (key: 'history.clause' | 'history.parenthesis', value: Words | null | undefined): Words =>
  value === null || value === undefined || value === '' ? '' : message(key, { text: value });

/** Words joined in order: "a, b, c" (or with `separator`). */
export function joined(parts: Words[], separator = ', '): Words {
  if (parts.length === 0) return '';
  return parts.slice(1).reduce<Words>((all, next) => message('history.joined', { all, separator, next }), parts[0]);
}

export function ruleText(rule: unknown): Words {
  const r = asFields(rule);
  if (typeof r?.workingDays === 'number') return message('history.workingDays', { days: r.workingDays });
  if (typeof r?.duration === 'string') return r.duration;
  return text(rule);
}

/** "agencyId: kemendagri, complexity: SIMPLE"; long texts are shortened (the detail keeps them whole). */
export function listFields(fields: Fields): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => {
      const shown = typeof value === 'string' ? value : JSON.stringify(value);
      return `${name}: ${shown.length > 120 ? `${shown.slice(0, 117)}…` : shown}`;
    })
    .join(', ');
}

/** A failure as data (the step's detail): its message and type, as Temporal recorded them. */
export function failureText(failure: Failure): string {
  if (!failure) return 'no failure details';
  const type = failure.applicationFailureInfo?.type;
  return `${failure.message || 'no message'}${type ? ` (${type})` : ''}`;
}

/** A failure in a sentence. */
export function failureWords(failure: Failure): Words {
  if (!failure) return message('history.noFailureDetails');
  const type = failure.applicationFailureInfo?.type;
  return message('history.failure', { message: failure.message || message('history.noMessage'), type: optional('history.parenthesis', type) });
}

/** Protobuf Timestamp or Duration (seconds may be a Long) to milliseconds. */
export function timestampMs(ts: Timestamp): number {
  if (!ts) return 0;
  return Number(ts.seconds ?? 0) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
}

export function isoDuration(ms: number): string {
  return (ms > 0 ? Duration.fromMillis(ms).rescale().toISO() : null) ?? `PT${ms / 1000}S`;
}

export function humanDuration(ms: number): Words {
  if (ms < 1000) return message('history.duration.ms', { n: ms });
  const units = [
    ['history.duration.d', 86_400_000],
    ['history.duration.h', 3_600_000],
    ['history.duration.min', 60_000],
  ] as const;
  const parts: Words[] = [];
  let rest = ms;
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    if (count) parts.push(message(unit, { n: count }));
    rest -= count * size;
  }
  if (rest) parts.push(message('history.duration.s', { n: rest / 1000 }));
  return joined(parts, ' ');
}

const SUBJECTS: readonly string[] = [...STAGES, 'redirection'];

/** "verification", "first follow-up", "redirection limit": a stage in the reader's words. */
export function subjectWords(stage: unknown): MessageParam {
  return SUBJECTS.includes(stage as string) ? message(`history.stage.${stage as EscalationSubject}`) : text(stage);
}

/** "the verification deadline (national)" / "the resolution deadline of kemendagri". */
export function deadlineOf(stage: unknown, agencyId: unknown): Message {
  const subject = subjectWords(stage);
  return agencyId ? message('history.deadlineOf', { stage: subject, agency: text(agencyId) }) : message('history.deadlineNational', { stage: subject });
}

/** "the resolution deadline", whoever owns it. */
export const deadlineOfStage = (stage: unknown): Message => message('history.deadline', { stage: subjectWords(stage) });
