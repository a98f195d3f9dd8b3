// What each activity was asked (visible for activities scheduled on the task queue) and what it
// answered (local activities record only their answer). One entry per activity of the worker.
import type { createActivities } from '../../../activities/index.js';
import type { DeadlineExplanation } from '../../../workflows/messages.js';
import { chainMessage, explainedRule } from '../../i18n/deadline-explanation.js';
import { message, type Message } from '../../i18n/messages.js';
import { transitionText } from './transition-texts.js';
import { asFields, deadlineOf, deadlineOfStage, type Fields, ruleText, text, type Words } from './wording.js';

export interface Described {
  clause?: Words;
  detail: Fields;
}

type ActivityName = keyof ReturnType<typeof createActivities>;

interface ActivityWording {
  /** What it does, when neither its input nor its answer is in the history. */
  effect: Message;
  input(i: Fields): Described;
  result(r: Fields | undefined, raw: unknown): Described | undefined;
}

function plannedDeadline(r: Fields | undefined): Described | undefined {
  const explanation = asFields(r?.explanation);
  if (!explanation) return undefined;
  const skipped = Array.isArray(explanation.skipped) ? explanation.skipped : [];
  const pauses = Array.isArray(explanation.pauses) ? explanation.pauses.length : 0;
  const rule = typeof explanation.rule === 'string' ? explainedRule(explanation as unknown as DeadlineExplanation) : text(explanation.rule);
  return {
    clause: message('history.planned', {
      which: r?.stage ? message('history.planned.clock', { deadline: deadlineOfStage(r.stage), clockId: text(r.clockId) }) : message('history.planned.deadline'),
      dueAt: text(explanation.dueAt),
      rule,
      startAt: text(explanation.startAt),
      timeZone: text(explanation.timeZone),
      skipped: skipped.length,
      pauses: pauses ? message('history.planned.pauses', { count: pauses }) : '',
      provisional: explanation.provisional ? message('history.planned.provisional') : '',
      remind: r?.remindAt ? message('history.planned.remind', { at: text(r.remindAt) }) : '',
    }),
    detail: {
      ...(r?.stage ? { stage: r.stage, clockId: r.clockId ?? null } : {}),
      dueAt: explanation.dueAt ?? null,
      remindAt: r?.remindAt ?? null,
      startAt: explanation.startAt ?? null,
      rule: explanation.rule ?? null,
      source: explanation.source ?? null,
      timeZone: explanation.timeZone ?? null,
      skipped,
      notes: explanation.notes ?? [],
      ...(explanation.pauses ? { pauses: explanation.pauses } : {}),
      ...(explanation.provisional ? { provisional: true } : {}),
      ...(r?.rungs ? { escalationRungs: r.rungs } : {}),
      // The explanation as data (when the run kept it), so a reader can word it in its own language.
      ...(explanation.basis ? { basis: explanation.basis } : {}),
    },
  };
}

function notice(n: Fields, kind: 'reminder' | 'escalation'): Described {
  const agency = n.agencyId ? message('history.ofAgency', { agency: text(n.agencyId) }) : '';
  const detail = {
    key: n.key ?? null,
    stage: n.stage ?? null,
    level: n.level ?? null,
    receiverRole: n.receiverRole ?? null,
    agencyId: n.agencyId ?? null,
    dueAt: n.dueAt ?? null,
    ...(n.firedAt ? { firedAt: n.firedAt } : {}),
    ...(n.reroutedFrom ? { reroutedFrom: n.reroutedFrom } : {}),
  };
  const deadline = deadlineOf(n.stage, n.agencyId);
  if (kind === 'reminder') return { clause: message('history.notice.reminder', { receiver: text(n.receiverRole), agency, deadline, dueAt: text(n.dueAt) }), detail };
  const rerouted = n.reroutedFrom ? message('history.notice.insteadOf', { role: text(n.reroutedFrom) }) : '';
  return { clause: message('history.notice.escalation', { level: text(n.level), deadline, dueAt: text(n.dueAt), receiver: text(n.receiverRole), agency, rerouted }), detail };
}

