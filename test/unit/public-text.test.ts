import { HIDDEN, scrubPublicText } from '../../src/publication/public-text.js';

describe('scrubPublicText: contact data never reaches published text', () => {
  it.each([
    ['mobile, international', 'hubungi +6281234567890 segera', `hubungi ${HIDDEN} segera`],
    ['mobile, international with spaces', 'WA +62 812 3456 7890.', `WA ${HIDDEN}.`],
    ['mobile, international with dashes', 'tel +62-812-3456-7890', `tel ${HIDDEN}`],
    ['mobile, 62 without plus', 'nomor 6281234567890', `nomor ${HIDDEN}`],
    ['mobile, national', 'hp 081234567890', `hp ${HIDDEN}`],
    ['mobile, national grouped', 'hp 0812-3456-7890', `hp ${HIDDEN}`],
    ['mobile, national with dots', 'hp 0812.3456.7890', `hp ${HIDDEN}`],
    ['mobile, national with spaces', 'hp 0812 3456 789', `hp ${HIDDEN}`],
    ['landline with area code', 'kantor (021) 5551234 tutup', `kantor ${HIDDEN} tutup`],
    ['landline with dash', 'telp 0251-8321-123', `telp ${HIDDEN}`],
    ['e-mail', 'kirim ke siti.rahma@example.co.id ya', `kirim ke ${HIDDEN} ya`],
    ['NIK', 'NIK 3273012345678901', `NIK ${HIDDEN}`],
    ['NIK grouped', 'NIK 3273 0123 4567 8901', `NIK ${HIDDEN}`],
    ['http link', 'bukti https://bit.ly/xyz?a=1 di sini', `bukti ${HIDDEN} di sini`],
    ['www link', 'lihat www.contoh.id/halaman', `lihat ${HIDDEN}`],
    ['bare short link', 'lihat bit.ly/abc123', `lihat ${HIDDEN}`],
    ['bank account number', 'transfer ke rekening 1234567890123', `transfer ke rekening ${HIDDEN}`],
  ])('hides a %s', (_, input, expected) => {
    expect(scrubPublicText(input)).toBe(expected);
  });

  it.each([
    ['dates and years', 'Sejak 2 Agustus 2026, sudah 3 bulan'],
    ['amounts', 'dipungut Rp 500.000 dan Rp 1.500.000'],
    ['large amounts', 'anggaran Rp 1.500.000.000 tidak jelas'],
    ['addresses', 'Jl. Sudirman No. 12 RT 05/RW 03, Kota Bandung'],
    ['times', 'antre dari 07.30 sampai 15.00 WIB'],
    ['short numbers', 'loket 3, nomor antrean 125'],
    ['a dotted abbreviation', 'di Kab. Bogor, dsb.'],
  ])('keeps %s', (_, input) => {
    expect(scrubPublicText(input)).toBe(input);
  });

  it('hides several items in one text and keeps the rest readable', () => {
    expect(scrubPublicText('Pungli, hubungi 0812-3456-7890 atau siti@example.id')).toBe(`Pungli, hubungi ${HIDDEN} atau ${HIDDEN}`);
  });
});
