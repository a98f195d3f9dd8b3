// A deadline's explanation worded from its data in either language: English says exactly what the
// calendar wrote for operators; Indonesian is the default; explanations without data are shown as written.
import { join } from 'node:path';
import { BusinessCalendar, type DeadlineRequest } from '../../activities/business-calendar.js';
import { loadCalendarYears } from '../../activities/calendar-data.js';
import { wordExplanation } from '../../src/i18n/deadline-explanation.js';
import { projectRoot } from '../../src/project-root.js';
import type { DeadlineExplanation } from '../../workflows/messages.js';

const calendar = new BusinessCalendar(loadCalendarYears(join(projectRoot(), 'config', 'calendars')));
const source = 'Perpres 76/2013';

/** Idul Adha 2026 and its joint leave, an agency day off, a pause, an approved extension, a re-timing and a fallback. */
const everything: DeadlineRequest = {
  startAt: '2026-05-20T09:00:00+07:00',
  rule: { workingDays: 3, source },
  extensions: [{ workingDays: 1, source: 'extension approved by usr-supervisor: Menunggu data', approvedBy: 'usr-supervisor', reason: 'Menunggu data' }],
  pauses: [{ from: '2026-05-21T10:00:00+07:00', to: '2026-05-22T10:00:00+07:00' }],
  timeZone: 'Asia/Jakarta',
  agencyDaysOff: [{ date: '2026-06-01', reason: 'Hari Jadi Kota' }],
  notes: ['re-timed at 2026-05-25T08:00:00.000Z: SKB amendment', "the verification deadline was counted in the national calendar instead of x's: no such agency"],
  remarks: [
    { kind: 'RETIMED', at: '2026-05-25T08:00:00.000Z', reason: 'SKB amendment' },
    { kind: 'NATIONAL_CALENDAR_INSTEAD', stage: 'verification', agencyId: 'x', error: 'no such agency' },
  ],
};
/** Counted into 2029, a year with no calendar data. */
const noData: DeadlineRequest = { startAt: '2028-12-28T09:00:00+07:00', rule: { duration: 'P10D', source }, extensions: [{ workingDays: 2, source: 'older extension' }], timeZone: 'Asia/Jakarta' };

describe('wordExplanation', () => {
  it.each([
    ['holidays, an agency day off, a pause, an extension and remarks', everything],
    ['an exact duration, an extension approved before approvers were kept, a year without data', noData],
    ['a note kept before remarks were data', { ...everything, remarks: everything.remarks!.slice(1) }],
  ])('in English says what the calendar wrote for operators (%s)', (_, request) => {
    const x = calendar.deadline(request);
    const worded = wordExplanation(x, 'en');
    expect({ rule: worded.rule, notes: worded.notes, skipped: worded.skipped, pauses: worded.pauses }).toEqual({ rule: x.rule, notes: x.notes, skipped: x.skipped, pauses: x.pauses });
    expect(worded.summary).toContain(`Due ${x.dueAt}: ${x.rule}, counted from ${x.startAt} (Asia/Jakarta).`);
  });

  it('speaks Indonesian, every part from the catalog', () => {
    const worded = wordExplanation(calendar.deadline(everything), 'id');
    expect(worded.rule).toBe('3 hari kerja, lalu diperpanjang 1 hari kerja (perpanjangan disetujui oleh usr-supervisor: Menunggu data)');
    expect(worded.skipped.map((d) => d.reason)).toEqual(
      expect.arrayContaining(['Sabtu', 'Minggu; hari libur nasional: Hari Raya Waisak 2570 BE (SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026)', expect.stringMatching(/^hari libur instansi: Hari Jadi Kota; hari libur nasional: Hari Lahir Pancasila/), expect.stringMatching(/^hari libur nasional: Idul Adha 1447 Hijriah \(SKB/), expect.stringMatching(/^cuti bersama: Idul Adha/)]),
    );
    expect(worded.pauses![0].remained).toBe('3 hari kerja, lalu 1 hari kerja');
    expect(worded.notes).toEqual([
      'dijeda 2026-05-21T10:00:00.000+07:00 sampai 2026-05-22T10:00:00.000+07:00 menunggu keterangan pelapor; sisa 3 hari kerja, lalu 1 hari kerja dihitung lagi sejak 2026-05-22T10:00:00.000+07:00',
      'dihitung ulang pada 2026-05-25T08:00:00.000Z: SKB amendment',
      'tenggat verification dihitung dengan kalender nasional, bukan kalender x: no such agency',
    ]);
    expect(worded.summary).toMatch(/^Jatuh tempo \S+: 3 hari kerja, lalu diperpanjang .+, dihitung sejak 2026-05-20T09:00:00.000\+07:00 \(Asia\/Jakarta\)\. Tidak dihitung: 2026-05-23 \(Sabtu\), /);
    expect(worded.summary).not.toMatch(/working|Saturday|paused|extended/);
  });

  it('tells the reporter neither the approver nor the operator’s fallback', () => {
    const worded = wordExplanation(calendar.deadline(everything), 'id', 'reporter');
    expect(worded.rule).toBe('3 hari kerja, lalu diperpanjang 1 hari kerja: Menunggu data');
    expect(worded.summary).not.toMatch(/usr-supervisor|kalender nasional/);
  });

  it('words a year without calendar data and an older extension by its citation', () => {
    const worded = wordExplanation(calendar.deadline(noData), 'id');
    expect(worded.rule).toBe('P10D (durasi tepat), lalu diperpanjang 2 hari kerja (older extension)');
    expect(worded.notes).toEqual(['tidak ada data kalender untuk 2029: hanya akhir pekan yang dilewati; muat SKB-nya (config/calendars/2029.json) lalu hitung ulang']);
  });

  it('shows an explanation made before it kept its data as written, in a worded summary', () => {
    const { basis: _, ...legacy } = calendar.deadline(everything);
    const old: DeadlineExplanation = { ...legacy, skipped: legacy.skipped.map(({ date, reason }) => ({ date, reason })) };
    const worded = wordExplanation(old, 'id');
    expect({ rule: worded.rule, notes: worded.notes, skipped: worded.skipped }).toEqual({ rule: old.rule, notes: old.notes, skipped: old.skipped });
    expect(worded.summary).toMatch(/^Jatuh tempo \S+: 3 working days, then extended by .+ Tidak dihitung: 2026-05-23 \(Saturday\)/);
  });
});
