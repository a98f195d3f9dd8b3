import { DateTime } from 'luxon';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { BusinessCalendar } from '../../activities/business-calendar.js';
import { loadCalendarYears } from '../../activities/calendar-data.js';
import { projectRoot } from '../../src/project-root.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { ComplaintDriver, driverFor, LIAISON } from '../support/lifecycle.js';

const verifier = {};

/** Every row of DESIGN.md's targets table, from the shipped default policy and calendar. */
describe('default policy targets', () => {
  let t: TestApp;
  let c: ComplaintDriver;
  const agencyId = `pemkot-bandung-${randomBytes(3).toString('hex')}`;
  let dayOff: string;

  beforeAll(async () => {
    t = await createTestApp();
    // The agency's own day off: the next national working day in Jakarta, whatever today is.
    const calendar = new BusinessCalendar(loadCalendarYears(join(projectRoot(), 'config', 'calendars')));
    let day = DateTime.now().setZone('Asia/Jakarta').startOf('day').plus({ days: 1 });
    while (calendar.dayOffReason(day, new Map())) day = day.plus({ days: 1 });
    dayOff = day.toISODate()!;
    await t.prisma.agency.create({
      data: {
        id: agencyId,
        name: 'Pemerintah Kota Bandung',
        timeZone: 'Asia/Jakarta',
        daysOff: { create: [{ date: new Date(`${dayOff}T00:00:00Z`), reason: 'Hari Jadi Kota Bandung' }] },
      },
    });
    c = await driverFor(t, { bandung: { id: agencyId } });
  });
  afterAll(() => t.close());

  const rules = (s: { deadlines: { stage: string; explanation: { rule: string } }[] }) =>
    Object.fromEntries(s.deadlines.map((d) => [d.stage, d.explanation.rule]));

  it('verification: 3 working days in the national zone', async () => {
    const id = await c.submit();
    const status = await c.until(id, (s) => s.deadlines.length === 1);
    expect(rules(status)).toEqual({ verification: '3 working days' });
    expect(status.deadlines[0].explanation).toMatchObject({ timeZone: 'Asia/Jakarta', source: expect.stringMatching(/LAPOR! FAQ/) });
    expect(status.deadlines[0].dueAt).toMatch(/T23:59:59\.999\+07:00$/);
    expect(status.deadlines[0].remindAt).toMatch(/T23:59:59\.999\+07:00$/);
  });

  it.each([
    ['SIMPLE', '5 working days'],
    ['NORMAL', '14 working days'],
    ['INVESTIGATION', '60 working days'],
  ])('disposition (%s): assignment 1, first follow-up 5, resolution %s, skipping the agency day off', async (complexity, resolution) => {
    const id = await c.submit();
    const disposed = await c.act(id, 'verify', { ...verifier, agencyId, complexity });
    expect(rules(disposed)).toEqual({ assignment: '1 working day', firstFollowUp: '5 working days', resolution });
    for (const d of disposed.deadlines) {
      expect(d.explanation.skipped).toContainEqual(expect.objectContaining({ date: dayOff, reason: 'agency day off: Hari Jadi Kota Bandung' }));
    }
  });

  it('clarification and feedback: 10 calendar days each', async () => {
    const id = await c.submit();
    const waiting = await c.act(id, 'request-clarification', { ...verifier, question: 'Alamat lengkap?' });
    expect(rules(waiting).clarification).toBe('P10D (exact duration)');
    await c.act(id, 'provide-clarification', { answer: 'Jl. Asia Afrika 1' });
    await c.act(id, 'verify', { ...verifier, agencyId });
    await c.act(id, 'assign', { liaisonId: LIAISON });
    const resolved = await c.act(id, 'resolve', { answer: 'Selesai' });
    expect(rules(resolved)).toEqual({ feedback: 'P10D (exact duration)' });
  });
});
