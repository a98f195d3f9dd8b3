import { join } from 'node:path';
import { BusinessCalendar } from '../../activities/business-calendar.js';
import { loadCalendarYears } from '../../activities/calendar-data.js';
import { fixedCalendar } from '../../activities/calendar-source.js';
import { createActivities } from '../../activities/index.js';
import { projectRoot } from '../../src/project-root.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { driverFor } from '../support/lifecycle.js';

/** Activities are retried by Temporal; a retry must never double a row. Real PostgreSQL, no mocks. */
describe('activities are idempotent', () => {
  let t: TestApp;
  let sut: ReturnType<typeof createActivities>;
  let complaintId: string;
  let trackingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    sut = createActivities({ prisma: t.prisma, calendar: fixedCalendar(new BusinessCalendar(loadCalendarYears(join(projectRoot(), 'config', 'calendars')))) });
    trackingId = await (await driverFor(t)).submit();
    complaintId = (await t.prisma.complaint.findUniqueOrThrow({ where: { trackingId } })).id;
  });
  afterAll(() => t.close());

  it('projects a transition once however often it is retried, and never moves the row backwards', async () => {
    const transition = {
      complaintId,
      seq: 900,
      type: 'VERIFIED' as const,
      status: 'DISPOSED' as const,
      agencyId: null,
      actor: { id: 'officer-x', role: 'VERIFIER' },
      detail: {},
      occurredAt: new Date().toISOString(),
      readModel: {
        complexity: 'NORMAL' as const,
        assigneeId: null,
        firstResponseAt: null,
        resolvedAt: null,
        closedAt: null,
        rating: null,
        redirectCount: 0,
        nextDeadlineAt: null,
        escalationLevel: 0,
      },
    };
    await sut.projectTransition(transition);
    await sut.projectTransition(transition);
    await sut.projectTransition({ ...transition, seq: 899, type: 'SUBMITTED', status: 'SUBMITTED' });
    expect(await t.prisma.complaintEvent.count({ where: { complaintId, type: 'VERIFIED' } })).toBe(1);
    expect(await t.prisma.complaint.findUniqueOrThrow({ where: { id: complaintId } })).toMatchObject({ status: 'DISPOSED', lastEventSeq: 900 });
  });

  it('records an escalation and its notice once however often it is retried', async () => {
    const escalation = {
      key: `test:${trackingId}:verification-9:1`,
      complaintId,
      trackingId,
      stage: 'verification' as const,
      level: 1,
      receiverRole: 'SUPERVISOR',
      agencyId: null,
      dueAt: new Date().toISOString(),
      firedAt: new Date().toISOString(),
    };
    await sut.recordEscalation(escalation);
    await sut.recordEscalation({ ...escalation, firedAt: new Date(Date.now() + 5000).toISOString() });
    expect(await t.prisma.escalation.count({ where: { key: escalation.key } })).toBe(1);
    expect(await t.prisma.notification.count({ where: { key: escalation.key } })).toBe(1);
  });
});
