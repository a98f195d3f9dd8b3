// Pure business-time arithmetic: Indonesian working days (Monday–Friday minus national holidays,
// joint leave and agency days off) in an explicit IANA zone. No I/O, no host time zone.
import { DateTime, Duration } from 'luxon';
import type { DeadlineExplanation, DeadlineRule, SkippedDay } from '../workflows/messages.js';

export type DayOffKind = 'PUBLIC_HOLIDAY' | 'JOINT_LEAVE';

export interface CalendarDay {
  date: string;
  kind: DayOffKind;
  name: string;
}

/** One year of national days off, as published by the joint ministerial decree (SKB) and its amendments. */
export interface CalendarYear {
  year: number;
  decrees: string[];
  days: CalendarDay[];
}

export interface AgencyDayOff {
  date: string;
  reason: string;
}

export interface DeadlineRequest {
  startAt: string;
  rule: DeadlineRule;
  timeZone: string;
  agencyDaysOff?: AgencyDayOff[];
  /** Approved extensions, each counted from the deadline before it. */
  extensions?: DeadlineRule[];
  /** Why the clock stands where it does (pauses credited, re-timings), carried into the explanation. */
  notes?: string[];
}

export interface PauseCreditRequest {
  startAt: string;
  rule: DeadlineRule;
  extensions?: DeadlineRule[];
  timeZone: string;
  agencyDaysOff?: AgencyDayOff[];
  pausedAt: string;
}

export class CalendarDataMissingError extends Error {
  constructor(readonly year: number) {
    super(`no business-calendar data for ${year}: add config/calendars/${year}.json before deadlines can reach that year`);
    this.name = 'CalendarDataMissingError';
  }
}

const KIND_LABEL: Record<DayOffKind, string> = {
  PUBLIC_HOLIDAY: 'national public holiday',
  JOINT_LEAVE: 'joint leave (cuti bersama)',
};

export class BusinessCalendar {
  private readonly years = new Map<number, CalendarYear>();
  private readonly daysOff = new Map<string, string>();

  constructor(years: CalendarYear[]) {
    for (const year of years) {
      this.years.set(year.year, year);
      for (const day of year.days) {
        this.daysOff.set(day.date, `${KIND_LABEL[day.kind]}: ${day.name} (${year.decrees.join('; ')})`);
      }
    }
  }

  /** Why `date` (a calendar date in the agency's zone) is not a working day, or null if it is. */
  dayOffReason(date: DateTime, agencyDaysOff: ReadonlyMap<string, string>): string | null {
    if (!this.years.has(date.year)) throw new CalendarDataMissingError(date.year);
    if (date.weekday === 6) return 'Saturday';
    if (date.weekday === 7) return 'Sunday';
    const iso = date.toISODate()!;
    const agencyReason = agencyDaysOff.get(iso);
    if (agencyReason) return `agency day off: ${agencyReason}`;
    return this.daysOff.get(iso) ?? null;
  }

  /**
   * "Within N working days" ends at 23:59:59.999 of the N-th working day after the start day, in the
   * given zone. An ISO-8601 duration is an exact duration from the start instant.
   */
  deadline(request: DeadlineRequest): DeadlineExplanation {
    const { timeZone } = request;
    const start = parseInstant(request.startAt, timeZone);
    const agencyDaysOff = daysOffMap(request.agencyDaysOff);
    const first = this.step(start, request.rule, agencyDaysOff);
    const skipped = [...first.skipped];
    const rules = [describeRule(request.rule)];
    let due = first.due;
    for (const extension of request.extensions ?? []) {
      const next = this.step(due, extension, agencyDaysOff);
      skipped.push(...next.skipped);
      rules.push(`extended by ${describeRule(extension)} (${extension.source})`);
      due = next.due;
    }
    return {
      startAt: start.toISO()!,
      timeZone: start.zoneName!,
      rule: rules.join(', then '),
      source: request.rule.source,
      skipped,
      dueAt: due.toISO()!,
      notes: request.notes ?? [],
    };
  }

  /**
   * What is left of a clock paused at `pausedAt`, to be counted again from the resume. Working-day
   * clocks give back whole working days (the pause day too, unless it is the start day, which never
   * counts); exact durations give back exactly the time left.
   */
  remainingAfterPause(request: PauseCreditRequest): DeadlineRule {
    const { timeZone } = request;
    const pausedAt = parseInstant(request.pausedAt, timeZone);
    const due = DateTime.fromISO(this.deadline(request).dueAt, { zone: timeZone });
    const source = `${request.rule.source}; remainder after a pause`;
    if ('duration' in request.rule) {
      const left = Math.max(0, due.toMillis() - pausedAt.toMillis());
      return { duration: Duration.fromMillis(left).toISO(), source };
    }
    const agencyDaysOff = daysOffMap(request.agencyDaysOff);
    const startDay = parseInstant(request.startAt, timeZone).startOf('day');
    const pauseDay = pausedAt.startOf('day');
    let left = pauseDay > startDay && pauseDay <= due && !this.dayOffReason(pauseDay, agencyDaysOff) ? 1 : 0;
    for (let day = pauseDay.plus({ days: 1 }); day <= due; day = day.plus({ days: 1 })) {
      if (!this.dayOffReason(day, agencyDaysOff)) left += 1;
    }
    return { workingDays: Math.max(1, left), source };
  }

  /** The instant `before` ahead of `dueAt`: N working days back (end of that day), or an exact duration. */
  ahead(dueAt: string, before: DeadlineRule, timeZone: string, agencyDaysOff?: AgencyDayOff[]): string {
    const due = parseInstant(dueAt, timeZone);
    if ('duration' in before) return due.minus(Duration.fromISO(before.duration)).toISO()!;
    const daysOff = daysOffMap(agencyDaysOff);
    let day = due.startOf('day');
    for (let counted = 0; counted < before.workingDays; ) {
      day = day.minus({ days: 1 });
      if (!this.dayOffReason(day, daysOff)) counted += 1;
    }
    return day.endOf('day').toISO()!;
  }

  /** One rule applied from `from`: the resulting instant and the days it skipped. */
  private step(from: DateTime, rule: DeadlineRule, agencyDaysOff: ReadonlyMap<string, string>) {
    if ('duration' in rule) {
      const duration = Duration.fromISO(rule.duration);
      if (!duration.isValid) throw new RangeError(`not an ISO-8601 duration: ${rule.duration}`);
      return { due: from.plus(duration), skipped: [] as SkippedDay[] };
    }
    const skipped: SkippedDay[] = [];
    let day = from.startOf('day');
    for (let counted = 0; counted < rule.workingDays; ) {
      day = day.plus({ days: 1 });
      const reason = this.dayOffReason(day, agencyDaysOff);
      if (reason) skipped.push({ date: day.toISODate()!, reason });
      else counted += 1;
    }
    return { due: day.endOf('day'), skipped };
  }
}

export function describeRule(rule: DeadlineRule): string {
  if ('duration' in rule) return `${rule.duration} (exact duration)`;
  return `${rule.workingDays} ${rule.workingDays === 1 ? 'working day' : 'working days'}`;
}

function parseInstant(iso: string, timeZone: string): DateTime {
  const instant = DateTime.fromISO(iso, { zone: timeZone });
  if (!instant.isValid) throw new RangeError(`cannot read ${iso} in zone ${timeZone}: ${instant.invalidExplanation ?? instant.invalidReason}`);
  return instant;
}

function daysOffMap(days: AgencyDayOff[] | undefined): ReadonlyMap<string, string> {
  return new Map((days ?? []).map((d) => [d.date, d.reason]));
}
