// Deadline activities: resolve whose calendar counts (the agency's zone, or the national one), then
// ask the pure business calendar. Results are recorded in history, so workflows stay deterministic.
import type { AgencyDayOff } from './business-calendar.js';
import type { CalendarProvider } from './calendar-source.js';
import type { DeadlinePlanRequest, DeadlineRule, PlannedDeadline } from '../workflows/messages.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';

interface CalendarOf {
  /** The agency whose zone counts; null means the national verifier's `defaultTimeZone`. */
  agencyId: string | null;
  defaultTimeZone: string;
}

/** Histories from before pauses were credited by the calendar ask for the remainder of a paused clock. */
export type RemainingAfterPauseInput = DeadlinePlanRequest & { pausedAt: string };

export function createDeadlineActivities(prisma: PrismaClient, calendars: CalendarProvider) {
  /** The zone and days off of the agency whose calendar counts. */
  const calendarOf = async ({ agencyId, defaultTimeZone }: CalendarOf): Promise<{ timeZone: string; agencyDaysOff: AgencyDayOff[] }> => {
    if (!agencyId) return { timeZone: defaultTimeZone, agencyDaysOff: [] };
    const agency = await prisma.agency.findUniqueOrThrow({
      where: { id: agencyId },
      select: { timeZone: true, daysOff: { select: { date: true, reason: true } } },
    });
    return {
      timeZone: agency.timeZone,
      agencyDaysOff: agency.daysOff.map((d) => ({ date: d.date.toISOString().slice(0, 10), reason: d.reason })),
    };
  };

  return {
    /** A clock's deadline, reminder and ladder in its agency's calendar (see BusinessCalendar.plan). */
    async planDeadline(input: DeadlinePlanRequest): Promise<PlannedDeadline> {
      const [calendar, where] = await Promise.all([calendars.current(), calendarOf(input)]);
      return calendar.plan(input, where);
    },

    async remainingAfterPause(input: RemainingAfterPauseInput): Promise<DeadlineRule[]> {
      const [calendar, where] = await Promise.all([calendars.current(), calendarOf(input)]);
      return calendar.remainingAfterPause({ ...input, ...where });
    },
  };
}