export const ACTIVITY_WORDING: Record<ActivityName, ActivityWording> = {
  planDeadline: {
    effect: message('history.effect.planDeadline'),
    input: (i) => ({
      clause: message('history.input.planDeadline', {
        deadline: i.stage ? deadlineOf(i.stage, i.agencyId) : message('history.aDeadline'),
        rule: ruleText(i.rule),
        startAt: text(i.startAt),
        calendar: i.agencyId ? message('history.calendarOf', { agency: text(i.agencyId) }) : message('history.nationalCalendar'),
      }),
      detail: { startAt: i.startAt ?? null, rule: i.rule ?? null, agencyId: i.agencyId ?? null, ...(i.stage ? { stage: i.stage } : {}) },
    }),
    result: plannedDeadline,
  },
  remainingAfterPause: {
    effect: message('history.effect.remainingAfterPause'),
    input: (i) => ({
      clause: message('history.input.remainingAfterPause', { rule: ruleText(i.rule), pausedAt: text(i.pausedAt) }),
      detail: { startAt: i.startAt ?? null, rule: i.rule ?? null, pausedAt: i.pausedAt ?? null, agencyId: i.agencyId ?? null },
    }),
    result: (_r, raw) => ({ clause: message('history.result.remainingAfterPause', { rules: chainMessage((Array.isArray(raw) ? raw : [raw]).map(ruleText)) }), detail: { remaining: raw } }),
  },
  projectTransition: {
    effect: message('history.effect.projectTransition'),
    input: (i) => {
      const actor = asFields(i.actor);
      return {
        clause: message('history.input.projectTransition', {
          type: text(i.type),
          by: actor ? message('history.byActor', { role: text(actor.role), id: text(actor.id) }) : '',
          status: text(i.status),
        }),
        detail: { seq: i.seq ?? null, transition: i.type ?? null, status: i.status ?? null, agencyId: i.agencyId ?? null, actor: actor ?? null, transitionDetail: i.detail ?? null },
      };
    },
    result: (r) =>
      r && 'type' in r
        ? {
            clause: message('history.result.projectTransition', { transition: transitionText(r.type, asFields(r.detail) ?? {}), seq: text(r.seq), status: text(r.status) }),
            detail: { seq: r.seq ?? null, transition: r.type ?? null, status: r.status ?? null, transitionDetail: r.detail ?? null },
          }
        : undefined,
  },
  recordEscalation: {
    effect: message('history.effect.recordEscalation'),
    input: (i) => notice(i, 'escalation'),
    result: (r) => (r && 'level' in r ? notice(r, 'escalation') : undefined),
  },
  notify: {
    effect: message('history.effect.notify'),
    input: (i) => notice(i, i.kind === 'REMINDER' ? 'reminder' : 'escalation'),
    result: (r) => (r && 'level' in r ? notice(r, r.kind === 'REMINDER' ? 'reminder' : 'escalation') : undefined),
  },
  markEscalationAcknowledged: {
    effect: message('history.effect.markEscalationAcknowledged'),
    input: (i) => ({
      clause: message('history.input.markEscalationAcknowledged', { key: text(i.key), by: text(i.acknowledgedBy) }),
      detail: { escalationKey: i.key ?? null, acknowledgedBy: i.acknowledgedBy ?? null, acknowledgedAt: i.acknowledgedAt ?? null },
    }),
    result: () => undefined,
  },
};

/** What an activity of `type` was asked, if its input is known. */
export function describeActivityInput(type: string, input: unknown): Described {
  const wording = ACTIVITY_WORDING[type as ActivityName];
  const i = asFields(input);
  return wording && i ? wording.input(i) : { detail: {} };
}

/** What an activity of `type` answered; undefined when the answer tells nothing. */
export function describeActivityResult(type: string, result: unknown): Described | undefined {
  if (result === undefined || result === null) return undefined;
  const wording = ACTIVITY_WORDING[type as ActivityName];
  return wording ? wording.result(asFields(result), result) : { detail: { result } };
}

/** What an activity of `type` does, for a step that has nothing better to say. */
export const activityEffect = (type: string): Message | undefined => ACTIVITY_WORDING[type as ActivityName]?.effect;
