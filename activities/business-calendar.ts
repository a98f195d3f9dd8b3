// Pure business-time arithmetic: Indonesian working days (Monday–Friday minus national holidays,
// joint leave and agency days off) in an explicit IANA zone. No I/O, no host time zone.
import { DateTime, Duration } from 'luxon';
import type {
  DayOffCause,
  DeadlineExplanation,
  DeadlineExtension,
  DeadlinePlanRequest,
  DeadlineRemark,
  DeadlineRule,
  Pause,
  PauseCredit,
  PlannedDeadline,
  SkippedDay,
} from '../workflows/messages.js';

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
  /** Where the list was taken from (the decree's publication). */
  sources?: string[];
  /**
   * Not yet final: the decree for the year is not out, so only days fixed by law are known. Deadlines that
   * count across it say so, and are re-timed when the decree is loaded (npm run deadlines:retime).
   */
  provisional?: boolean;
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
  extensions?: DeadlineExtension[];
  /**
   * Pauses that ended. Each gives back what it took: the rest of the clock when it paused is counted
   * again from its end (pauses after the deadline move only what comes after it, e.g. escalation rungs).
   */
  pauses?: Pause[];
  /** Why the clock stands where it does (re-timings), carried into the explanation. */
  notes?: string[];
  /** The same as data: the last `remarks.length` notes. */
  remarks?: DeadlineRemark[];
}

export interface PauseCreditRequest {
  startAt: string;
  rule: DeadlineRule;
  extensions?: DeadlineRule[];
  pauses?: Pause[];
  timeZone: string;
  agencyDaysOff?: AgencyDayOff[];
  pausedAt: string;
}

/** One stretch of counting: from an instant, by a rule, to the instant it ends. */
interface Stretch {
  due: DateTime;
  skipped: SkippedDay[];
  provisional: Set<number>;
}

/** What a pause after the deadline left of it. */
const AFTER_THE_DEADLINE = 'nothing: the deadline had passed';

const KIND_LABEL: Record<DayOffKind, string> = {
  PUBLIC_HOLIDAY: 'national public holiday',
  JOINT_LEAVE: 'joint leave (cuti bersama)',
};

/** A day's causes in English, for operators: "Saturday; national public holiday: … (decree)". */
export function dayOffReasonText(causes: DayOffCause[]): string {
  return causes
    .map((cause) => {
      switch (cause.kind) {
        case 'SATURDAY':
          return 'Saturday';
        case 'SUNDAY':
          return 'Sunday';
        case 'AGENCY_DAY_OFF':
          return `agency day off: ${cause.reason}`;
        default:
          return `${KIND_LABEL[cause.kind]}: ${cause.name} (${cause.provisional ? 'PROVISIONAL: ' : ''}${cause.decrees.join('; ')})`;
      }
    })
    .join('; ');
}

export class BusinessCalendar {
  private readonly years = new Map<number, CalendarYear>();
  private readonly daysOff = new Map<string, DayOffCause>();

  constructor(years: CalendarYear[]) {
    for (const year of years) {
      this.years.set(year.year, year);
      for (const day of year.days) {
        this.daysOff.set(day.date, { kind: day.kind, name: day.name, decrees: year.decrees, provisional: year.provisional === true });
      }
    }
  }

  /**
   * Whether counting through `year` is provisional: its decree is not final, or there is no data for it
   * at all (then only weekends are skipped). Such a deadline says so, and is re-timed when the data lands.
   */
  isProvisional(year: number): boolean {
    const data = this.years.get(year);
    return data ? data.provisional === true : true;
  }

  /**
   * Why `date` (a calendar date in the agency's zone) is not a working day, or null if it is. Every reason
   * is told: a national holiday on a Saturday is both.
   */
  dayOffReason(date: DateTime, agencyDaysOff: ReadonlyMap<string, string>): string | null {
    const causes = this.dayOffCauses(date, agencyDaysOff);
    return causes.length ? dayOffReasonText(causes) : null;
  }

  /** The same as data; empty for a working day. */
  dayOffCauses(date: DateTime, agencyDaysOff: ReadonlyMap<string, string>): DayOffCause[] {
    const iso = date.toISODate()!;
    const agencyReason = agencyDaysOff.get(iso);
    const causes: (DayOffCause | null)[] = [
      date.weekday === 6 ? { kind: 'SATURDAY' } : null,
      date.weekday === 7 ? { kind: 'SUNDAY' } : null,
      agencyReason ? { kind: 'AGENCY_DAY_OFF', reason: agencyReason } : null,
      this.daysOff.get(iso) ?? null,
    ];
    return causes.filter((c): c is DayOffCause => c !== null);
  }

