// What a lifecycle transition asks of the world outside it, and what it gets back. The Temporal shell
// answers with activities and patched(); unit tests answer with plain functions.
import type { DeadlinePlanRequest, PlannedDeadline } from './clocks.js';
import type { AcknowledgementRecord, EscalationRecord, NotificationRecord, ProjectedTransition, SearchAttributeValues, TransitionRecord } from './records.js';

/**
 * Behaviours that changed after complaint histories existed. A running case answers each the first
 * time it matters (the shell asks Temporal's `patched()`), so recorded histories replay as they ran.
 */
export type Change =
  | 'submission-projected-with-deadline'
  | 'ladder-planned-with-deadline'
  | 'agency-clocks-planned-together'
  /** A resumed clock keeps its start, rule and extensions; the calendar credits each pause (runs before asked for a remainder). */
  | 'pause-credited-by-calendar'
  /** A breached clock pauses with its stage, ladder included. */
  | 'ladder-pauses-with-stage'
  /** An extended clock that breaches again climbs its ladder from level 1. */
  | 'extended-clock-ladder-restarts';

/** What a transition asks of the outside world, and what it gets back. */
interface Asks {
  since: { ask: { change: Change }; answer: boolean };
  planDeadline: { ask: { request: DeadlinePlanRequest }; answer: PlannedDeadline };
  planDeadlines: { ask: { requests: DeadlinePlanRequest[] }; answer: PlannedDeadline[] };
  remainingAfterPause: { ask: { request: DeadlinePlanRequest & { pausedAt: string } }; answer: unknown };
  publish: { ask: { attributes: SearchAttributeValues }; answer: void };
  project: { ask: { record: TransitionRecord }; answer: ProjectedTransition | void };
  notify: { ask: { notice: NotificationRecord }; answer: NotificationRecord | void };
  recordEscalation: { ask: { escalation: EscalationRecord }; answer: EscalationRecord | void };
  markAcknowledged: { ask: { acknowledgement: AcknowledgementRecord }; answer: void };
}
export type AskKind = keyof Asks;
export type Request = { [K in AskKind]: { kind: K } & Asks[K]['ask'] }[AskKind];
export type Answer<K extends AskKind> = Asks[K]['answer'];
/** A transition in progress: yields requests, receives their answers, returns when done. */
export type Work<T = void> = Generator<Request, T, unknown>;

export function* ask<K extends AskKind>(kind: K, body: Asks[K]['ask']): Work<Answer<K>> {
  return (yield { kind, ...body } as Request) as Answer<K>;
}

