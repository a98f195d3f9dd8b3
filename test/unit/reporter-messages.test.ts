import {
  localDateTime,
  noticeKindOf,
  renderReporterNotice,
  smsSegments,
  type NoticeKind,
  type ReporterNoticeFacts,
} from '../../src/notifications/reporter-messages.js';

/** A production-length tracking URL: the one-segment promise must hold for it. */
const URL_BASE = 'https://lapor.go.id/console/lacak';
const facts = (kind: NoticeKind, overrides: Partial<ReporterNoticeFacts> = {}): ReporterNoticeFacts => ({
  kind,
  trackingId: 'LPR-7K3M-9Q2X',
  trackingUrl: `${URL_BASE}/LPR-7K3M-9Q2X`,
  confidential: false,
  title: 'KTP-el belum dicetak',
  question: 'Di kantor kecamatan mana Anda merekam data?',
  officerText: 'Blangko tersedia; pencetakan dijadwalkan Senin.',
  // 08:04:37 UTC: 15.04 WIB, 16.04 WITA, 17.04 WIT.
  respondBy: '2026-12-07T08:04:37.000Z',
  timeZone: 'Asia/Jakarta',
  archiveReason: null,
  ...overrides,
});

describe('reporter notices: what each one says', () => {
  it.each<[string, NoticeKind, Partial<ReporterNoticeFacts>, RegExp[]]>([
    ['a clarification request: the question and the local deadline', 'CLARIFICATION_REQUESTED', {}, [/Petugas meminta keterangan tambahan/, /"Di kantor kecamatan mana Anda merekam data\?"/, /Jawab paling lambat 7 Des 2026 15\.04 WIB/]],
    ['a clarification request in WITA', 'CLARIFICATION_REQUESTED', { timeZone: 'Asia/Makassar' }, [/7 Des 2026 16\.04 WITA/]],
    ['a clarification request in WIT', 'CLARIFICATION_REQUESTED', { timeZone: 'Asia/Jayapura' }, [/7 Des 2026 17\.04 WIT\b/]],
    ['a follow-up', 'FOLLOWED_UP', {}, [/mencatat tindak lanjut/]],
    ['the final answer: until when to accept or dispute', 'RESOLVED', {}, [/jawaban akhir/, /Terima\/sanggah paling lambat 7 Des 2026 15\.04 WIB/]],
    ['closing by the reporter', 'CLOSED_BY_REPORTER', {}, [/Laporan ditutup\. Terima kasih/]],
    ['closing on the lapsed feedback window', 'CLOSED_AUTOMATICALLY', {}, [/ditutup otomatis; jawaban dianggap diterima/]],
    ['archiving as spam, the reason in words', 'ARCHIVED_BY_VERIFIER', { archiveReason: 'SPAM' }, [/diarsipkan: laporan dinilai bukan pengaduan\./]],
    ['archiving a duplicate', 'ARCHIVED_BY_VERIFIER', { archiveReason: 'DUPLICATE' }, [/sudah pernah disampaikan/]],
    ['archiving for want of information', 'ARCHIVED_BY_VERIFIER', { archiveReason: 'INSUFFICIENT_INFORMATION' }, [/tidak cukup untuk ditindaklanjuti/]],
    ['archiving on the lapsed clarification', 'ARCHIVED_AUTOMATICALLY', {}, [/diarsipkan otomatis; keterangan yang diminta tidak diterima/]],
  ])('SMS of %s', (_, kind, overrides, expected) => {
    const { sms } = renderReporterNotice(facts(kind, overrides));
    expect(sms.startsWith('LAPOR! LPR-7K3M-9Q2X: ')).toBe(true);
    expect(sms.endsWith(`${URL_BASE}/LPR-7K3M-9Q2X`)).toBe(true);
    for (const pattern of expected) expect(sms).toMatch(pattern);
  });

  it.each<[NoticeKind, Partial<ReporterNoticeFacts>]>([
    ['CLARIFICATION_REQUESTED', { confidential: true }],
    ['FOLLOWED_UP', {}],
    ['RESOLVED', {}],
    ['CLOSED_BY_REPORTER', {}],
    ['CLOSED_AUTOMATICALLY', {}],
    ['ARCHIVED_BY_VERIFIER', { archiveReason: 'INSUFFICIENT_INFORMATION' }],
    ['ARCHIVED_AUTOMATICALLY', {}],
  ])('%s fits one GSM-7 SMS segment (160 characters) with a production tracking URL', (kind, overrides) => {
    const { sms, smsSegments: segments } = renderReporterNotice(facts(kind, overrides));
    expect(sms.length).toBeLessThanOrEqual(160);
    expect(segments).toBe(1);
  });

  it('says how many segments a clarification request with its question takes', () => {
    const { sms, smsSegments: segments } = renderReporterNotice(facts('CLARIFICATION_REQUESTED'));
    expect(sms.length).toBeGreaterThan(160);
    expect(segments).toBe(2);
  });

  it('cuts a long question in the SMS, keeps it whole in the e-mail', () => {
    const question = `Mohon jelaskan ${'kronologi '.repeat(60)}lengkap.`;
    const rendered = renderReporterNotice(facts('CLARIFICATION_REQUESTED', { question }));
    expect(rendered.sms).toMatch(/kronologi\.\.\."/);
    expect(rendered.sms.length).toBeLessThan(400);
    expect(rendered.email).toContain(question);
  });

  it.each<[NoticeKind, string]>([
    ['CLARIFICATION_REQUESTED', 'Jawab paling lambat Senin, 7 Desember 2026 pukul 15.04 WIB.'],
    ['RESOLVED', 'Terima atau sanggah paling lambat Senin, 7 Desember 2026 pukul 15.04 WIB.'],
  ])('the %s e-mail gives the deadline in words, in the zone, and what follows without an answer', (kind, deadline) => {
    const { email, subject } = renderReporterNotice(facts(kind));
    expect(subject).toMatch(/^\[LAPOR!\] LPR-7K3M-9Q2X: /);
    expect(email).toContain(deadline);
    expect(email).toMatch(kind === 'RESOLVED' ? /dianggap diterima dan laporan ditutup/ : /laporan diarsipkan/);
    expect(email).toContain('Judul: KTP-el belum dicetak');
    expect(email).toContain(`Lihat: ${URL_BASE}/LPR-7K3M-9Q2X`);
  });

  it.each<NoticeKind>(['CLARIFICATION_REQUESTED', 'FOLLOWED_UP', 'RESOLVED', 'CLOSED_BY_REPORTER', 'CLOSED_AUTOMATICALLY', 'ARCHIVED_BY_VERIFIER', 'ARCHIVED_AUTOMATICALLY'])(
    'a confidential complaint\'s %s names the tracking ID only: no title, question or officer text',
    (kind) => {
      const rendered = renderReporterNotice(facts(kind, { confidential: true }));
      const all = `${rendered.subject}\n${rendered.email}\n${rendered.sms}`;
      expect(all).toContain('LPR-7K3M-9Q2X');
      for (const content of ['KTP-el belum dicetak', 'kecamatan', 'Blangko']) expect(all).not.toContain(content);
    },
  );

  it.each<[NoticeKind, 'id' | 'en']>([
    ['CLARIFICATION_REQUESTED', 'id'],
    ['RESOLVED', 'id'],
    ['CLARIFICATION_REQUESTED', 'en'],
    ['RESOLVED', 'en'],
  ])('%s (%s) never shows a UTC instant', (kind, locale) => {
    const rendered = renderReporterNotice(facts(kind), locale);
    const all = `${rendered.email}\n${rendered.sms}`;
    expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}T|\bUTC\b|\bGMT\b|\d{2}:\d{2}(:\d{2})?(\.\d+)?Z\b|08[.:]04/);
  });

  it('speaks English as the second locale', () => {
    const rendered = renderReporterNotice(facts('RESOLVED'), 'en');
    expect(rendered.sms).toContain('Accept/dispute by 7 Dec 2026 15:04 WIB.');
    expect(rendered.email).toContain('Accept or dispute by Monday 7 December 2026, 15:04 WIB.');
    expect(rendered.email).toContain('From the agency:\nBlangko tersedia; pencetakan dijadwalkan Senin.');
  });

  it('never mentions an access code value, only where to use it', () => {
    const { email, sms } = renderReporterNotice(facts('CLARIFICATION_REQUESTED'));
    expect(email).toMatch(/kode akses dari tanda terima/);
    expect(sms).not.toMatch(/kode akses/i);
  });
});

