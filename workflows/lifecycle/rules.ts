// Which actions each state allows and what input each accepts: checked synchronously, with no I/O,
// before an Update enters history (and again inside the handler, in case the case moved meanwhile).
import { isoDurationMs } from './clocks.js';
import { firstUnacceptableField } from './storable-text.js';
import type { AcknowledgeEscalationInput, ActionInputs, CaseSnapshot, ExtendDeadlineInput, IllegalTransitionDetails, RefusalKey, RefusalWording, SlaPolicyVersion } from './types.js';
import { ILLEGAL_TRANSITION, INVALID_ACTION, REPORTER_STAGES, TERMINAL_STATES, type ComplaintAction, type ComplaintState } from './vocabulary.js';

/** Which actions each state allows; validation, handlers and the status all read it. */
export const ALLOWED_ACTIONS: Record<ComplaintState, ComplaintAction[]> = {
  SUBMITTED: ['verify', 'request-clarification', 'archive', 'extend-deadline', 'acknowledge-escalation'],
  AWAITING_CLARIFICATION: ['provide-clarification', 'archive', 'acknowledge-escalation'],
  DISPOSED: ['assign', 'redirect', 'request-clarification', 'extend-deadline', 'acknowledge-escalation'],
  IN_PROGRESS: ['follow-up', 'resolve', 'redirect', 'request-clarification', 'extend-deadline', 'acknowledge-escalation'],
  AWAITING_FEEDBACK: ['accept', 'dispute', 'acknowledge-escalation'],
  CLOSED: ['acknowledge-escalation'],
  ARCHIVED: ['acknowledge-escalation'],
};

/**
 * A refusal of an action, before it enters history (the shell turns it into an ApplicationFailure):
 * `message` in English for the history and logs, `wording` for the API to say it in the caller's language.
 */
export class CaseRefusal extends Error {
  constructor(
    readonly type: typeof ILLEGAL_TRANSITION | typeof INVALID_ACTION,
    message: string,
    readonly details?: IllegalTransitionDetails,
    readonly wording?: RefusalWording,
  ) {
    super(message);
    this.name = 'CaseRefusal';
  }
}

const invalid = (message: string, key: RefusalKey, params: Record<string, string | number> = {}): never => {
  throw new CaseRefusal(INVALID_ACTION, message, undefined, { key, params });
};

function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') invalid(`${field} is required`, 'validation.required', { field });
}

/** Refuses `action` with `input` in the case as it stands, or returns. */
export function validateAction<A extends ComplaintAction>(s: CaseSnapshot, policy: SlaPolicyVersion, action: A, input: ActionInputs[A]): void {
  assertAllowed(s.state, action);
  if (!input?.actor?.id || !input.actor.role) invalid(`${action} needs actor.id and actor.role`, 'action.actorRequired', { action });
  assertStorable(input);
  const i = input as Partial<ActionInputs[ComplaintAction]> & Record<string, unknown>;
  switch (action) {
    case 'verify':
      return requireText(i.agencyId, 'agencyId');
    case 'redirect':
      requireText(i.toAgencyId, 'toAgencyId');
      requireText(i.reason, 'reason');
      if (i.toAgencyId === s.agencyId) invalid(`toAgencyId: the complaint is already with ${s.agencyId}`, 'action.sameAgency', { agency: String(s.agencyId) });
      return;
    case 'assign':
      return requireText(i.liaisonId, 'liaisonId');
    case 'accept':
      if (!Number.isInteger(i.rating) || (i.rating as number) < 1 || (i.rating as number) > 5) invalid('rating must be a whole number from 1 to 5', 'action.rating');
      return;
    case 'extend-deadline':
      return validateExtension(s, policy, input as ExtendDeadlineInput);
    case 'acknowledge-escalation':
      return validateAcknowledgement(s, input as AcknowledgeEscalationInput);
    default:
      return;
  }
}

export function assertAllowed(state: ComplaintState, action: ComplaintAction): void {
  if (ALLOWED_ACTIONS[state].includes(action)) return;
  const details: IllegalTransitionDetails = { action, state, allowedActions: ALLOWED_ACTIONS[state] };
  const allowed = details.allowedActions.length ? details.allowedActions.join(', ') : 'none';
  throw new CaseRefusal(ILLEGAL_TRANSITION, `cannot ${action}: complaint is ${state}; allowed actions: ${allowed}`, details);
}

/** Refuses input holding text PostgreSQL cannot store, or nested too deep: it would wedge a projection. */
export function assertStorable(input: unknown): void {
  const found = firstUnacceptableField(input);
  if (found) invalid(`${found.field}: ${found.problem}`, found.wording.key, found.wording.params);
}

/** For administrative Updates that any open case accepts. */
export function assertOpen(state: ComplaintState): void {
  if (TERMINAL_STATES.includes(state)) {
    throw new CaseRefusal(ILLEGAL_TRANSITION, `complaint is ${state}; its deadlines are no longer running`, undefined, { key: 'conflict.deadlinesStopped', params: { state } });
  }
}

function validateExtension(s: CaseSnapshot, policy: SlaPolicyVersion, { stage, extra, reason, approvedBy }: ExtendDeadlineInput): void {
  requireText(reason, 'reason');
  requireText(approvedBy, 'approvedBy');
  const clock = s.clocks.find((c) => c.stage === stage);
  if (!clock || REPORTER_STAGES.includes(stage)) return invalid(`stage: no ${String(stage)} deadline is running`, 'action.stageNotRunning', { stage: String(stage) });
  const cap = policy.extension;
  if (clock.extensions.length >= cap.maxPerStage) {
    invalid(`stage: ${stage} was already extended ${clock.extensions.length} time(s); the policy allows ${cap.maxPerStage}`, 'action.extendedTooOften', {
      stage,
      count: clock.extensions.length,
      max: cap.maxPerStage,
    });
  }
  if (extra && 'workingDays' in extra) {
    if (!Number.isInteger(extra.workingDays) || extra.workingDays < 1 || extra.workingDays > cap.maxWorkingDays) {
      invalid(`extra.workingDays must be from 1 to ${cap.maxWorkingDays} (policy cap)`, 'action.extraWorkingDays', { max: cap.maxWorkingDays });
    }
  } else if (extra && 'duration' in extra) {
    const ms = isoDurationMs(extra.duration);
    if (!(ms > 0) || ms > isoDurationMs(cap.maxDuration)) invalid(`extra.duration must be a positive ISO-8601 duration up to ${cap.maxDuration} (policy cap)`, 'action.extraDuration', { max: cap.maxDuration });
  } else {
    invalid('extra must give workingDays or duration', 'action.extraMissing');
  }
}

function validateAcknowledgement(s: CaseSnapshot, { escalationKey, actor }: AcknowledgeEscalationInput): void {
  const escalation = s.escalations.find((e) => e.key === escalationKey);
  if (!escalation) return invalid(`escalationKey: no escalation ${String(escalationKey)} on this complaint`, 'action.noEscalation', { key: String(escalationKey) });
  if (escalation.acknowledgedAt) invalid(`escalation ${escalation.key} was already acknowledged by ${escalation.acknowledgedBy}`, 'action.alreadyAcknowledged', { key: escalation.key, by: String(escalation.acknowledgedBy) });
  if (escalation.receiverRole !== actor.role) invalid(`escalationKey: escalation ${escalation.key} is addressed to ${escalation.receiverRole}, not ${actor.role}`, 'action.escalationForOtherRole', {
      key: escalation.key,
      receiver: escalation.receiverRole,
      role: actor.role,
    });
}
