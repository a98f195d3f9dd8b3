// How each transition the workflow records reads for an auditor (from what projectTransition answered).
// Every event type of the lifecycle's vocabulary must be worded here.
import type { EventType } from '../../../workflows/messages.js';
import { message, type Message } from '../../i18n/messages.js';
import { deadlineOf, deadlineOfStage, type Fields, joined, listFields, optional, text, type Words } from './wording.js';

const rungs = (ladder: unknown): Words =>
  Array.isArray(ladder) && ladder.length
    ? message('history.transition.ladder', { rungs: joined(ladder.map((r: { level?: unknown; at?: unknown }) => message('history.transition.rung', { level: text(r.level), at: text(r.at) }))) })
    : '';

function breached(d: Fields): Message {
  return message('history.transition.DEADLINE_BREACHED', {
    deadline: deadlineOf(d.stage, d.agencyId),
    dueAt: text(d.dueAt),
    noticed: d.firedAt ? message('history.transition.noticed', { at: text(d.firedAt) }) : '',
    owner: d.owner ? message('history.transition.owner', { owner: text(d.owner) }) : '',
    why: d.rule ? message('history.transition.why', { rule: text(d.rule), startAt: text(d.startAt), timeZone: text(d.timeZone), skipped: text(d.skipped) }) : '',
    ladder: rungs(d.ladder),
  });
}

function escalated(d: Fields): Message {
  return message('history.transition.ESCALATED', {
    level: text(d.level),
    deadline: deadlineOf(d.stage, d.agencyId),
    receiver: text(d.receiverRole),
    agency: d.agencyId ? message('history.ofAgency', { agency: text(d.agencyId) }) : '',
    missed: d.dueAt ? message('history.transition.missed', { dueAt: text(d.dueAt) }) : '',
    instead: d.reroutedFrom ? message('history.transition.insteadOf', { role: text(d.reroutedFrom) }) : '',
  });
}

function retimed(d: Fields): Message {
  const changes = Array.isArray(d.changes) ? (d.changes as Fields[]) : [];
  if (changes.length === 0) return message('history.transition.DEADLINES_RETIMED.none');
  return message('history.transition.DEADLINES_RETIMED', { changes: joined(changes.map((c) => message('history.transition.change', { stage: text(c.stage), from: text(c.from), to: text(c.to) }))) });
}

export const TRANSITION_TEXT: Record<EventType, (d: Fields) => Message> = {
  SUBMITTED: (d) => message('history.transition.SUBMITTED', { channel: text(d.channel), classification: text(d.classification) }),
  VERIFIED: (d) => message('history.transition.VERIFIED', { agency: text(d.agencyId), complexity: text(d.complexity) }),
  CLARIFICATION_REQUESTED: () => message('history.transition.CLARIFICATION_REQUESTED'),
  CLARIFICATION_PROVIDED: () => message('history.transition.CLARIFICATION_PROVIDED'),
  ARCHIVED: (d) => (d.reason === 'NO_CLARIFICATION' ? message('history.transition.ended', { ending: message('ending.NO_CLARIFICATION') }) : message('history.transition.ARCHIVED', { reason: text(d.reason) })),
  ASSIGNED: (d) => message('history.transition.ASSIGNED', { liaison: text(d.liaisonId) }),
  REDIRECTED: (d) => message('history.transition.REDIRECTED', { from: text(d.fromAgencyId), to: text(d.toAgencyId), redirects: text(d.redirects) }),
  FOLLOWED_UP: () => message('history.transition.FOLLOWED_UP'),
  RESOLVED: () => message('history.transition.RESOLVED'),
  CLOSED: (d) => (d.acceptedBy === 'FEEDBACK_TIMEOUT' ? message('history.transition.ended', { ending: message('ending.FEEDBACK_TIMEOUT') }) : message('history.transition.CLOSED', { rating: text(d.rating) })),
  DISPUTED: (d) => message('history.transition.DISPUTED', { disputes: text(d.disputes) }),
  DEADLINE_EXTENDED: (d) =>
    message('history.transition.DEADLINE_EXTENDED', { deadline: deadlineOfStage(d.stage), from: text(d.previousDueAt), to: text(d.dueAt), approvedBy: text(d.approvedBy) }),
  DEADLINE_BREACHED: breached,
  ESCALATED: escalated,
  ESCALATION_ACKNOWLEDGED: (d) => message('history.transition.ESCALATION_ACKNOWLEDGED', { level: text(d.level), stage: text(d.stage), key: text(d.escalationKey) }),
  DEADLINES_RETIMED: retimed,
};

/** A transition as a clause; an unknown type (a newer worker's) is listed as it is. */
export function transitionText(type: unknown, detail: Fields): Words {
  const describe = TRANSITION_TEXT[type as EventType];
  return describe ? describe(detail) : message('history.transition.unknown', { type: text(type), fields: optional('history.parenthesis', listFields(detail)) });
}
