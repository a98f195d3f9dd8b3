// One entry per kind of Temporal history event: how it reads for an auditor. Workflow-task
// bookkeeping says nothing; everything else becomes a step with its detail.
import type { Payload } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils.js';
import { ADMIN_UPDATES, actionOfUpdate, type AdminUpdateName } from '../../../workflows/messages.js';
import { message, type Message } from '../../i18n/messages.js';
import type { AuditStepView } from '../audit-history.dto.js';
import { activityEffect, describeActivityInput, describeActivityResult } from './activity-steps.js';
import { asFields, failureText, failureWords, type Fields, humanDuration, isoDuration, joined, listFields, optional, text, timestampMs, type Words } from './wording.js';

export type HistoryEvent = NonNullable<History['events']>[number];
export type Payloads = { payloads?: Payload[] | null } | null | undefined;
/** A step before it is placed and worded: its summary is rendered in the reader's language. */
export type StepDraft = Omit<AuditStepView, 'at' | 'source' | 'summary'> & { summary: Message };

/** The attribute fields of a history event, one per kind. */
export type EventKind = { [K in keyof HistoryEvent]-?: K extends `${string}EventAttributes` ? K : never }[keyof HistoryEvent];

/** What the decoding of one run remembers from earlier events, to describe later ones. */
export class RunState {
  readonly activities = new Map<string, { type: string; activityId: string; input: unknown }>();
  readonly timers = new Map<string, { timerId: string; startedAt: number; durationMs: number; summary: string | null }>();
  readonly updates = new Map<string, { name: string; actorId: string | null; actorRole: string | null }>();
  constructor(readonly runId: string) {}
}

/** What a describer gets besides the event's attributes. */
export interface EventContext {
  event: HistoryEvent;
  at: number;
  run: RunState;
  /** A user payload, through the client's codecs and payload converter. */
  value(payloads: Payloads): Promise<unknown>;
  /** A value the server or the SDK's core wrote (search attributes, marker data): never through codecs. */
  plain(payloads: Payloads): unknown;
}

type Describer<K extends EventKind> = (attributes: NonNullable<HistoryEvent[K]>, c: EventContext) => StepDraft | null | Promise<StepDraft | null>;

/** Marker names the TypeScript SDK's core writes. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';
const PATCH_MARKER = 'core_patch';

const step = (kind: string, summary: Message, detail: Fields = {}): StepDraft => ({ kind, summary, actorId: null, actorRole: null, detail });
const silent = () => null;

/** How an Update reads after "<role> <id>". */
function updateVerb(name: string): Message {
  const action = actionOfUpdate(name);
  if (action) return message(`history.verb.${action}`);
  return name in ADMIN_UPDATES ? message(`history.verb.${name as AdminUpdateName}`) : message('history.verb.other', { name });
}

/** The summary given to a timer or a workflow by the workflow code (Web UI user metadata). */
async function userSummary(c: EventContext): Promise<string | null> {
  const summary = (c.event as { userMetadata?: { summary?: Payload | null } | null }).userMetadata?.summary;
  if (!summary) return null;
  const value = await c.value({ payloads: [summary] });
  return typeof value === 'string' ? value : null;
}

async function activityStep(
  kind: 'completed' | 'failed' | 'timed-out' | 'canceled',
  scheduledEventId: unknown,
  c: EventContext,
  outcome: { result?: Payloads; failure?: Parameters<typeof failureText>[0] },
): Promise<StepDraft> {
  const activity = c.run.activities.get(String(scheduledEventId));
  const type = activity?.type ?? 'unknown';
  const input = describeActivityInput(type, activity?.input);
  const base = { activityType: type, activityId: activity?.activityId ?? null, ...input.detail };
  if (kind === 'completed') {
    const result = describeActivityResult(type, await c.value(outcome.result));
    const clause = result?.clause ?? input.clause;
    return step('activity-completed', message('history.activity.completed', { type, clause: optional('history.clause', clause) }), { ...base, ...result?.detail });
  }
  if (kind === 'canceled') return step('activity-canceled', message('history.activity.canceled', { type }), base);
  const failure = failureText(outcome.failure);
  return step(
    `activity-${kind}`,
    message(kind === 'failed' ? 'history.activity.failed' : 'history.activity.timedOut', { type, input: optional('history.parenthesis', input.clause), failure: failureWords(outcome.failure) }),
    { ...base, failure },
  );
}

