// What published complaint text may not carry: people type their phone numbers, e-mail addresses, NIK
// and links into titles, descriptions and SMS. The public list and Open311 show the text with these
// hidden; officers read the original. Indonesian formats: +62 / 62 / 0 prefixes, area codes in brackets,
// digits grouped with spaces, dots or dashes.

export const HIDDEN = '[disembunyikan]';

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Links: with a scheme, starting www., or a bare domain followed by a path. */
const LINK = /\b(?:https?:\/\/|www\.)[^\s]+?(?=[.,;:!?)\]]*(?:\s|$))|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/[^\s]*?(?=[.,;:!?)\]]*(?:\s|$))/gi;
/** Bare domains without a path, for the endings links in complaints use. */
const BARE_DOMAIN = /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|id|ly|me|io|app|xyz)\b/gi;
/** A number that starts like an Indonesian phone number, digits possibly grouped; kept unless it has 9 to 15 digits. */
const PHONE_LIKE = /(?:\+62|\(0\d{1,3}\)|\b(?:62|0)\d)(?:[\s.-]?\d)+/g;
/** NIK (16 digits, possibly in groups of four) and other long numbers: bank accounts, family card numbers. */
const NIK_GROUPED = /\b\d{4}([ .-])\d{4}\1\d{4}\1\d{4}\b/g;
const LONG_NUMBER = /\b\d{10,}\b/g;

const digitCount = (text: string) => text.replace(/\D/g, '').length;

/** `text` with phone numbers, e-mail addresses, NIK-like and other long numbers, and links replaced by HIDDEN. */
export function scrubPublicText(text: string): string {
  return text
    .replace(EMAIL, HIDDEN)
    .replace(LINK, HIDDEN)
    .replace(BARE_DOMAIN, HIDDEN)
    .replace(NIK_GROUPED, HIDDEN)
    .replace(PHONE_LIKE, (match) => (digitCount(match) >= 9 && digitCount(match) <= 15 ? HIDDEN : match))
    .replace(LONG_NUMBER, HIDDEN);
}