  /**
   * "Within N working days" ends at 23:59:59.999 of the N-th working day after the start day, in the
   * given zone. An ISO-8601 duration is an exact duration from the start instant. Extensions count on
   * from the deadline before them; pauses give back the time they took.
   */
  deadline(request: DeadlineRequest): DeadlineExplanation {
    const { timeZone } = request;
    const start = parseInstant(request.startAt, timeZone);
    const agencyDaysOff = daysOffMap(request.agencyDaysOff);
    const pauses = endedPauses(request.pauses, timeZone);
    const chain = [request.rule, ...(request.extensions ?? [])];
    const skipped: SkippedDay[] = [];
    const credits: PauseCredit[] = [];
    const provisional = new Set<number>();
    let at = start;
    let nextPause = 0;
    for (let i = 0; i < chain.length; i++) {
      let rule = chain[i];
      for (;;) {
        const stretch = this.stretch(at, rule, agencyDaysOff);
        stretch.provisional.forEach((year) => provisional.add(year));
        const pause = pauses[nextPause];
        if (pause && pause.from >= at && pause.from < stretch.due) {
          // The clock stopped inside this stretch: what was left of it (and the rest of the chain) runs from the pause's end.
          const left = this.leftOf(at, rule, pause.from, stretch.due, agencyDaysOff);
          const pauseDay = pause.from.toISODate()!;
          skipped.push(...stretch.skipped.filter((d) => d.date <= pauseDay));
          const remaining = [left, ...chain.slice(i + 1)].map(plainRule);
          credits.push({ from: pause.from.toISO()!, to: pause.to.toISO()!, remained: remaining.map(describeRule).join(', then '), left: remaining });
          rule = left;
          at = pause.to;
          nextPause += 1;
          continue;
        }
        skipped.push(...stretch.skipped);
        at = stretch.due;
        break;
      }
    }
    // Pauses after the deadline moved only its escalation ladder; the explanation still tells them.
    for (const pause of pauses.slice(nextPause).filter((p) => p.from >= at)) {
      credits.push({ from: pause.from.toISO()!, to: pause.to.toISO()!, remained: AFTER_THE_DEADLINE, left: [] });
    }
    const rules = [describeRule(request.rule), ...(request.extensions ?? []).map((e) => `extended by ${describeRule(e)} (${e.source})`)];
    const notes = [
      ...credits.map((c) =>
        c.remained === AFTER_THE_DEADLINE
          ? `paused ${c.from} to ${c.to} awaiting the reporter's clarification, after the deadline had passed: its escalation ladder waited as long`
          : `paused ${c.from} to ${c.to} awaiting the reporter's clarification; ${c.remained} remained, counted again from ${c.to}`,
      ),
      ...(request.notes ?? []),
      ...[...provisional].map((year) =>
        this.years.has(year)
          ? `counted on provisional calendar data for ${year}: its decree is not loaded yet; the deadline is re-timed when it is`
          : `no calendar data for ${year}: only its weekends were skipped; load its decree (config/calendars/${year}.json) and re-time`,
      ),
    ];
    return {
      startAt: start.toISO()!,
      timeZone: start.zoneName!,
      rule: rules.join(', then '),
      source: request.rule.source,
      skipped,
      dueAt: at.toISO()!,
      notes,
      ...(credits.length ? { pauses: credits } : {}),
      ...(provisional.size ? { provisional: true } : {}),
      basis: {
        rule: request.rule,
        extensions: request.extensions ?? [],
        remarks: [
          ...remarksOf(request.notes ?? [], request.remarks ?? []),
          ...[...provisional].map((year): DeadlineRemark => ({ kind: 'PROVISIONAL_YEAR', year, dataLoaded: this.years.has(year) })),
        ],
      },
    };
  }

  /**
   * A clock's whole plan in the zone and days off of its calendar: its deadline with the explanation, its
   * reminder, and (when asked) the instants of its escalation ladder, each rung counting on from the
   * deadline, pauses after the deadline included. Answers which clock it planned.
   */
  plan(input: DeadlinePlanRequest, where: { timeZone: string; agencyDaysOff: AgencyDayOff[] }): PlannedDeadline {
    const request = { ...input, ...where };
    const explanation = this.deadline(request);
    const remindAt = input.reminderBefore ? this.ahead(explanation.dueAt, input.reminderBefore, where.timeZone, where.agencyDaysOff) : null;
    const rungs = input.escalation?.map((step) => ({
      level: step.level,
      at: step.afterBreach ? this.deadline({ ...request, extensions: [...input.extensions, step.afterBreach] }).dueAt : explanation.dueAt,
    }));
    return { clockId: input.clockId, stage: input.stage, explanation, remindAt, ...(rungs ? { rungs } : {}) };
  }