describe('reporter notices: which one an event is', () => {
  it.each<[Parameters<typeof noticeKindOf>[0], Record<string, unknown>, NoticeKind]>([
    ['CLARIFICATION_REQUESTED', { question: 'q' }, 'CLARIFICATION_REQUESTED'],
    ['FOLLOWED_UP', { text: 't' }, 'FOLLOWED_UP'],
    ['RESOLVED', { answer: 'a' }, 'RESOLVED'],
    ['CLOSED', { rating: 5, comment: null }, 'CLOSED_BY_REPORTER'],
    ['CLOSED', { acceptedBy: 'FEEDBACK_TIMEOUT' }, 'CLOSED_AUTOMATICALLY'],
    ['ARCHIVED', { reason: 'SPAM', note: null }, 'ARCHIVED_BY_VERIFIER'],
    ['ARCHIVED', { reason: 'NO_CLARIFICATION' }, 'ARCHIVED_AUTOMATICALLY'],
  ])('%s with %j is %s', (event, detail, kind) => {
    expect(noticeKindOf(event, detail)).toBe(kind);
  });
});

describe(smsSegments.name, () => {
  it.each([
    ['empty', '', 1],
    ['160 GSM-7 characters', 'a'.repeat(160), 1],
    ['161 GSM-7 characters', 'a'.repeat(161), 2],
    ['306 GSM-7 characters', 'a'.repeat(306), 2],
    ['307 GSM-7 characters', 'a'.repeat(307), 3],
    ['extension characters count twice', '€'.repeat(80), 1],
    ['81 extension characters', '€'.repeat(81), 2],
    ['70 UCS-2 characters', `${'a'.repeat(69)}…`, 1],
    ['71 UCS-2 characters', `${'a'.repeat(70)}…`, 2],
    ['135 UCS-2 characters', `${'a'.repeat(134)}’`, 3],
  ])('%s', (_, text, segments) => {
    expect(smsSegments(text as string)).toBe(segments);
  });
});

describe(localDateTime.name, () => {
  it.each([
    ['Asia/Jakarta', 'id', 'long', 'Senin, 7 Desember 2026 pukul 15.04 WIB'],
    ['Asia/Makassar', 'id', 'short', '7 Des 2026 16.04 WITA'],
    ['Asia/Jayapura', 'en', 'short', '7 Dec 2026 17:04 WIT'],
    // Past midnight in WIT: the local date moves on.
    ['Asia/Jayapura', 'id', 'long', 'Selasa, 8 Desember 2026 pukul 00.30 WIT', '2026-12-07T15:30:00Z'],
  ])('%s, %s, %s: %s', (zone, locale, form, expected, instant = '2026-12-07T08:04:37.000Z') => {
    expect(localDateTime(instant, zone, locale as 'id' | 'en', form as 'long' | 'short')).toBe(expected);
  });

  it('refuses a zone that is none of WIB, WITA, WIT', () => {
    expect(() => localDateTime('2026-12-07T08:04:37Z', 'Europe/Amsterdam', 'id', 'short')).toThrow(/WIB, WITA, WIT/);
  });
});