export const EVENT_STEPS: { [K in EventKind]?: Describer<K> } = {
  workflowTaskScheduledEventAttributes: silent,
  workflowTaskStartedEventAttributes: silent,
  workflowTaskCompletedEventAttributes: silent,
  activityTaskStartedEventAttributes: silent,

  async workflowExecutionStartedEventAttributes(a, c) {
    const input = asFields(await c.value(a.input));
    const policyVersion = asFields(input?.policy)?.version ?? null;
    const carried = asFields(input?.carried);
    if (a.continuedExecutionRunId) {
      return step(
        'run-started',
        message('history.runStarted', { runId: a.continuedExecutionRunId, state: text(carried?.state) }),
        { runId: c.run.runId, continuedFromRunId: a.continuedExecutionRunId, policyVersion, state: carried?.state ?? null, agencyId: carried?.agencyId ?? null },
      );
    }
    const detail = {
      runId: c.run.runId,
      policyVersion,
      channel: input?.channel ?? null,
      classification: input?.classification ?? null,
      agencyId: input?.agencyId ?? null,
      submittedAt: input?.submittedAt ?? null,
      taskQueue: a.taskQueue?.name ?? null,
    };
    const agency = detail.agencyId ? message('history.addressedTo', { agency: text(detail.agencyId) }) : '';
    return step(
      'workflow-started',
      message('history.workflowStarted', { policy: text(policyVersion), channel: text(detail.channel), classification: text(detail.classification), agency }),
      detail,
    );
  },

  async workflowExecutionUpdateAcceptedEventAttributes(a, c) {
    const request = a.acceptedRequest;
    const name = request?.input?.name ?? 'unknown';
    const updateId = request?.meta?.updateId ?? null;
    const { actor, ...fields } = asFields(await c.value(request?.input?.args)) ?? {};
    const who = asFields(actor);
    const actorId = typeof who?.id === 'string' ? who.id : null;
    const actorRole = typeof who?.role === 'string' ? who.role : null;
    if (updateId) c.run.updates.set(updateId, { name, actorId, actorRole });
    const listed = Object.keys(fields).length ? listFields(fields) : null;
    const by = actorRole || actorId ? [actorRole, actorId].filter(Boolean).join(' ') : message('history.someone');
    return {
      kind: 'update',
      summary: message('history.update', { who: by, verb: updateVerb(name), fields: optional('history.parenthesis', listed) }),
      actorId,
      actorRole,
      detail: { update: name, action: actionOfUpdate(name) ?? name, updateId, ...fields },
    };
  },

  workflowExecutionUpdateCompletedEventAttributes(a, c) {
    if (!a.outcome?.failure) return null; // the acceptance already told it
    const update = c.run.updates.get(a.meta?.updateId ?? '');
    return {
      kind: 'update-failed',
      summary: message('history.updateFailed', { update: text(update?.name), failure: failureWords(a.outcome.failure) }),
      actorId: update?.actorId ?? null,
      actorRole: update?.actorRole ?? null,
      detail: { update: update?.name ?? null, updateId: a.meta?.updateId ?? null, failure: failureText(a.outcome.failure) },
    };
  },

  async timerStartedEventAttributes(a, c) {
    const timerId = a.timerId ?? '?';
    const durationMs = timestampMs(a.startToFireTimeout);
    const summary = await userSummary(c);
    c.run.timers.set(String(c.event.eventId), { timerId, startedAt: c.at, durationMs, summary });
    const firesAt = new Date(c.at + durationMs).toISOString();
    const waitsFor = summary ? message('history.timer.waitsFor', { summary }) : message('history.timer.started');
    return step('timer-started', message('history.timer.armed', { timerId, waitsFor, firesAt, duration: humanDuration(durationMs) }), {
      timerId,
      firesAt,
      duration: isoDuration(durationMs),
      ...(summary ? { waitingFor: summary } : {}),
    });
  },

  timerFiredEventAttributes: (a, c) => timerEnded('fired', a, c),
  timerCanceledEventAttributes: (a, c) => timerEnded('canceled', a, c),

  async activityTaskScheduledEventAttributes(a, c) {
    const activity = { type: a.activityType?.name ?? 'unknown', activityId: a.activityId ?? '', input: await c.value(a.input) };
    c.run.activities.set(String(c.event.eventId), activity);
    const described = describeActivityInput(activity.type, activity.input);
    return step('activity-scheduled', message('history.activity.scheduled', { type: activity.type, clause: optional('history.clause', described.clause) }), {
      activityType: activity.type,
      activityId: activity.activityId,
      ...described.detail,
    });
  },
  activityTaskCompletedEventAttributes: (a, c) => activityStep('completed', a.scheduledEventId, c, { result: a.result }),
  activityTaskFailedEventAttributes: (a, c) => activityStep('failed', a.scheduledEventId, c, { failure: a.failure }),
  activityTaskTimedOutEventAttributes: (a, c) => activityStep('timed-out', a.scheduledEventId, c, { failure: a.failure }),
  activityTaskCanceledEventAttributes: (a, c) => activityStep('canceled', a.scheduledEventId, c, {}),

  async markerRecordedEventAttributes(a, c) {
    const details = a.details ?? {};
    if (a.markerName === LOCAL_ACTIVITY_MARKER) {
      const data = asFields(c.plain(details.data)) ?? {};
      const type = typeof data.activity_type === 'string' ? data.activity_type : 'unknown';
      const base = { activityType: type, activityId: data.activity_id ?? null, attempt: data.attempt ?? null, local: true };
      if (a.failure) {
        const failure = failureText(a.failure);
        return step('local-activity-failed', message('history.localActivity.failed', { type, failure: failureWords(a.failure) }), { ...base, failure });
      }
      const result = describeActivityResult(type, await c.value(details.result));
      const clause = result?.clause ?? activityEffect(type);
      return step('local-activity', message('history.localActivity.completed', { type, clause: optional('history.clause', clause) }), { ...base, ...result?.detail });
    }
    if (a.markerName === PATCH_MARKER) {
      const patch = asFields(c.plain(details['patch-data']));
      const id = typeof patch?.id === 'string' ? patch.id : 'unknown';
      return step('code-version', message('history.codeVersion', { id }), { patch: id, deprecated: patch?.deprecated ?? false });
    }
    return step('marker', message('history.marker', { name: text(a.markerName) }), { marker: a.markerName ?? null });
  },

  upsertWorkflowSearchAttributesEventAttributes(a, c) {
    const values: Fields = {};
    for (const [name, payload] of Object.entries(a.searchAttributes?.indexedFields ?? {}).sort(([x], [y]) => x.localeCompare(y))) {
      if (name.startsWith('Temporal')) continue; // the SDK's own (patch versions): told by the code-version steps
      const value = c.plain({ payloads: [payload] });
      values[name] = Array.isArray(value) ? (value.length === 0 ? null : value.length === 1 ? value[0] : value) : value;
    }
    if (Object.keys(values).length === 0) return null;
    const listed = Object.entries(values).map(([name, value]) => message('history.searchAttribute', { name, value: value === null ? message('history.none') : text(value) }));
    return step('search-attributes', message('history.searchAttributes', { list: joined(listed) }), values);
  },

  workflowExecutionContinuedAsNewEventAttributes(a, c) {
    const next = a.newExecutionRunId ?? null;
    return step('continued-as-new', message('history.continuedAsNew', { runId: text(next) }), { runId: c.run.runId, newRunId: next });
  },

  async workflowExecutionCompletedEventAttributes(a, c) {
    const status = asFields(await c.value(a.result));
    const facts = asFields(status?.facts);
    return step('workflow-completed', message('history.workflowCompleted', { state: text(status?.state) }), {
      state: status?.state ?? null,
      closedBy: facts?.closedBy ?? null,
      archiveReason: facts?.archiveReason ?? null,
    });
  },
  workflowExecutionFailedEventAttributes: (a) => step('workflow-failed', message('history.workflowFailed', { failure: failureWords(a.failure) }), { failure: failureText(a.failure) }),
  workflowExecutionTerminatedEventAttributes: (a) =>
    step('workflow-terminated', message('history.workflowTerminated', { reason: optional('history.clause', a.reason) }), { reason: a.reason ?? null, identity: a.identity ?? null }),
  workflowExecutionCanceledEventAttributes: () => step('workflow-canceled', message('history.workflowCanceled')),
  workflowExecutionTimedOutEventAttributes: () => step('workflow-timed-out', message('history.workflowTimedOut')),
  workflowExecutionCancelRequestedEventAttributes: (a) =>
    step('cancel-requested', message('history.cancelRequested', { cause: optional('history.clause', a.cause) }), { cause: a.cause || null }),
  workflowExecutionSignaledEventAttributes: (a) => step('signal', message('history.signal', { name: text(a.signalName) }), { signal: a.signalName ?? 'unknown' }),
  // A workflow task that waited too long on a worker's sticky queue, or that a busy or stopped worker did not
  // finish in time: the workflow's next step ran that much later. Rare, and worth seeing when it happened.
  workflowTaskTimedOutEventAttributes: (a) => {
    const how = message(a.timeoutType === 2 ? 'history.taskTimedOut.scheduleToStart' : 'history.taskTimedOut.startToClose');
    return step('workflow-task-timed-out', message('history.taskTimedOut', { how }), { timeoutType: a.timeoutType === 2 ? 'SCHEDULE_TO_START' : 'START_TO_CLOSE' });
  },
  workflowTaskFailedEventAttributes: (a) => step('workflow-task-failed', message('history.taskFailed', { failure: failureWords(a.failure) }), { failure: failureText(a.failure) }),
};

