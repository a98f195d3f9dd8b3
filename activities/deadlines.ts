// Deadline activities: resolve whose calendar counts (the agency's zone, or the national one), then
// ask the pure business calendar. Results are recorded in history, so workflows stay deterministic.
import type { AgencyDayOff, BusinessCalendar } from './business-calendar.js';
import type { DeadlinePlanRequest, DeadlineRule, PlannedDeadline } from '../workflows/messages.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';

interface CalendarOf {
  /** The agency whose zone counts; null means the national verifier's `defaultTimeZone`. */
  agencyId: string | null;
  defaultTimeZone: string;
}

/** Histories from before pauses were credited by the calendar ask for the remainder of a paused clock. */
export type RemainingAfterPauseInput = DeadlinePlanRequest & { pausedAt: string };

export function createDeadlineActivities(prisma: PrismaClient, calendar: BusinessCalendar) {
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
    /**
     * A clock's deadline with its explanation, its reminder, and (when asked) the instants of its
     * escalation ladder: each rung counts on from the deadline, pauses after the deadline included.
     * Answers which clock it planned, so a reader of the history knows.
     */
    async planDeadline(input: DeadlinePlanRequest): Promise<PlannedDeadline> {
      const { timeZone, agencyDaysOff } = await calendarOf(input);
      const request = { ...input, timeZone, agencyDaysOff };
      const explanation = calendar.deadline(request);
      const remindAt = input.reminderBefore ? calendar.ahead(explanation.dueAt, input.reminderBefore, timeZone, agencyDaysOff) : null;
      const rungs = input.escalation?.map((step) => ({
        level: step.level,
        at: step.afterBreach ? calendar.deadline({ ...request, extensions: [...input.extensions, step.afterBreach] }).dueAt : explanation.dueAt,
      }));
      return { clockId: input.clockId, stage: input.stage, explanation, remindAt, ...(rungs ? { rungs } : {}) };
    },

    async remainingAfterPause(input: RemainingAfterPauseInput): Promise<DeadlineRule[]> {
      return calendar.remainingAfterPause({ ...input, ...(await calendarOf(input)) });
    },
  };
}