  /**
   * What is left of a clock paused at `pausedAt`, to be counted again from the resume: the rest of the
   * stretch it paused in, then the rest of its chain.
   */
  remainingAfterPause(request: PauseCreditRequest): DeadlineRule[] {
    const { timeZone } = request;
    const pausedAt = parseInstant(request.pausedAt, timeZone);
    const agencyDaysOff = daysOffMap(request.agencyDaysOff);
    const chain = [request.rule, ...(request.extensions ?? [])];
    let at = parseInstant(request.startAt, timeZone);
    for (let i = 0; i < chain.length; i++) {
      const stretch = this.stretch(at, chain[i], agencyDaysOff);
      if (pausedAt < stretch.due) return [this.leftOf(at, chain[i], pausedAt, stretch.due, agencyDaysOff), ...chain.slice(i + 1)];
      at = stretch.due;
    }
    return [];
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

  /** One rule applied from `from`: the resulting instant, the days it skipped and the provisional years it crossed. */
  private stretch(from: DateTime, rule: DeadlineRule, agencyDaysOff: ReadonlyMap<string, string>): Stretch {
    const provisional = new Set<number>();
    if ('duration' in rule) {
      const duration = Duration.fromISO(rule.duration);
      if (!duration.isValid) throw new RangeError(`not an ISO-8601 duration: ${rule.duration}`);
      return { due: from.plus(duration), skipped: [], provisional };
    }
    const skipped: SkippedDay[] = [];
    let day = from.startOf('day');
    for (let counted = 0; counted < rule.workingDays; ) {
      day = day.plus({ days: 1 });
      if (this.isProvisional(day.year)) provisional.add(day.year);
      const causes = this.dayOffCauses(day, agencyDaysOff);
      if (causes.length) skipped.push({ date: day.toISODate()!, reason: dayOffReasonText(causes), causes });
      else counted += 1;
    }
    return { due: day.endOf('day'), skipped, provisional };
  }

  /**
   * What is left of a stretch from `from` to `due` when it stops at `pausedAt`. Exact durations leave
   * exactly the time to go; working days leave the working days after the pause day up to the due day,
   * plus the pause day itself unless it is the day counting started (which never counts).
   */
  private leftOf(from: DateTime, rule: DeadlineRule, pausedAt: DateTime, due: DateTime, agencyDaysOff: ReadonlyMap<string, string>): DeadlineRule {
    const source = `${rule.source}; remainder after a pause`;
    if ('duration' in rule) return { duration: Duration.fromMillis(Math.max(0, due.toMillis() - pausedAt.toMillis())).toISO(), source };
    const pauseDay = pausedAt.startOf('day');
    let left = pauseDay > from.startOf('day') && !this.dayOffReason(pauseDay, agencyDaysOff) ? 1 : 0;
    for (let day = pauseDay.plus({ days: 1 }); day <= due; day = day.plus({ days: 1 })) {
      if (!this.dayOffReason(day, agencyDaysOff)) left += 1;
    }
    return { workingDays: Math.max(1, left), source };
  }
}

/** A rule without its citation: what a pause left is the same whatever the rule's source. */
function plainRule(rule: DeadlineRule): DeadlineRule {
  return 'duration' in rule ? { duration: rule.duration, source: rule.source } : { workingDays: rule.workingDays, source: rule.source };
}

/** The request's notes as data: the remarks for the last of them, the earlier ones (kept before remarks were) as written. */
function remarksOf(notes: string[], remarks: DeadlineRemark[]): DeadlineRemark[] {
  const written = notes.slice(0, Math.max(0, notes.length - remarks.length)).map((text): DeadlineRemark => ({ kind: 'NOTE', text }));
  return [...written, ...remarks];
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

/** Pauses that ended, in the clock's zone, oldest first. */
function endedPauses(pauses: Pause[] | undefined, timeZone: string): { from: DateTime; to: DateTime }[] {
  return (pauses ?? [])
    .filter((p): p is { from: string; to: string } => p.to !== null)
    .map((p) => ({ from: parseInstant(p.from, timeZone), to: parseInstant(p.to, timeZone) }))
    .sort((a, b) => a.from.toMillis() - b.from.toMillis());
}

function daysOffMap(days: AgencyDayOff[] | undefined): ReadonlyMap<string, string> {
  return new Map((days ?? []).map((d) => [d.date, d.reason]));
}
