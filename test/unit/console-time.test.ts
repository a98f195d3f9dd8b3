// The console's business-time countdown and zone labels (console/src/time.ts): pure, table-driven.
import { countdown, formatDateTime, localDate, workingDaysAfter, zoneLabel, zoneOfOffset } from '../../console/src/time.js';

describe('workingDaysAfter', () => {
  it.each([
    ['Friday to Monday', '2026-11-27', '2026-11-30', [], 1],
    ['Monday to Wednesday', '2026-11-30', '2026-12-02', [], 2],
    ['a week', '2026-11-30', '2026-12-07', [], 5],
    ['the same day', '2026-11-30', '2026-11-30', [], 0],
    ['a day off skipped', '2026-12-23', '2026-12-28', ['2026-12-24', '2026-12-25'], 1],
  ])('%s', (_name, from, to, daysOff, expected) => {
    expect(workingDaysAfter(from, to, new Set(daysOff))).toBe(expected);
  });
});

describe('countdown', () => {
  const jakarta = 'Asia/Jakarta';
  it.each([
    // Monday 30 Nov 2026, 10:00 WIB = 03:00Z.
    ['due Wednesday end of day: 2 working days left', '2026-12-02T23:59:59.999+07:00', '2026-11-30T03:00:00Z', [], { kind: 'left', days: 2 }],
    ['due tonight: today', '2026-11-30T23:59:59.999+07:00', '2026-11-30T03:00:00Z', [], { kind: 'today' }],
    ['due next Monday from Friday: 1 working day left', '2026-12-07T23:59:59.999+07:00', '2026-12-04T03:00:00Z', [], { kind: 'left', days: 1 }],
    ['due Friday, now Monday: late by 1 working day', '2026-11-27T23:59:59.999+07:00', '2026-11-30T03:00:00Z', [], { kind: 'late', days: 1 }],
    ['passed seconds ago: late today', '2026-11-30T02:59:00Z', '2026-11-30T03:00:00Z', [], { kind: 'late', days: 0 }],
    ['a holiday in between is not counted', '2026-12-28T23:59:59.999+07:00', '2026-12-23T03:00:00Z', ['2026-12-24', '2026-12-25'], { kind: 'left', days: 1 }],
  ])('%s', (_name, dueAt, now, daysOff, expected) => {
    expect(countdown(dueAt, new Date(now), jakarta, new Set(daysOff))).toEqual(expected);
  });

  it('counts calendar days for reporters: 10 days from Monday is 10 days, weekends included', () => {
    expect(countdown('2026-12-10T07:30:00+07:00', new Date('2026-11-30T00:30:00Z'), jakarta, new Set(), true)).toEqual({ kind: 'left', days: 10 });
    expect(countdown('2026-11-28T07:30:00+07:00', new Date('2026-11-30T00:30:00Z'), jakarta, new Set(), true)).toEqual({ kind: 'late', days: 2 });
  });

  it('counts in the zone of the deadline: 23:30 WIB is already tomorrow in WIT', () => {
    const now = new Date('2026-11-30T16:30:00Z'); // Monday 23:30 WIB, Tuesday 01:30 WIT
    expect(localDate(now, 'Asia/Jakarta')).toBe('2026-11-30');
    expect(localDate(now, 'Asia/Jayapura')).toBe('2026-12-01');
    expect(countdown('2026-12-01T23:59:59.999+09:00', now, 'Asia/Jayapura')).toEqual({ kind: 'today' });
  });
});

describe('zones', () => {
  it.each([
    ['Asia/Jakarta', 'WIB'],
    ['Asia/Makassar', 'WITA'],
    ['Asia/Jayapura', 'WIT'],
  ])('%s reads as %s, and an instant is written with it, never in UTC', (zone, label) => {
    expect(zoneLabel(zone)).toBe(label);
    expect(formatDateTime('2026-11-30T03:00:00Z', zone, 'id')).toMatch(new RegExp(` ${label}$`));
  });

  it.each([
    ['2026-12-01T23:59:59.999+07:00', 'Asia/Jakarta'],
    ['2026-12-01T23:59:59.999+08:00', 'Asia/Makassar'],
    ['2026-12-01T23:59:59.999+09:00', 'Asia/Jayapura'],
    ['2026-12-01T16:59:59.999Z', 'Asia/Jakarta'],
  ])('the zone of %s is %s', (iso, zone) => {
    expect(zoneOfOffset(iso)).toBe(zone);
  });
});
