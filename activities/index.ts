// Activity factory: the worker builds every activity from its real dependencies.
import type { CalendarProvider } from './calendar-source.js';
import { createDeadlineActivities } from './deadlines.js';
import { createEscalationActivities } from './escalation.js';
import { failingPermanently } from './permanent-failures.js';
import { createProjectionActivities } from './projection.js';
import type { PrismaClient } from '../src/generated/prisma/client.js';

export interface ActivityDependencies {
  prisma: PrismaClient;
  /** Asked on every deadline computation: SYSADMIN may upload a decree year at any time. */
  calendar: CalendarProvider;
}

export function createActivities({ prisma, calendar }: ActivityDependencies) {
  return failingPermanently({
    ...createDeadlineActivities(prisma, calendar),
    ...createProjectionActivities(prisma),
    ...createEscalationActivities(prisma),
  });
}