function timerEnded(
  how: 'fired' | 'canceled',
  a: NonNullable<HistoryEvent['timerFiredEventAttributes']> | NonNullable<HistoryEvent['timerCanceledEventAttributes']>,
  c: EventContext,
): StepDraft {
  const timer = c.run.timers.get(String(a.startedEventId));
  const timerId = a.timerId ?? timer?.timerId ?? '?';
  const armed: Words = timer ? message('history.timer.armedAt', { at: new Date(timer.startedAt).toISOString(), duration: humanDuration(timer.durationMs) }) : '';
  const detail = timer
    ? { timerId, startedAt: new Date(timer.startedAt).toISOString(), duration: isoDuration(timer.durationMs), ...(timer.summary ? { waitingFor: timer.summary } : {}) }
    : { timerId };
  if (how === 'fired') {
    const what = timer?.summary ? message('history.timer.cameDue', { summary: timer.summary }) : message('history.timer.nextStepDue');
    return step('timer-fired', message('history.timer.fired', { timerId, armed, what }), detail);
  }
  return step('timer-canceled', message('history.timer.canceled', { timerId, armed }), detail);
}

/** The step of an event of a kind the table does not know (a newer server's). */
export function unknownEventStep(e: HistoryEvent): StepDraft | null {
  const kind = Object.keys(e).find((key) => key.endsWith('EventAttributes') && (e as Fields)[key]);
  if (!kind) return null;
  const name = kind.replace(/EventAttributes$/, '');
  return step('event', message('history.unknownEvent', { name }), { event: name });
}
