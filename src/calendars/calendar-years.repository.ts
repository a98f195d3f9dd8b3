import { Injectable } from '@nestjs/common';
import { uploadedCalendarYearsIn, type UploadedCalendarYears } from '../../activities/calendar-source.js';
import type { CalendarYear } from '../../activities/business-calendar.js';
import { PrismaService } from '../database/prisma.service.js';

/** Decree years uploaded by SYSADMIN (calendar_years), read exactly as the worker reads them. */
@Injectable()
export class CalendarYearsRepository implements UploadedCalendarYears {
  private readonly store: UploadedCalendarYears;

  constructor(private readonly prisma: PrismaService) {
    this.store = uploadedCalendarYearsIn(prisma);
  }

  stamp(): Promise<string> {
    return this.store.stamp();
  }

  uploaded(): Promise<CalendarYear[]> {
    return this.store.uploaded();
  }

  /** Who uploaded each year, and when. */
  uploads() {
    return this.prisma.calendarYear.findMany({ select: { year: true, uploadedAt: true, uploadedBy: true }, orderBy: { year: 'asc' } });
  }

  /** Stores the year, replacing an earlier upload of it; the new upload time tells the workers to reload. */
  async save(year: CalendarYear, uploadedBy: string): Promise<{ uploadedAt: Date }> {
    const data = {
      decrees: year.decrees,
      sources: year.sources ?? [],
      provisional: year.provisional ?? false,
      days: year.days.map(({ date, kind, name }) => ({ date, kind, name })),
      uploadedAt: new Date(),
      uploadedBy,
    };
    return this.prisma.calendarYear.upsert({ where: { year: year.year }, create: { year: year.year, ...data }, update: data, select: { uploadedAt: true } });
  }
}
