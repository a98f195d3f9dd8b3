// Small shared pieces: error sentences, loading, the date in its zone and the business-time countdown.
import { cloneElement, useId, type ReactElement } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import { countdown, formatDateTime } from '../time';

/** An API refusal as a plain sentence: what it means for the officer, then the API's own words. */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : 0;
  const lead = t.errors[String(status) as keyof typeof t.errors] ?? t.errors.other;
  const detail = error instanceof ApiError ? error.messages.join(' ') : error instanceof Error ? error.message : '';
  return (
    <p className="error" role="alert">
      {lead}
      {detail && status !== 401 ? ` ${detail}` : ''}
    </p>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p aria-live="polite">{t.common.loading}</p>;
}

export function When({ at, zone, precise }: { at: string | null | undefined; zone: string; precise?: boolean }) {
  const { lang } = useI18n();
  if (!at) return <>—</>;
  return <time dateTime={at}>{formatDateTime(at, zone, lang, precise)}</time>;
}

/** "2 hari kerja lagi", "jatuh tempo hari ini", "terlambat 1 hari kerja"; in calendar days for reporters' clocks. */
export function Countdown({ dueAt, zone, daysOff, now = new Date(), calendarDays = false }: { dueAt: string; zone: string; daysOff?: ReadonlySet<string>; now?: Date; calendarDays?: boolean }) {
  const { t } = useI18n();
  const left = countdown(dueAt, now, zone, daysOff, calendarDays);
  const text =
    left.kind === 'today'
      ? t.time.dueToday
      : left.kind === 'left'
        ? (calendarDays ? t.time.daysLeft : t.time.workingDaysLeft)(left.days)
        : (calendarDays ? t.time.lateByDays : t.time.lateBy)(left.days);
  return <span className={`countdown ${left.kind}`}>{text}</span>;
}

/**
 * A labelled control. The label points at the control (htmlFor + id) instead of wrapping it: a wrapping
 * label's name would include the control's own text (every option of a select), so "Instansi" would
 * be read, and found by tests, as "Instansi Kementerian … Pemerintah …". The hint describes the control.
 */
export function Field({ label, children, hint }: { label: string; children: ReactElement<{ id?: string; 'aria-describedby'?: string }>; hint?: string }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': hint ? hintId : undefined })}
      {hint && <small id={hintId}>{hint}</small>}
    </div>
  );
}
