import { join } from 'node:path';
import { BusinessCalendar, CalendarDataMissingError } from '../../activities/business-calendar.js';
import { loadCalendarYears } from '../../activities/calendar-data.js';
import { projectRoot } from '../../src/project-root.js';
import type { DeadlineRule } from '../../workflows/messages.js';

const calendar = new BusinessCalendar(loadCalendarYears(join(projectRoot(), 'config', 'calendars')));
const days = (workingDays: number): DeadlineRule => ({ workingDays, source: 'test' });
const due = (startAt: string, rule: DeadlineRule, timeZone = 'Asia/Jakarta') =>
  calendar.deadline({ startAt, rule, timeZone });

// The host zone must never matter: every case runs under three host zones.
describe.each(['UTC', 'America/New_York', 'Asia/Jayapura'])(`${BusinessCalendar.name} (host TZ=%s)`, (hostZone) => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = hostZone;
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  it('ends "3 working days" from Friday 15:00 WIB at Wednesday 23:59:59.999 WIB, skipping the weekend', () => {
    const result = due('2026-11-20T15:00:00+07:00', days(3));
    expect(result.dueAt).toBe('2026-11-25T23:59:59.999+07:00');
    expect(result.skipped).toEqual([
      { date: '2026-11-21', reason: 'Saturday' },
      { date: '2026-11-22', reason: 'Sunday' },
    ]);
    expect(result).toMatchObject({ startAt: '2026-11-20T15:00:00.000+07:00', timeZone: 'Asia/Jakarta', rule: '3 working days' });
  });

  it('skips a public holiday and its joint leave, naming the decree (Idul Adha 2026)', () => {
    const result = due('2026-05-22T15:00:00+07:00', days(3));
    expect(result.dueAt).toBe('2026-05-29T23:59:59.999+07:00');
    expect(result.skipped.map((s) => s.date)).toEqual(['2026-05-23', '2026-05-24', '2026-05-27', '2026-05-28']);
    expect(result.skipped[2].reason).toMatch(/^national public holiday: Idul Adha 1447 Hijriah \(SKB/);
    expect(result.skipped[3].reason).toMatch(/^joint leave \(cuti bersama\): Idul Adha 1447 Hijriah/);
  });

  it('crosses the whole Idul Fitri 2025 cluster (Nyepi, Eid, cuti bersama, weekends)', () => {
    const result = due('2025-03-27T10:00:00+07:00', days(1));
    expect(result.dueAt).toBe('2025-04-08T23:59:59.999+07:00');
    expect(result.skipped).toHaveLength(11);
  });

  it('crosses the Idul Fitri 2026 cluster', () => {
    expect(due('2026-03-17T09:00:00+07:00', days(1)).dueAt).toBe('2026-03-25T23:59:59.999+07:00');
  });

  it('honours the August 2025 amendment that made 18 August joint leave', () => {
    const result = due('2025-08-15T10:00:00+07:00', days(1));
    expect(result.dueAt).toBe('2025-08-19T23:59:59.999+07:00');
    expect(result.skipped.at(-1)!.reason).toMatch(/joint leave.*added by amendment.*SKB perubahan/);
  });

  it('crosses a year boundary with Christmas and New Year', () => {
    expect(due('2025-12-24T09:00:00+07:00', days(3)).dueAt).toBe('2025-12-31T23:59:59.999+07:00');
    expect(due('2025-12-31T10:00:00+07:00', days(2)).dueAt).toBe('2026-01-05T23:59:59.999+07:00');
  });

  it('refuses to guess when a year has no calendar data', () => {
    expect(() => due('2027-12-30T09:00:00+07:00', days(3))).toThrow(CalendarDataMissingError);
    expect(() => due('2027-12-30T09:00:00+07:00', days(3))).toThrow(/no business-calendar data for 2028/);
  });

  it('crosses into 2027 on provisional data, and says so in the explanation', () => {
    const result = due('2026-12-30T09:00:00+07:00', days(3));
    expect(result.dueAt).toBe('2027-01-05T23:59:59.999+07:00');
    expect(result.skipped.find((d) => d.date === '2027-01-01')!.reason).toMatch(/Tahun Baru 2027 Masehi \(PROVISIONAL/);
  });

  it('gives back whole working days after a pause, the pause day included', () => {
    const clock = { startAt: '2026-11-23T09:00:00+07:00', rule: days(5), timeZone: 'Asia/Jakarta' };
    // Due Monday 30 Nov; paused Wednesday 25 Nov: Wed (given back), Thu, Fri, Mon remain.
    expect(calendar.remainingAfterPause({ ...clock, pausedAt: '2026-11-25T14:00:00+07:00' })).toMatchObject({ workingDays: 4 });
    // Paused on the start day, which never counts: all five remain.
    expect(calendar.remainingAfterPause({ ...clock, pausedAt: '2026-11-23T15:00:00+07:00' })).toMatchObject({ workingDays: 5 });
    // Exact durations give back exactly what was left.
    const exact = { startAt: '2026-11-23T09:00:00Z', rule: { duration: 'PT10M', source: 't' }, timeZone: 'Asia/Jakarta' };
    expect(calendar.remainingAfterPause({ ...exact, pausedAt: '2026-11-23T09:04:00Z' })).toMatchObject({ duration: 'PT360S' });
  });

  it('applies approved extensions from the previous deadline', () => {
    const result = calendar.deadline({
      startAt: '2026-11-20T15:00:00+07:00',
      rule: days(3),
      extensions: [{ workingDays: 2, source: 'approved by supervisor-05' }],
      timeZone: 'Asia/Jakarta',
    });
    expect(result.dueAt).toBe('2026-11-27T23:59:59.999+07:00');
    expect(result.rule).toBe('3 working days, then extended by 2 working days (approved by supervisor-05)');
  });

  it('places the reminder one working day ahead of the deadline, across a weekend', () => {
    expect(calendar.ahead('2026-11-23T23:59:59.999+07:00', days(1), 'Asia/Jakarta')).toBe('2026-11-20T23:59:59.999+07:00');
  });

  it('means the end of the next working day by "1 working day", never 24 business hours', () => {
    expect(due('2026-11-23T08:00:00+07:00', days(1)).dueAt).toBe('2026-11-24T23:59:59.999+07:00');
    expect(due('2026-11-23T23:59:00+07:00', days(1)).dueAt).toBe('2026-11-24T23:59:59.999+07:00');
  });

  it('counts from the start day in the agency zone: one instant, three zones', () => {
    const instant = '2026-11-20T16:30:00Z'; // Friday 23:30 WIB, Saturday 00:30 WITA, Saturday 01:30 WIT
    expect(due(instant, days(1), 'Asia/Jakarta').dueAt).toBe('2026-11-23T23:59:59.999+07:00');
    expect(due(instant, days(1), 'Asia/Makassar').dueAt).toBe('2026-11-23T23:59:59.999+08:00');
    expect(due(instant, days(1), 'Asia/Jayapura').dueAt).toBe('2026-11-23T23:59:59.999+09:00');
    expect(due(instant, days(1), 'Asia/Makassar').skipped[0]).toEqual({ date: '2026-11-22', reason: 'Sunday' });
  });

  it('treats a clock started on a weekend before opening like one started Friday evening', () => {
    expect(due('2026-11-21T06:00:00+07:00', days(1)).dueAt).toBe('2026-11-23T23:59:59.999+07:00');
  });

  it('adds an ISO-8601 duration exactly', () => {
    const result = due('2026-11-21T06:00:00+07:00', { duration: 'PT30S', source: 'demo' });
    expect(result).toMatchObject({ dueAt: '2026-11-21T06:00:30.000+07:00', rule: 'PT30S (exact duration)', skipped: [] });
  });

  it('skips an agency day off with its reason', () => {
    const result = calendar.deadline({
      startAt: '2026-11-23T09:00:00+09:00',
      rule: days(1),
      timeZone: 'Asia/Jayapura',
      agencyDaysOff: [{ date: '2026-11-24', reason: 'Hari jadi Provinsi Papua' }],
    });
    expect(result.dueAt).toBe('2026-11-25T23:59:59.999+09:00');
    expect(result.skipped).toEqual([{ date: '2026-11-24', reason: 'agency day off: Hari jadi Provinsi Papua' }]);
  });

  it('rejects an unknown zone', () => {
    expect(() => due('2026-11-23T09:00:00Z', days(1), 'Asia/Atlantis')).toThrow(/Asia\/Atlantis/);
  });
});
