// Dates and business-time countdowns as officers and citizens read them: always in the zone of the
// complaint's agency (WIB, WITA, WIT), never UTC. Pure functions, no imports (unit-tested by jest).

const ZONE_LABELS: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** The national time zone: deadlines of complaints not yet disposed to an agency run in it. */
export const NATIONAL_TIME_ZONE = 'Asia/Jakarta';

export function zoneLabel(timeZone: string): string {
  return ZONE_LABELS[timeZone] ?? timeZone;
}

const locales = { id: 'id-ID', en: 'en-GB' } as const;
export type Lang = keyof typeof locales;

/** "3 Des 2026, 23.59 WIB" — the instant in the zone, with the zone's label (with seconds when `precise`). */
export function formatDateTime(iso: string, timeZone: string, lang: Lang, precise = false): string {
  const text = new Intl.DateTimeFormat(locales[lang], { dateStyle: 'medium', timeStyle: precise ? 'medium' : 'short', timeZone }).format(new Date(iso));
  return `${text} ${zoneLabel(timeZone)}`;
}

export function formatDate(isoDate: string, lang: Lang): string {
  // A calendar date (YYYY-MM-DD) has no zone: read it at noon UTC so no zone moves it to another day.
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(iso: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(iso));
}

function nextDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Calendar days d with from < d ≤ to. */
export function calendarDaysAfter(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000));
}

function isWorkingDay(date: string, daysOff: ReadonlySet<string>): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !daysOff.has(date);
}

/** Working days d with from < d ≤ to (calendar dates); weekends and the given days off do not count. */
export function workingDaysAfter(from: string, to: string, daysOff: ReadonlySet<string> = new Set()): number {
  let count = 0;
  for (let d = nextDate(from); d <= to; d = nextDate(d)) if (isWorkingDay(d, daysOff)) count += 1;
  return count;
}

export type Countdown = { kind: 'left'; days: number } | { kind: 'today' } | { kind: 'late'; days: number };

/**
 * How far a deadline is, in working days of its zone: "2 working days left" when it ends two working
 * days after today, "today" when it ends today, "late by 1 working day" once a working day has passed
 * since (late by 0 = late today). `daysOff` are the holidays and leave days the explanation skipped.
 * Reporters' clocks run in calendar days (`calendarDays`): every day counts.
 */
export function countdown(dueAt: string, now: Date, timeZone: string, daysOff: ReadonlySet<string> = new Set(), calendarDays = false): Countdown {
  const today = localDate(now, timeZone);
  const dueDay = localDate(dueAt, timeZone);
  const count = (from: string, to: string) => (calendarDays ? calendarDaysAfter(from, to) : workingDaysAfter(from, to, daysOff));
  if (new Date(dueAt).getTime() < now.getTime()) return { kind: 'late', days: count(dueDay, today) };
  if (dueDay === today) return { kind: 'today' };
  return { kind: 'left', days: count(today, dueDay) };
}

const ZONE_OF_OFFSET: Record<string, string> = { '+07:00': 'Asia/Jakarta', '+08:00': 'Asia/Makassar', '+09:00': 'Asia/Jayapura' };

/** The Indonesian zone an instant was written in (deadlines carry their zone's offset); national otherwise. */
export function zoneOfOffset(iso: string): string {
  const offset = /([+-]\d\d:\d\d)$/.exec(iso)?.[1];
  return (offset && ZONE_OF_OFFSET[offset]) ?? NATIONAL_TIME_ZONE;
}
