// Why a deadline falls where it does, in the reader's language: worded from the explanation's data
// (`basis`, skipped days' `causes`, pauses' `left`). Explanations made before that data was kept carry
// only the workflow's English sentences: those are shown as written.
import {
  automaticEnding,
  type ComplaintStatus,
  type DayOffCause,
  type DeadlineExplanation,
  type DeadlineExtension,
  type DeadlineRemark,
  type DeadlineRule,
  type PauseCredit,
  type RunningDeadline,
} from '../../workflows/messages.js';
import { message, render, type Locale, type Message } from './messages.js';

/** Officers read who approved an extension and why the calendar fell back; the reporter reads neither. */
export type Audience = 'officer' | 'reporter';

export function ruleMessage(rule: DeadlineRule): Message {
  if ('duration' in rule) return message('deadline.rule.duration', { duration: rule.duration });
  return message(rule.workingDays === 1 ? 'deadline.rule.workingDay' : 'deadline.rule.workingDays', { days: rule.workingDays });
}

/** "3 working days, then 1 working day": each part of a chain after the one before it. */
export function chainMessage(parts: (Message | string)[]): Message | string {
  if (parts.length === 0) return '';
  return parts.slice(1).reduce<Message | string>((first, next) => message('deadline.then', { first, next }), parts[0]);
}

/** The rule and its extensions in the reader's words; as written when the explanation kept no data. */
export function explainedRule(x: DeadlineExplanation, audience: Audience = 'officer'): Message | string {
  if (!x.basis) return x.rule;
  return chainMessage([ruleMessage(x.basis.rule), ...x.basis.extensions.map((e) => extensionMessage(e, audience))]);
}

function extensionMessage(extension: DeadlineExtension, audience: Audience): Message {
  const rule = ruleMessage(extension);
  if (extension.approvedBy === undefined || extension.reason === undefined) return message('deadline.extension.cited', { rule, source: extension.source });
  return audience === 'officer'
    ? message('deadline.extension', { rule, approvedBy: extension.approvedBy, reason: extension.reason })
    : message('deadline.extension.reporter', { rule, reason: extension.reason });
}

function causeMessage(cause: DayOffCause): Message {
  switch (cause.kind) {
    case 'SATURDAY':
    case 'SUNDAY':
      return message(`deadline.day.${cause.kind}`);
    case 'AGENCY_DAY_OFF':
      return message('deadline.day.AGENCY_DAY_OFF', { reason: cause.reason });
    default: {
      const decrees = cause.decrees.join('; ');
      return message(`deadline.day.${cause.kind}`, { name: cause.name, decrees: cause.provisional ? message('deadline.day.provisionalDecrees', { decrees }) : decrees });
    }
  }
}

function pauseMessage(pause: PauseCredit & { left: DeadlineRule[] }): Message {
  if (pause.left.length === 0) return message('deadline.pause.afterDeadline', { from: pause.from, to: pause.to });
  return message('deadline.pause', { from: pause.from, to: pause.to, remained: chainMessage(pause.left.map(ruleMessage)) });
}

function remarkMessage(remark: DeadlineRemark): Message | string {
  switch (remark.kind) {
    case 'RETIMED':
      return message('deadline.remark.retimed', { at: remark.at, reason: remark.reason });
    case 'NATIONAL_CALENDAR_INSTEAD':
      return message('deadline.remark.nationalCalendar', { stage: remark.stage, agency: remark.agencyId, error: remark.error });
    case 'PROVISIONAL_YEAR':
      return message(remark.dataLoaded ? 'deadline.remark.provisionalYear' : 'deadline.remark.noCalendarData', { year: remark.year });
    case 'NOTE':
      return remark.text;
  }
}

/** What the reporter is not told: the operator's side of a fallback, notes kept before remarks were data. */
const OFFICERS_ONLY: DeadlineRemark['kind'][] = ['NATIONAL_CALENDAR_INSTEAD', 'NOTE'];

/** The explanation with its sentences in `locale`, and the whole of it as one `summary`. */
export interface WordedExplanation extends DeadlineExplanation {
  summary: string;
}

export function wordExplanation(x: DeadlineExplanation, locale: Locale, audience: Audience = 'officer'): WordedExplanation {
  const say = (text: Message | string) => render(text, locale);
  const basis = x.basis;
  if (!basis) {
    // Made before the explanation kept its data: the workflow's own sentences, as written.
    const notes = audience === 'officer' ? x.notes : [];
    return { ...x, summary: say(summaryMessage(x, x.rule, x.skipped, notes, locale)) };
  }
  const rule = say(explainedRule(x, audience));
  const skipped = x.skipped.map((day) => ({ ...day, reason: (day.causes ?? []).map((c) => say(causeMessage(c))).join('; ') || day.reason }));
  const pauses = x.pauses?.map((p) => ({ ...p, remained: say(chainMessage((p.left ?? []).map(ruleMessage))) || say(message('deadline.pause.nothingLeft')) }));
  const remarks = basis.remarks.filter((r) => audience === 'officer' || !OFFICERS_ONLY.includes(r.kind));
  const notes = [...(x.pauses ?? []).map((p) => say(pauseMessage({ ...p, left: p.left ?? [] }))), ...remarks.map((r) => say(remarkMessage(r)))];
  const worded = { ...x, rule, skipped, ...(pauses ? { pauses } : {}), notes };
  return { ...worded, summary: say(summaryMessage(x, rule, skipped, notes, locale)) };
}

/** "Due …: rule, counted from … (zone). Not counted: …. notes." */
function summaryMessage(x: DeadlineExplanation, rule: string, skipped: { date: string; reason: string }[], notes: string[], locale: Locale): Message {
  const skippedDays = skipped.map((day) => render(message('deadline.skippedDay', { date: day.date, reason: day.reason }), locale));
  return message('deadline.summary', {
    dueAt: x.dueAt,
    rule,
    startAt: x.startAt,
    timeZone: x.timeZone,
    skipped: skippedDays.length ? message('deadline.summary.skipped', { days: skippedDays.join(', ') }) : '',
    notes: notes.length ? ` ${notes.join('. ')}.` : '',
  });
}

export interface WordedDeadline extends RunningDeadline {
  explanation: WordedExplanation;
}

export interface WordedStatus extends ComplaintStatus {
  deadlines: WordedDeadline[];
}

/** The workflow's status with every deadline explained, and how the case ended on its own, in `locale`. */
export function wordStatus(status: ComplaintStatus, locale: Locale, audience: Audience = 'officer'): WordedStatus {
  const ending = automaticEnding(status.facts);
  return {
    ...status,
    deadlines: status.deadlines.map((d) => ({ ...d, explanation: wordExplanation(d.explanation, locale, audience) })),
    endedAutomatically: ending ? render(message(`ending.${ending}`), locale) : status.endedAutomatically,
  };
}
