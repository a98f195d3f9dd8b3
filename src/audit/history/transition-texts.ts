// How each transition the workflow records reads for an auditor (from what projectTransition answered).
// Every event type of the lifecycle's vocabulary must be worded here.
import { AUTOMATIC_ENDINGS, type EventType } from '../../../workflows/messages.js';
import { deadlineOf, type Fields, listFields, text } from './wording.js';

const rungs = (ladder: unknown): string =>
  Array.isArray(ladder) && ladder.length
    ? `; its ladder: ${ladder.map((r: { level?: unknown; at?: unknown }) => `level ${text(r.level)} at ${text(r.at)}`).join(', ')}`
    : '';

export const TRANSITION_TEXT: Record<EventType, (d: Fields) => string> = {
  SUBMITTED: (d) => `the complaint was recorded as submitted (channel ${text(d.channel)}, classification ${text(d.classification)})`,
  VERIFIED: (d) => `the complaint was verified and disposed to ${text(d.agencyId)} (complexity ${text(d.complexity)})`,
  CLARIFICATION_REQUESTED: () => "the reporter was asked for details; the officers' clocks paused",
  CLARIFICATION_PROVIDED: () => "the reporter gave the details; the paused clocks resumed with their time given back",
  ARCHIVED: (d) => (d.reason === 'NO_CLARIFICATION' ? `the complaint was ${AUTOMATIC_ENDINGS.NO_CLARIFICATION}` : `the complaint was archived (${text(d.reason)})`),
  ASSIGNED: (d) => `liaison officer ${text(d.liaisonId)} was assigned`,
  REDIRECTED: (d) => `the complaint was redirected from ${text(d.fromAgencyId)} to ${text(d.toAgencyId)} (redirect ${text(d.redirects)})`,
  FOLLOWED_UP: () => 'a follow-up was recorded',
  RESOLVED: () => "the final answer was given; the reporter's feedback clock started",
  CLOSED: (d) => (d.acceptedBy === 'FEEDBACK_TIMEOUT' ? `the complaint was ${AUTOMATIC_ENDINGS.FEEDBACK_TIMEOUT}` : `the complaint closed: the reporter accepted (rating ${text(d.rating)})`),
  DISPUTED: (d) => `the reporter disputed the answer (dispute ${text(d.disputes)}); a new resolution clock started`,
  DEADLINE_EXTENDED: (d) => `${deadlineOf(d.stage, null).replace(' (national)', '')} moved from ${text(d.previousDueAt)} to ${text(d.dueAt)}, approved by ${text(d.approvedBy)}`,
  DEADLINE_BREACHED: (d) =>
    `${deadlineOf(d.stage, d.agencyId)} was breached: due ${text(d.dueAt)}${d.firedAt ? `, noticed ${text(d.firedAt)}` : ''}` +
    `${d.owner ? `; ${text(d.owner)} had to act` : ''}${d.rule ? `; why that instant: ${text(d.rule)} from ${text(d.startAt)} in ${text(d.timeZone)}, ${text(d.skipped)} day(s) skipped` : ''}${rungs(d.ladder)}`,
  ESCALATED: (d) =>
    `escalation level ${text(d.level)} of ${deadlineOf(d.stage, d.agencyId)} went to ${text(d.receiverRole)}${d.agencyId ? ` of ${text(d.agencyId)}` : ''}` +
    `${d.dueAt ? ` (missed deadline ${text(d.dueAt)})` : ''}${d.reroutedFrom ? `, instead of ${text(d.reroutedFrom)}` : ''}`,
  ESCALATION_ACKNOWLEDGED: (d) => `escalation level ${text(d.level)} of the ${text(d.stage)} stage was acknowledged (${text(d.escalationKey)})`,
  DEADLINES_RETIMED: (d) =>
    `the running deadlines were re-timed${Array.isArray(d.changes) && d.changes.length ? `: ${d.changes.map((c: Fields) => `${text(c.stage)} ${text(c.from)} → ${text(c.to)}`).join(', ')}` : ' (nothing moved)'}`,
};

/** A transition as a clause; an unknown type (a newer worker's) is listed as it is. */
export function transitionText(type: unknown, detail: Fields): string {
  const describe = TRANSITION_TEXT[type as EventType];
  return describe ? describe(detail) : `${text(type)} (${listFields(detail)})`;
}
