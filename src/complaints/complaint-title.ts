/** Longest title an intake derives from free text (a complaint title may be up to 200 characters). */
const DERIVED_TITLE_LENGTH = 120;

/** For intakes that bring only free text (SMS, Open311): its start, on one line, cut by characters not bytes. */
export function titleFrom(text: string): string {
  return Array.from(text.replace(/\s+/g, ' ').trim()).slice(0, DERIVED_TITLE_LENGTH).join('').trimEnd();
}
