// The business calendar the deadline activities count with: the shipped years (config/calendars) with
// the years SYSADMIN uploaded to PostgreSQL laid over them. Activities ask for it on every call; it is
// rebuilt only when the uploaded years changed (one small aggregate query says so), so an upload is
// seen by every worker on its next deadline computation — the re-timing that follows uses it. Activity
// results are recorded in the history, so replays never see a later calendar.
import { BusinessCalendar, type CalendarDay, type CalendarYear } from './business-calendar.js';
import { mergeCalendarYears } from './calendar-data.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';

/** Where uploaded years are kept: a stamp that changes with every upload, and the years themselves. */
export interface UploadedCalendarYears {
  stamp(): Promise<string>;
  uploaded(): Promise<CalendarYear[]>;
}

export interface CalendarProvider {
  current(): Promise<BusinessCalendar>;
}

export class CalendarSource implements CalendarProvider {
  private cached?: { stamp: string; calendar: BusinessCalendar };

  constructor(
    private readonly store: UploadedCalendarYears,
    private readonly files: CalendarYear[],
  ) {}

  async current(): Promise<BusinessCalendar> {
    const stamp = await this.store.stamp();
    if (this.cached?.stamp !== stamp) {
      this.cached = { stamp, calendar: new BusinessCalendar(mergeCalendarYears(this.files, await this.store.uploaded())) };
    }
    return this.cached.calendar;
  }
}

/** A calendar that never changes (unit tests, tools that read the files only). */
export const fixedCalendar = (calendar: BusinessCalendar): CalendarProvider => ({ current: () => Promise.resolve(calendar) });

/** Uploaded years in the calendar_years table. */
export function uploadedCalendarYearsIn(prisma: PrismaClient): UploadedCalendarYears {
  return {
    async stamp() {
      const { _count, _max } = await prisma.calendarYear.aggregate({ _count: { year: true }, _max: { uploadedAt: true } });
      return `${_count.year}:${_max.uploadedAt?.toISOString() ?? '-'}`;
    },
    async uploaded() {
      const rows = await prisma.calendarYear.findMany({ orderBy: { year: 'asc' } });
      return rows.map((row) => ({
        year: row.year,
        decrees: row.decrees,
        ...(row.sources.length ? { sources: row.sources } : {}),
        ...(row.provisional ? { provisional: true } : {}),
        days: row.days as unknown as CalendarDay[],
      }));
    },
  };
}
