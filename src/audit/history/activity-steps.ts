// What each activity was asked (visible for activities scheduled on the task queue) and what it
// answered (local activities record only their answer). One entry per activity of the worker.
import type { createActivities } from '../../../activities/index.js';
import { transitionText } from './transition-texts.js';
import { asFields, deadlineOf, type Fields, ruleText, text } from './wording.js';

export interface Described {
  clause?: string;
  detail: Fields;
}

type ActivityName = keyof ReturnType<typeof createActivities>;

interface ActivityWording {
  /** What it does, when neither its input nor its answer is in the history. */
  effect: string;
  input(i: Fields): Described;
  result(r: Fields | undefined, raw: unknown): Described | undefined;
}

function plannedDeadline(r: Fields | undefined): Described | undefined {
  const explanation = asFields(r?.explanation);
  if (!explanation) return undefined;
  const skipped = Array.isArray(explanation.skipped) ? explanation.skipped : [];
  const which = r?.stage ? `${deadlineOf(r.stage, null).replace(' (national)', '')} (clock ${text(r.clockId)}) ` : 'deadline ';
  const remind = r?.remindAt ? `; reminder at ${text(r.remindAt)}` : '';
  const pauses = Array.isArray(explanation.pauses) && explanation.pauses.length ? `, ${explanation.pauses.length} pause(s) given back` : '';
  const provisional = explanation.provisional ? ', on provisional calendar data' : '';
  return {
    clause: `${which}due ${text(explanation.dueAt)} (${text(explanation.rule)}, from ${text(explanation.startAt)} in ${text(explanation.timeZone)}, ${skipped.length} day(s) skipped${pauses}${provisional})${remind}`,
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
    },
  };
}

function notice(n: Fields, kind: 'reminder' | 'escalation'): Described {
  const agency = n.agencyId ? ` of ${text(n.agencyId)}` : '';
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
  if (kind === 'reminder') return { clause: `reminder to ${text(n.receiverRole)}${agency}: ${deadlineOf(n.stage, n.agencyId)} is due ${text(n.dueAt)}`, detail };
  const rerouted = n.reroutedFrom ? ` (instead of ${text(n.reroutedFrom)})` : '';
  return { clause: `escalation level ${text(n.level)} of ${deadlineOf(n.stage, n.agencyId)} (due ${text(n.dueAt)}) to ${text(n.receiverRole)}${agency}${rerouted}`, detail };
}

export const ACTIVITY_WORDING: Record<ActivityName, ActivityWording> = {
  planDeadline: {
    effect: 'a deadline was planned',
    input: (i) => ({
      clause: `plan ${i.stage ? deadlineOf(i.stage, i.agencyId) : 'a deadline'} of ${ruleText(i.rule)} from ${text(i.startAt)} in ${i.agencyId ? `the calendar of ${text(i.agencyId)}` : 'the national calendar'}`,
      detail: { startAt: i.startAt ?? null, rule: i.rule ?? null, agencyId: i.agencyId ?? null, ...(i.stage ? { stage: i.stage } : {}) },
    }),
    result: plannedDeadline,
  },
  remainingAfterPause: {
    effect: 'the time left after a pause was worked out',
    input: (i) => ({
      clause: `work out the time left of ${ruleText(i.rule)} after the pause from ${text(i.pausedAt)}`,
      detail: { startAt: i.startAt ?? null, rule: i.rule ?? null, pausedAt: i.pausedAt ?? null, agencyId: i.agencyId ?? null },
    }),
    result: (_r, raw) => ({ clause: `${(Array.isArray(raw) ? raw : [raw]).map(ruleText).join(', then ')} remained`, detail: { remaining: raw } }),
  },
  projectTransition: {
    effect: 'the transition was written to the read model',
    input: (i) => {
      const actor = asFields(i.actor);
      const by = actor ? ` by ${text(actor.role)} ${text(actor.id)}` : '';
      return {
        clause: `record ${text(i.type)}${by} in the read model (status ${text(i.status)})`,
        detail: { seq: i.seq ?? null, transition: i.type ?? null, status: i.status ?? null, agencyId: i.agencyId ?? null, actor: actor ?? null, transitionDetail: i.detail ?? null },
      };
    },
    result: (r) =>
      r && 'type' in r
        ? {
            clause: `${transitionText(r.type, asFields(r.detail) ?? {})} (event ${text(r.seq)} in the read model, status ${text(r.status)})`,
            detail: { seq: r.seq ?? null, transition: r.type ?? null, status: r.status ?? null, transitionDetail: r.detail ?? null },
          }
        : undefined,
  },
  recordEscalation: {
    effect: 'an escalation was recorded and its notification queued',
    input: (i) => notice(i, 'escalation'),
    result: (r) => (r && 'level' in r ? notice(r, 'escalation') : undefined),
  },
  notify: {
    effect: 'a notification was queued',
    input: (i) => notice(i, i.kind === 'REMINDER' ? 'reminder' : 'escalation'),
    result: (r) => (r && 'level' in r ? notice(r, r.kind === 'REMINDER' ? 'reminder' : 'escalation') : undefined),
  },
  markEscalationAcknowledged: {
    effect: 'an escalation was marked acknowledged',
    input: (i) => ({
      clause: `mark escalation ${text(i.key)} acknowledged by ${text(i.acknowledgedBy)}`,
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
export const activityEffect = (type: string): string | undefined => ACTIVITY_WORDING[type as ActivityName]?.effect;
