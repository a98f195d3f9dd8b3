// Small helpers that turn history values into words: shared by the event and activity tables.
import { Duration } from 'luxon';
import { STAGE_LABEL, type EscalationSubject } from '../../../workflows/messages.js';

export type Fields = Record<string, unknown>;
type Timestamp = { seconds?: unknown; nanos?: number | null } | null | undefined;
type Failure = { message?: string | null; applicationFailureInfo?: { type?: string | null } | null } | null | undefined;

export function asFields(value: unknown): Fields | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined;
}

export function text(value: unknown): string {
  if (value === null || value === undefined) return 'unknown';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function ruleText(rule: unknown): string {
  const r = asFields(rule);
  if (typeof r?.workingDays === 'number') return `${r.workingDays} working day(s)`;
  if (typeof r?.duration === 'string') return r.duration;
  return text(rule);
}

/** "agencyId: kemendagri, complexity: SIMPLE"; long texts are shortened (the detail keeps them whole). */
export function listFields(fields: Fields): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => {
      const shown = text(value);
      return `${name}: ${shown.length > 120 ? `${shown.slice(0, 117)}…` : shown}`;
    })
    .join(', ');
}

export function failureText(failure: Failure): string {
  if (!failure) return 'no failure details';
  const type = failure.applicationFailureInfo?.type;
  return `${failure.message || 'no message'}${type ? ` (${type})` : ''}`;
}

/** Protobuf Timestamp or Duration (seconds may be a Long) to milliseconds. */
export function timestampMs(ts: Timestamp): number {
  if (!ts) return 0;
  return Number(ts.seconds ?? 0) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
}

export function isoDuration(ms: number): string {
  return (ms > 0 ? Duration.fromMillis(ms).rescale().toISO() : null) ?? `PT${ms / 1000}S`;
}

export function humanDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
  ];
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    if (count) parts.push(`${count} ${unit}`);
    rest -= count * size;
  }
  if (rest) parts.push(`${rest / 1000} s`);
  return parts.join(' ');
}

/** "the verification deadline (national)" / "the resolution deadline of kemendagri". */
export function deadlineOf(stage: unknown, agencyId: unknown): string {
  const label = SUBJECT_LABEL[stage as EscalationSubject] ?? text(stage);
  return `the ${label} deadline ${agencyId ? `of ${text(agencyId)}` : '(national)'}`;
}

const SUBJECT_LABEL: Record<EscalationSubject, string> = { ...STAGE_LABEL, redirection: 'redirection limit' };
