// Deadline activities: resolve whose calendar counts (the agency's zone, or the national one), then
// ask the pure business calendar. Results are recorded in history, so workflows stay deterministic.
import type { AgencyDayOff, BusinessCalendar } from './business-calendar.js';
import type { DeadlineExplanation, DeadlineRule, EscalationStep } from '../workflows/messages.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';

interface CalendarOf {
  /** The agency whose zone counts; null means the national verifier's `defaultTimeZone`. */
  agencyId: string | null;
  defaultTimeZone: string;
}

export interface PlanDeadlineInput extends CalendarOf {
  startAt: string;
  rule: DeadlineRule;
  extensions: DeadlineRule[];
  notes: string[];
  /** When to remind the owner, ahead of the deadline; null for no reminder. */
  reminderBefore: DeadlineRule | null;
  /** The escalation ladder to place after the deadline, if the workflow wants it planned now. */
  escalation?: EscalationStep[];
}

export interface PlannedDeadline {
  explanation: DeadlineExplanation;
  remindAt: string | null;
  rungs?: { level: number; at: string }[];
}

export interface RemainingAfterPauseInput extends CalendarOf {
  startAt: string;
  rule: DeadlineRule;
  extensions: DeadlineRule[];
  pausedAt: string;
}

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
    async planDeadline(input: PlanDeadlineInput): Promise<PlannedDeadline> {
      const { timeZone, agencyDaysOff } = await calendarOf(input);
      const explanation = calendar.deadline({ ...input, timeZone, agencyDaysOff });
      const remindAt = input.reminderBefore ? calendar.ahead(explanation.dueAt, input.reminderBefore, timeZone, agencyDaysOff) : null;
      const rungs = input.escalation?.map((step) => ({
        level: step.level,
        at: step.afterBreach
          ? calendar.deadline({ startAt: explanation.dueAt, rule: step.afterBreach, timeZone, agencyDaysOff }).dueAt
          : explanation.dueAt,
      }));
      return { explanation, remindAt, ...(rungs ? { rungs } : {}) };
    },

    async remainingAfterPause(input: RemainingAfterPauseInput): Promise<DeadlineRule> {
      return calendar.remainingAfterPause({ ...input, ...(await calendarOf(input)) });
    },
  };
}
