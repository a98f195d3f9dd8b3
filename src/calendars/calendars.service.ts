import { message } from '../i18n/messages.js';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { BusinessCalendar, CalendarYear } from '../../activities/business-calendar.js';
import { calendarYearProblem, countDaysOff, loadCalendarYears, mergeCalendarYears } from '../../activities/calendar-data.js';
import { CalendarSource } from '../../activities/calendar-source.js';
import type { Officer } from '../auth/officer.js';
import { InvalidFieldError, NotFoundError } from '../common/domain-errors.js';
import { AppConfig } from '../config/app-config.js';
import type { DueSoon } from '../complaints/complaints.repository.js';
import { SlaPolicy } from '../policy/sla-policy.js';
import { retimeRunningDeadlines } from '../temporal/retime-deadlines.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { AGENCY_TIME_ZONES } from './time-zones.js';
import { CalendarYearsRepository } from './calendar-years.repository.js';

/** A known calendar year as SYSADMIN sees it: where it comes from and what it holds. */
export interface CalendarYearSummary {
  year: number;
  source: 'UPLOAD' | 'FILE';
  decrees: string[];
  provisional: boolean;
  publicHolidays: number;
  jointLeave: number;
  uploadedAt: Date | null;
  uploadedBy: string | null;
}

/**
 * The national calendar as the API knows it — the shipped years (CALENDAR_DIR) with SYSADMIN's uploads
 * over them, exactly as the worker counts — its uploads, the re-timing that follows one, and the
 * "due soon" horizons of the work queue's at-risk view.
 */
@Injectable()
export class CalendarsService {
  private readonly files: CalendarYear[];
  private readonly source: CalendarSource;

  constructor(
    private readonly years: CalendarYearsRepository,
    private readonly temporal: TemporalClientService,
    private readonly policy: SlaPolicy,
    private readonly config: AppConfig,
  ) {
    this.files = loadCalendarYears(config.calendarDir);
    this.source = new CalendarSource(years, this.files);
  }

  current(): Promise<BusinessCalendar> {
    return this.source.current();
  }

  async list(): Promise<CalendarYearSummary[]> {
    const [uploaded, uploads] = await Promise.all([this.years.uploaded(), this.years.uploads()]);
    const uploadOf = new Map(uploads.map((u) => [u.year, u]));
    return mergeCalendarYears(this.files, uploaded).map((year) => {
      const upload = uploadOf.get(year.year);
      const counts = countDaysOff(year.days);
      return {
        year: year.year,
        source: upload ? 'UPLOAD' : 'FILE',
        decrees: year.decrees,
        provisional: year.provisional === true,
        publicHolidays: counts.PUBLIC_HOLIDAY,
        jointLeave: counts.JOINT_LEAVE,
        uploadedAt: upload?.uploadedAt ?? null,
        uploadedBy: upload?.uploadedBy ?? null,
      };
    });
  }

  /** Validates and stores a decree year; workers count with it from their next deadline computation. */
  async upload(pathYear: number, year: CalendarYear, by: Officer): Promise<CalendarYearSummary> {
    if (year.year !== pathYear) throw new InvalidFieldError('year', message('calendar.yearOfUrl', { year: year.year, pathYear }));
    const wrong = calendarYearProblem(year);
    if (wrong) throw new InvalidFieldError(wrong.field, wrong.problem);
    await this.years.save(year, by.id);
    return (await this.list()).find((y) => y.year === pathYear)!;
  }

  /**
   * Re-times the running deadlines of this API's complaints (its task queue) on the calendar as it now
   * stands. Every complaint is re-timed, not only those counting through `year`: a workflow alone knows
   * which days its clocks cross, and one whose days did not change keeps its deadlines.
   */
  async retime(year: number, reason: string, by: Officer): Promise<{ retimed: number; failed: string[] }> {
    if (!(await this.list()).some((y) => y.year === year)) throw new NotFoundError('notFound.calendarYear', String(year));
    return retimeRunningDeadlines(this.temporal.client, `${reason} (calendar ${year})`, by.id, `TaskQueue = "${this.config.temporalTaskQueue}"`);
  }

  /**
   * Per zone, the end of the next working day after today there (national holidays and joint leave
   * skipped; an agency's own days off are not): an officer deadline due by then is at risk.
   */
  async dueSoon(now: Date): Promise<DueSoon> {
    const calendar = await this.current();
    const until = (timeZone: string): Date => {
      let day = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day').plus({ days: 1 });
      while (calendar.dayOffReason(day, new Map())) day = day.plus({ days: 1 });
      return day.endOf('day').toJSDate();
    };
    return {
      now,
      untilByZone: Object.fromEntries(AGENCY_TIME_ZONES.map((zone) => [zone, until(zone)])),
      nationalUntil: until(this.policy.inForceAt(now).nationalTimeZone),
    };
  }
}
