import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { CalendarYear } from '../../activities/business-calendar.js';
import { calendarYearProblem, countDaysOff, loadCalendarYears, mergeCalendarYears } from '../../activities/calendar-data.js';
import { CalendarSource, type UploadedCalendarYears } from '../../activities/calendar-source.js';
import { zoneLabelOf } from '../../src/calendars/time-zones.js';
import { projectRoot } from '../../src/project-root.js';

const shipped = loadCalendarYears(join(projectRoot(), 'config', 'calendars'));
const year = (days: CalendarYear['days'], overrides: Partial<CalendarYear> = {}): CalendarYear => ({ year: 2027, decrees: ['SKB uji'], days, ...overrides });
const holiday = (date: string, name = 'Hari libur uji') => ({ date, kind: 'PUBLIC_HOLIDAY' as const, name });

describe(calendarYearProblem.name, () => {
  it('finds nothing wrong with the shipped years', () => {
    expect(shipped.map(calendarYearProblem)).toEqual(shipped.map(() => null));
  });

  it.each([
    ['a year that is not a whole number', year([], { year: 2027.5 }), 'year', 'must be an integer'],
    ['no decree', year([], { decrees: [] }), 'decrees', 'must name the decree(s) the year comes from'],
    ['a date of another year', year([holiday('2028-01-01')]), 'days[0].date', 'must be a yyyy-MM-dd date in 2027'],
    ['a date that does not exist', year([holiday('2027-02-29')]), 'days[0].date', 'must be a yyyy-MM-dd date in 2027'],
    ['a date in another format', year([holiday('01-01-2027')]), 'days[0].date', 'must be a yyyy-MM-dd date in 2027'],
    ['an unknown kind', year([{ ...holiday('2027-01-01'), kind: 'HOLIDAY' as never }]), 'days[0].kind', 'must be one of PUBLIC_HOLIDAY, JOINT_LEAVE'],
    ['a day without a name', year([holiday('2027-01-01', '  ')]), 'days[0].name', 'is required'],
    ['a date twice', year([holiday('2027-01-01'), holiday('2027-03-20'), holiday('2027-01-01')]), 'days[2].date', 'repeats 2027-01-01'],
    ['provisional not a boolean', year([], { provisional: 'yes' as never }), 'provisional', 'must be true or false'],
  ])('names the entry for %s', (_case, input, field, problem) => {
    const found = calendarYearProblem(input);
    expect([found?.field, String(found?.problem)]).toEqual([field, problem]);
  });
});

describe(mergeCalendarYears.name, () => {
  it('lays uploaded years over the files of the same year and keeps the others, in year order', () => {
    const upload = year([holiday('2027-01-01', 'Unggahan')], { year: 2026 });
    const merged = mergeCalendarYears(shipped, [upload]);
    expect(merged.map((y) => y.year)).toEqual(shipped.map((y) => y.year));
    expect(merged.find((y) => y.year === 2026)).toBe(upload);
    expect(merged.find((y) => y.year === 2027)).toBe(shipped.find((y) => y.year === 2027));
  });

  it('counts holidays and joint leave apart', () => {
    expect(countDaysOff([holiday('2027-01-01'), { date: '2027-01-02', kind: 'JOINT_LEAVE', name: 'Cuti' }, holiday('2027-01-03')])).toEqual({ PUBLIC_HOLIDAY: 2, JOINT_LEAVE: 1 });
  });
});

describe(CalendarSource.name, () => {
  /** An in-memory store of uploads: the stamp changes with every upload, as the table's does. */
  class Uploads implements UploadedCalendarYears {
    years: CalendarYear[] = [];
    reads = 0;
    stamp = () => Promise.resolve(`${this.years.length}`);
    uploaded = () => {
      this.reads += 1;
      return Promise.resolve(this.years);
    };
  }

  it('rebuilds the calendar only when the uploads changed, and counts with an uploaded day at once', async () => {
    const uploads = new Uploads();
    const sut = new CalendarSource(uploads, shipped);
    const first = await sut.current();
    expect(await sut.current()).toBe(first);
    expect(uploads.reads).toBe(1);

    const shippedYear = shipped.find((y) => y.year === 2027)!;
    uploads.years = [{ ...shippedYear, days: [...shippedYear.days, { date: '2027-07-07', kind: 'JOINT_LEAVE', name: 'Cuti bersama tambahan' }] }];
    const rebuilt = await sut.current();
    expect(rebuilt).not.toBe(first);
    expect(uploads.reads).toBe(2);
    const july7 = DateTime.fromISO('2027-07-07', { zone: 'Asia/Jakarta' });
    expect(first.dayOffReason(july7, new Map())).toBeNull();
    expect(rebuilt.dayOffReason(july7, new Map())).toMatch(/joint leave \(cuti bersama\): Cuti bersama tambahan/);
  });
});

describe(zoneLabelOf.name, () => {
  it.each([
    ['Asia/Jakarta', 'WIB'],
    ['Asia/Makassar', 'WITA'],
    ['Asia/Jayapura', 'WIT'],
  ])('labels %s as %s', (zone, label) => {
    expect(zoneLabelOf(zone)).toBe(label);
  });
});
