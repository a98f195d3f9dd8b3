// Loads the national calendar years shipped under config/calendars (one JSON file per year).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CalendarYear, DayOffKind } from './business-calendar.js';

const KINDS: DayOffKind[] = ['PUBLIC_HOLIDAY', 'JOINT_LEAVE'];

export function loadCalendarYears(dir: string): CalendarYear[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}\.json$/.test(name))
    .sort()
    .map((name) => parseCalendarYear(JSON.parse(readFileSync(join(dir, name), 'utf8')), join(dir, name)));
}

function parseCalendarYear(raw: CalendarYear, file: string): CalendarYear {
  const fail = (field: string, why: string): never => {
    throw new Error(`${file}: ${field} ${why}`);
  };
  if (!Number.isInteger(raw.year)) fail('year', 'must be an integer');
  if (!Array.isArray(raw.decrees) || raw.decrees.length === 0) fail('decrees', 'must name the decree(s) the year comes from');
  if (!Array.isArray(raw.days)) fail('days', 'must be a list');
  if (raw.provisional !== undefined && typeof raw.provisional !== 'boolean') fail('provisional', 'must be true or false');
  if (raw.sources !== undefined && !(Array.isArray(raw.sources) && raw.sources.every((s) => typeof s === 'string'))) fail('sources', 'must be a list of texts');
  const seen = new Set<string>();
  raw.days.forEach((day, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day.date) || !day.date.startsWith(`${raw.year}-`)) {
      fail(`days[${i}].date`, `must be a yyyy-MM-dd date in ${raw.year}`);
    }
    if (!KINDS.includes(day.kind)) fail(`days[${i}].kind`, `must be one of ${KINDS.join(', ')}`);
    if (!day.name) fail(`days[${i}].name`, 'is required');
    if (seen.has(day.date)) fail(`days[${i}].date`, `repeats ${day.date}`);
    seen.add(day.date);
  });
  return raw;
}
