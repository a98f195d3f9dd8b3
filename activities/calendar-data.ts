// National calendar years: shipped as one JSON file per year under config/calendars, or uploaded by
// SYSADMIN into PostgreSQL (calendar_years), which overrides the file of the same year.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { CalendarDay, CalendarYear, DayOffKind } from './business-calendar.js';
import { message, type Message, type MessageKey } from '../src/i18n/messages.js';

type CalendarProblemKey = Extract<MessageKey, `calendar.${string}`>;

export const DAY_OFF_KINDS: readonly DayOffKind[] = ['PUBLIC_HOLIDAY', 'JOINT_LEAVE'];

/** What is wrong with a calendar year, naming the field (e.g. `days[3].date`), or null when it is sound. */
export interface CalendarYearProblem {
  field: string;
  problem: Message;
}

export function loadCalendarYears(dir: string): CalendarYear[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}\.json$/.test(name))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const raw = JSON.parse(readFileSync(file, 'utf8')) as CalendarYear;
      const wrong = calendarYearProblem(raw);
      if (wrong) throw new Error(`${file}: ${wrong.field} ${String(wrong.problem)}`);
      return raw;
    });
}

/**
 * The first problem of a decree year: a whole year number, the decrees it comes from, and days that are
 * real dates inside the year, of a known kind, each named, none repeated.
 */
export function calendarYearProblem(raw: CalendarYear): CalendarYearProblem | null {
  const wrong = (field: string, key: CalendarProblemKey, params?: Record<string, string | number>) => ({ field, problem: message(key, params) });
  if (!Number.isInteger(raw.year)) return wrong('year', 'calendar.integer');
  if (!Array.isArray(raw.decrees) || raw.decrees.length === 0) return wrong('decrees', 'calendar.decrees');
  if (!Array.isArray(raw.days)) return wrong('days', 'calendar.list');
  if (raw.provisional !== undefined && typeof raw.provisional !== 'boolean') return wrong('provisional', 'calendar.boolean');
  if (raw.sources !== undefined && !(Array.isArray(raw.sources) && raw.sources.every((s) => typeof s === 'string'))) {
    return wrong('sources', 'calendar.texts');
  }
  const seen = new Set<string>();
  for (const [i, day] of raw.days.entries()) {
    const date = typeof day.date === 'string' ? day.date : '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date, { zone: 'UTC' }).isValid || !date.startsWith(`${raw.year}-`)) {
      return wrong(`days[${i}].date`, 'calendar.dateInYear', { year: raw.year });
    }
    if (!DAY_OFF_KINDS.includes(day.kind)) return wrong(`days[${i}].kind`, 'calendar.kind', { kinds: DAY_OFF_KINDS.join(', ') });
    if (typeof day.name !== 'string' || !day.name.trim()) return wrong(`days[${i}].name`, 'calendar.required');
    if (seen.has(date)) return wrong(`days[${i}].date`, 'calendar.repeats', { date });
    seen.add(date);
  }
  return null;
}

/** The shipped years with the uploaded ones laid over them, year by year. */
export function mergeCalendarYears(files: CalendarYear[], uploaded: CalendarYear[]): CalendarYear[] {
  const byYear = new Map(files.map((y) => [y.year, y]));
  for (const year of uploaded) byYear.set(year.year, year);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** Counts of a year's days off by kind, for listings. */
export function countDaysOff(days: CalendarDay[]): Record<DayOffKind, number> {
  return {
    PUBLIC_HOLIDAY: days.filter((d) => d.kind === 'PUBLIC_HOLIDAY').length,
    JOINT_LEAVE: days.filter((d) => d.kind === 'JOINT_LEAVE').length,
  };
}
