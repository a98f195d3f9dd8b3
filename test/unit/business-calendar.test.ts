import { join } from 'node:path';
import { BusinessCalendar } from '../../activities/business-calendar.js';
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
      { date: '2026-11-21', reason: 'Saturday', causes: [{ kind: 'SATURDAY' }] },
      { date: '2026-11-22', reason: 'Sunday', causes: [{ kind: 'SUNDAY' }] },
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
    // 28 March 2025 is the joint leave for Nyepi; Nyepi itself fell on Saturday 29 March, and the explanation says both.
    expect(result.skipped[0].reason).toMatch(/^joint leave \(cuti bersama\): Cuti Bersama Hari Suci Nyepi/);
    expect(result.skipped[1].reason).toMatch(/^Saturday; national public holiday: Hari Suci Nyepi Tahun Baru Saka 1947 \(SKB/);
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

  it('counts a year without calendar data on weekends only, flagged provisional and explained, rather than stopping the clock', () => {
    const result = due('2028-12-28T09:00:00+07:00', days(3));
    expect(result.dueAt).toBe('2029-01-02T23:59:59.999+07:00');
    expect(result.skipped.map((d) => [d.date, d.reason])).toEqual([
      ['2028-12-30', 'Saturday'],
      ['2028-12-31', 'Sunday'],
    ]);
    expect(result.provisional).toBe(true);
    expect(result.notes).toContain('no calendar data for 2029: only its weekends were skipped; load its decree (config/calendars/2029.json) and re-time');
  });

  it('counts 2027 on its decree (SKB 1205/3/2 of 2026): the Nyepi and Idul Fitri cluster, and says nothing is provisional', () => {
    const result = due('2027-03-05T10:00:00+07:00', days(1));
    expect(result.dueAt).toBe('2027-03-16T23:59:59.999+07:00');
    expect(result.skipped.map((d) => d.date)).toEqual(['2027-03-06', '2027-03-07', '2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-13', '2027-03-14', '2027-03-15']);
    expect(result.skipped[2].reason).toMatch(/Nyepi.*Nomor 1205 Tahun 2026/);
    expect(result.provisional).toBeUndefined();
  });

  it('crosses into 2028 on provisional data, and says so in the explanation and its flag', () => {
    const result = due('2027-12-29T09:00:00+07:00', days(3));
    expect(result.dueAt).toBe('2028-01-03T23:59:59.999+07:00');
    expect(result.provisional).toBe(true);
    expect(result.skipped.find((d) => d.date === '2028-01-01')!.reason).toMatch(/Tahun Baru 2028 Masehi \(PROVISIONAL: no SKB/);
    expect(result.notes).toContain('counted on provisional calendar data for 2028: its decree is not loaded yet; the deadline is re-timed when it is');
    expect(due('2027-12-20T09:00:00+07:00', days(3)).provisional).toBeUndefined();
  });

  it('gives back whole working days after a pause, the pause day included', () => {
    const clock = { startAt: '2026-11-23T09:00:00+07:00', rule: days(5), timeZone: 'Asia/Jakarta' };
    // Due Monday 30 Nov; paused Wednesday 25 Nov: Wed (given back), Thu, Fri, Mon remain.
    expect(calendar.remainingAfterPause({ ...clock, pausedAt: '2026-11-25T14:00:00+07:00' })).toMatchObject([{ workingDays: 4 }]);
    // Paused on the start day, which never counts: all five remain.
    expect(calendar.remainingAfterPause({ ...clock, pausedAt: '2026-11-23T15:00:00+07:00' })).toMatchObject([{ workingDays: 5 }]);
    // Exact durations give back exactly what was left.
    const exact = { startAt: '2026-11-23T09:00:00Z', rule: { duration: 'PT10M', source: 't' }, timeZone: 'Asia/Jakarta' };
    expect(calendar.remainingAfterPause({ ...exact, pausedAt: '2026-11-23T09:04:00Z' })).toMatchObject([{ duration: 'PT360S' }]);
  });

  it('credits a pause inside the deadline: the rest is counted again from the resume, and the explanation keeps start, rule and pause', () => {
    const result = calendar.deadline({
      startAt: '2026-11-23T09:00:00+07:00',
      rule: days(5),
      pauses: [{ from: '2026-11-25T14:00:00+07:00', to: '2026-11-27T10:00:00+07:00' }],
      timeZone: 'Asia/Jakarta',
    });
    // Wed, Thu, Fri, Mon remained; counted again from Friday 27: Mon, Tue, Wed, Thu.
    expect(result.dueAt).toBe('2026-12-03T23:59:59.999+07:00');
    expect(result).toMatchObject({ startAt: '2026-11-23T09:00:00.000+07:00', rule: '5 working days' });
    expect(result.pauses).toEqual([
      { from: '2026-11-25T14:00:00.000+07:00', to: '2026-11-27T10:00:00.000+07:00', remained: '4 working days', left: [{ workingDays: 4, source: 'test; remainder after a pause' }] },
    ]);
    expect(result.notes[0]).toBe(
      "paused 2026-11-25T14:00:00.000+07:00 to 2026-11-27T10:00:00.000+07:00 awaiting the reporter's clarification; 4 working days remained, counted again from 2026-11-27T10:00:00.000+07:00",
    );
  });

  it.each([
    // A working day plus an hour, paused on the start day (WITA): one working day and the hour, from the resume.
    ['2026-12-03T23:00:46.757Z', 'Asia/Makassar', 1, 'PT1H', '2026-12-04T06:12:21.217Z', '2026-12-06T20:03:21.217Z', '2026-12-09T00:59:59.999+08:00'],
    // Fourteen working days plus 30 minutes (WIT), the due spilling into a Saturday: the 30 minutes survive.
    ['2025-01-06T14:06:04.608Z', 'Asia/Jayapura', 14, 'PT30M', '2025-01-15T22:53:47.364Z', '2025-02-08T09:55:47.364Z', '2025-02-19T00:29:59.999+09:00'],
  ])('keeps a duration extension of a working-day clock across a pause (start %s %s)', (startAt, timeZone, workingDays, extra, from, to, expected) => {
    const result = calendar.deadline({ startAt, rule: days(workingDays), extensions: [{ duration: extra, source: 'approved by supervisor-05: hujan' }], pauses: [{ from, to }], timeZone });
    expect(result.dueAt).toBe(expected);
    expect(result.rule).toBe(`${workingDays} working day${workingDays === 1 ? '' : 's'}, then extended by ${extra} (exact duration) (approved by supervisor-05: hujan)`);
    expect(result.pauses![0].remained).toMatch(new RegExp(`working days?, then ${extra} \\(exact duration\\)$`));
  });

  it('moves only what follows the deadline when the pause came after it (an escalation rung)', () => {
    const request = { startAt: '2026-11-23T09:00:00+07:00', rule: days(1), timeZone: 'Asia/Jakarta' };
    const levelTwo = { ...request, extensions: [days(2)] };
    expect(calendar.deadline(levelTwo).dueAt).toBe('2026-11-26T23:59:59.999+07:00');
    const pauses = [{ from: '2026-11-25T10:00:00+07:00', to: '2026-11-30T10:00:00+07:00' }];
    expect(calendar.deadline({ ...request, pauses }).dueAt).toBe('2026-11-24T23:59:59.999+07:00');
    // Paused on Wednesday with Wed and Thu left of the two days: counted again from Monday 30, Tue and Wed.
    expect(calendar.deadline({ ...levelTwo, pauses }).dueAt).toBe('2026-12-02T23:59:59.999+07:00');
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
    expect(due(instant, days(1), 'Asia/Makassar').skipped[0]).toEqual({ date: '2026-11-22', reason: 'Sunday', causes: [{ kind: 'SUNDAY' }] });
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
    expect(result.skipped).toEqual([
      { date: '2026-11-24', reason: 'agency day off: Hari jadi Provinsi Papua', causes: [{ kind: 'AGENCY_DAY_OFF', reason: 'Hari jadi Provinsi Papua' }] },
    ]);
  });

  it('rejects an unknown zone', () => {
    expect(() => due('2026-11-23T09:00:00Z', days(1), 'Asia/Atlantis')).toThrow(/Asia\/Atlantis/);
  });
});
