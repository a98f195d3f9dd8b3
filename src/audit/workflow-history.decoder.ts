// Turns a complaint workflow's Temporal event history into steps an auditor can read: who did what,
// which clocks were armed and fired, what the activities recorded. Workflow-task bookkeeping is left out.
import type { LoadedDataConverter, Payload } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils.js';
import { Duration } from 'luxon';
import type { AuditStepView } from './audit-history.dto.js';

export type HistoryEvent = NonNullable<History['events']>[number];

type Payloads = { payloads?: Payload[] | null } | null | undefined;
type Timestamp = { seconds?: unknown; nanos?: number | null } | null | undefined;
type Failure = { message?: string | null; applicationFailureInfo?: { type?: string | null } | null } | null | undefined;
type Fields = Record<string, unknown>;

/** Marker names the TypeScript SDK's core writes. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';
const PATCH_MARKER = 'core_patch';

/** Bookkeeping events with nothing to tell an auditor. */
const SILENT_EVENTS = [
  'workflowTaskScheduledEventAttributes',
  'workflowTaskStartedEventAttributes',
  'workflowTaskCompletedEventAttributes',
  'workflowTaskTimedOutEventAttributes',
  'activityTaskStartedEventAttributes',
];

/** How each Update reads in a sentence, after "<role> <id>". */
const UPDATE_VERBS: Record<string, string> = {
  verify: 'verified the complaint and disposed it to an agency',
  requestClarification: 'asked the reporter for missing details',
  provideClarification: 'provided the requested details',
  archive: 'archived the complaint',
  assign: 'assigned a liaison officer',
  redirect: 'redirected the complaint to another agency',
  recordFollowUp: 'recorded a follow-up',
  resolve: 'gave the final answer',
  accept: 'accepted the answer',
  dispute: 'disputed the answer',
  extendDeadline: 'extended a deadline',
  acknowledgeEscalation: 'acknowledged an escalation',
  retimeDeadlines: 're-timed the running deadlines',
};

/** What a local activity did, when its marker holds no telling result (local activities record no input). */
const LOCAL_ACTIVITY_EFFECTS: Record<string, string> = {
  projectTransition: 'the transition was written to the read model',
  recordEscalation: 'an escalation was recorded and its notification queued',
  notify: 'a notification was queued',
  markEscalationAcknowledged: 'an escalation was marked acknowledged',
};

interface ScheduledActivity {
  type: string;
  activityId: string;
  input: unknown;
}

interface StartedTimer {
  timerId: string;
  startedAt: number;
  durationMs: number;
}

interface AcceptedUpdate {
  name: string;
  actorId: string | null;
  actorRole: string | null;
}

/** What one run's decoding remembers from earlier events, to describe later ones. */
class RunState {
  readonly activities = new Map<string, ScheduledActivity>();
  readonly timers = new Map<string, StartedTimer>();
  readonly updates = new Map<string, AcceptedUpdate>();
  constructor(readonly runId: string) {}
}

export class WorkflowHistoryDecoder {
  constructor(private readonly converter: LoadedDataConverter) {}

  /** The steps of one run, in history order. */
  async decodeRun(runId: string, events: HistoryEvent[]): Promise<AuditStepView[]> {
    const run = new RunState(runId);
    const steps: AuditStepView[] = [];
    for (const event of events) {
      const step = await this.decodeEvent(event, run);
      if (step) {
        steps.push({
          at: new Date(timestampMs(event.eventTime)).toISOString(),
          source: 'workflow',
          ...step,
          detail: { eventId: Number(event.eventId), ...step.detail },
        });
      }
    }
    return steps;
  }

  private async decodeEvent(e: HistoryEvent, run: RunState): Promise<Omit<AuditStepView, 'at' | 'source'> | null> {
    const at = timestampMs(e.eventTime);
    const step = (kind: string, summary: string, detail: Fields = {}) => ({ kind, summary, actorId: null, actorRole: null, detail });

    if (e.workflowExecutionStartedEventAttributes) {
      const a = e.workflowExecutionStartedEventAttributes;
      const input = asFields(await this.value(a.input));
      const policyVersion = asFields(input?.policy)?.version ?? null;
      const carried = asFields(input?.carried);
      if (a.continuedExecutionRunId) {
        return step(
          'run-started',
          `A new run started, continuing run ${a.continuedExecutionRunId}; the case carried over as ${text(carried?.state ?? 'unknown')}.`,
          { runId: run.runId, continuedFromRunId: a.continuedExecutionRunId, policyVersion, state: carried?.state ?? null, agencyId: carried?.agencyId ?? null },
        );
      }
      const detail = {
        runId: run.runId,
        policyVersion,
        channel: input?.channel ?? null,
        classification: input?.classification ?? null,
        agencyId: input?.agencyId ?? null,
        submittedAt: input?.submittedAt ?? null,
        taskQueue: a.taskQueue?.name ?? null,
      };
      const agency = detail.agencyId ? `, addressed to agency ${text(detail.agencyId)}` : '';
      return step(
        'workflow-started',
        `The complaint workflow started under SLA policy ${text(policyVersion)}, channel ${text(detail.channel)}, classification ${text(detail.classification)}${agency}.`,
        detail,
      );
    }

    if (e.workflowExecutionUpdateAcceptedEventAttributes) {
      const request = e.workflowExecutionUpdateAcceptedEventAttributes.acceptedRequest;
      const name = request?.input?.name ?? 'unknown';
      const updateId = request?.meta?.updateId ?? null;
      const { actor, ...fields } = asFields(await this.value(request?.input?.args)) ?? {};
      const who = asFields(actor);
      const actorId = typeof who?.id === 'string' ? who.id : null;
      const actorRole = typeof who?.role === 'string' ? who.role : null;
      if (updateId) run.updates.set(updateId, { name, actorId, actorRole });
      const verb = UPDATE_VERBS[name] ?? `performed "${name}"`;
      const listed = Object.keys(fields).length ? ` (${listFields(fields)})` : '';
      return {
        kind: 'update',
        summary: `${actorRole ?? 'Someone'} ${actorId ?? ''}`.trim() + ` ${verb}${listed}.`,
        actorId,
        actorRole,
        detail: { update: name, updateId, ...fields },
      };
    }

    if (e.workflowExecutionUpdateCompletedEventAttributes) {
      const a = e.workflowExecutionUpdateCompletedEventAttributes;
      if (!a.outcome?.failure) return null; // the acceptance already told it
      const update = run.updates.get(a.meta?.updateId ?? '');
      return {
        kind: 'update-failed',
        summary: `The ${update?.name ?? 'unknown'} update failed after it was accepted: ${failureText(a.outcome.failure)}.`,
        actorId: update?.actorId ?? null,
        actorRole: update?.actorRole ?? null,
        detail: { update: update?.name ?? null, updateId: a.meta?.updateId ?? null, failure: failureText(a.outcome.failure) },
      };
    }

    if (e.timerStartedEventAttributes) {
      const a = e.timerStartedEventAttributes;
      const timerId = a.timerId ?? '?';
      const durationMs = timestampMs(a.startToFireTimeout);
      run.timers.set(String(e.eventId), { timerId, startedAt: at, durationMs });
      const firesAt = new Date(at + durationMs).toISOString();
      return step('timer-started', `Timer ${timerId} started; it fires at ${firesAt}, ${humanDuration(durationMs)} after it started.`, {
        timerId,
        firesAt,
        duration: isoDuration(durationMs),
      });
    }

    if (e.timerFiredEventAttributes || e.timerCanceledEventAttributes) {
      const a = e.timerFiredEventAttributes ?? e.timerCanceledEventAttributes!;
      const timer = run.timers.get(String(a.startedEventId));
      const timerId = a.timerId ?? timer?.timerId ?? '?';
      const armed = timer ? ` (started ${new Date(timer.startedAt).toISOString()} for ${humanDuration(timer.durationMs)})` : '';
      const detail = timer ? { timerId, startedAt: new Date(timer.startedAt).toISOString(), duration: isoDuration(timer.durationMs) } : { timerId };
      return e.timerFiredEventAttributes
        ? step('timer-fired', `Timer ${timerId} fired${armed}: the clocks' next step was due.`, detail)
        : step('timer-canceled', `Timer ${timerId} was canceled before it fired${armed}: the case changed first.`, detail);
    }

    if (e.activityTaskScheduledEventAttributes) {
      const a = e.activityTaskScheduledEventAttributes;
      const activity = { type: a.activityType?.name ?? 'unknown', activityId: a.activityId ?? '', input: await this.value(a.input) };
      run.activities.set(String(e.eventId), activity);
      const described = describeActivityInput(activity.type, activity.input);
      return step('activity-scheduled', `Activity ${activity.type} scheduled${described.clause ? `: ${described.clause}` : ''}.`, {
        activityType: activity.type,
        activityId: activity.activityId,
        ...described.detail,
      });
    }

    if (e.activityTaskCompletedEventAttributes) {
      const a = e.activityTaskCompletedEventAttributes;
      const activity = run.activities.get(String(a.scheduledEventId));
      const type = activity?.type ?? 'unknown';
      const input = describeActivityInput(type, activity?.input);
      const result = describeActivityResult(type, await this.value(a.result));
      const clause = result.clause ?? input.clause;
      return step('activity-completed', `Activity ${type} completed${clause ? `: ${clause}` : ''}.`, {
        activityType: type,
        activityId: activity?.activityId ?? null,
        ...input.detail,
        ...result.detail,
      });
    }

    if (e.activityTaskFailedEventAttributes || e.activityTaskTimedOutEventAttributes || e.activityTaskCanceledEventAttributes) {
      const a = e.activityTaskFailedEventAttributes ?? e.activityTaskTimedOutEventAttributes ?? e.activityTaskCanceledEventAttributes!;
      const activity = run.activities.get(String(a.scheduledEventId));
      const type = activity?.type ?? 'unknown';
      const input = describeActivityInput(type, activity?.input);
      if (e.activityTaskCanceledEventAttributes) {
        return step('activity-canceled', `Activity ${type} was canceled.`, { activityType: type, activityId: activity?.activityId ?? null, ...input.detail });
      }
      const failure = failureText((e.activityTaskFailedEventAttributes ?? e.activityTaskTimedOutEventAttributes)?.failure);
      const kind = e.activityTaskFailedEventAttributes ? 'activity-failed' : 'activity-timed-out';
      const verb = e.activityTaskFailedEventAttributes ? 'failed' : 'timed out';
      return step(kind, `Activity ${type} ${verb}${input.clause ? ` (${input.clause})` : ''}: ${failure}.`, {
        activityType: type,
        activityId: activity?.activityId ?? null,
        ...input.detail,
        failure,
      });
    }

    if (e.markerRecordedEventAttributes) {
      const a = e.markerRecordedEventAttributes;
      const details = a.details ?? {};
      if (a.markerName === LOCAL_ACTIVITY_MARKER) {
        const data = asFields(this.plainValue(details.data)) ?? {};
        const type = typeof data.activity_type === 'string' ? data.activity_type : 'unknown';
        const base = { activityType: type, activityId: data.activity_id ?? null, attempt: data.attempt ?? null, local: true };
        if (a.failure) {
          const failure = failureText(a.failure);
          return step('local-activity-failed', `Local activity ${type} failed: ${failure}.`, { ...base, failure });
        }
        const result = describeActivityResult(type, await this.value(details.result));
        const clause = result.clause ?? LOCAL_ACTIVITY_EFFECTS[type];
        return step('local-activity', `Local activity ${type} completed${clause ? `: ${clause}` : ''}.`, { ...base, ...result.detail });
      }
      if (a.markerName === PATCH_MARKER) {
        const patch = asFields(this.plainValue(details['patch-data']));
        const id = text(patch?.id ?? 'unknown');
        return step('code-version', `Workflow code change "${id}" applies from here on in this run.`, { patch: id, deprecated: patch?.deprecated ?? false });
      }
      return step('marker', `Marker ${a.markerName ?? 'unknown'} recorded.`, { marker: a.markerName ?? null });
    }

    if (e.upsertWorkflowSearchAttributesEventAttributes) {
      const fields = e.upsertWorkflowSearchAttributesEventAttributes.searchAttributes?.indexedFields ?? {};
      const values: Fields = {};
      for (const [name, payload] of Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))) {
        if (name.startsWith('Temporal')) continue; // the SDK's own (patch versions): told by the code-version steps
        const value = this.plainValue({ payloads: [payload] });
        values[name] = Array.isArray(value) ? (value.length === 0 ? null : value.length === 1 ? value[0] : value) : value;
      }
      if (Object.keys(values).length === 0) return null;
      const listed = Object.entries(values).map(([name, value]) => `${name} = ${value === null ? '(none)' : text(value)}`);
      return step('search-attributes', `Search attributes set: ${listed.join(', ')}.`, values);
    }

    if (e.workflowExecutionContinuedAsNewEventAttributes) {
      const next = e.workflowExecutionContinuedAsNewEventAttributes.newExecutionRunId ?? null;
      return step('continued-as-new', `The run continued as new in run ${next ?? 'unknown'}, carrying the case over to keep its history short.`, {
        runId: run.runId,
        newRunId: next,
      });
    }

    if (e.workflowExecutionCompletedEventAttributes) {
      const status = asFields(await this.value(e.workflowExecutionCompletedEventAttributes.result));
      const facts = asFields(status?.facts);
      return step('workflow-completed', `The complaint workflow completed with the complaint ${text(status?.state ?? 'unknown')}.`, {
        state: status?.state ?? null,
        closedBy: facts?.closedBy ?? null,
        archiveReason: facts?.archiveReason ?? null,
      });
    }
    if (e.workflowExecutionFailedEventAttributes) {
      const failure = failureText(e.workflowExecutionFailedEventAttributes.failure);
      return step('workflow-failed', `The complaint workflow failed: ${failure}.`, { failure });
    }
    if (e.workflowExecutionTerminatedEventAttributes) {
      const a = e.workflowExecutionTerminatedEventAttributes;
      return step('workflow-terminated', `The complaint workflow was terminated${a.reason ? `: ${a.reason}` : ''}.`, { reason: a.reason ?? null, identity: a.identity ?? null });
    }
    if (e.workflowExecutionCanceledEventAttributes) return step('workflow-canceled', 'The complaint workflow was canceled.');
    if (e.workflowExecutionTimedOutEventAttributes) return step('workflow-timed-out', 'The complaint workflow timed out.');
    if (e.workflowExecutionCancelRequestedEventAttributes) {
      const cause = e.workflowExecutionCancelRequestedEventAttributes.cause ?? '';
      return step('cancel-requested', `Cancellation of the workflow was requested${cause ? `: ${cause}` : ''}.`, { cause: cause || null });
    }
    if (e.workflowExecutionSignaledEventAttributes) {
      const name = e.workflowExecutionSignaledEventAttributes.signalName ?? 'unknown';
      return step('signal', `Signal ${name} received.`, { signal: name });
    }
    if (e.workflowTaskFailedEventAttributes) {
      const failure = failureText(e.workflowTaskFailedEventAttributes.failure);
      return step('workflow-task-failed', `A workflow task failed and will be retried: ${failure}.`, { failure });
    }

    const attributes = Object.keys(e).find((key) => key.endsWith('EventAttributes') && (e as Fields)[key]);
    if (!attributes || SILENT_EVENTS.includes(attributes)) return null;
    const name = attributes.replace(/EventAttributes$/, '');
    return step('event', `Temporal recorded ${name}.`, { event: name });
  }

  /** The first value of a Payloads, through the client's codecs and payload converter. */
  private async value(payloads: Payloads): Promise<unknown> {
    const payload = payloads?.payloads?.[0];
    if (!payload) return undefined;
    try {
      let decoded: Payload[] = [payload];
      const codecs = this.converter.payloadCodecs;
      for (let i = codecs.length - 1; i >= 0; i--) decoded = await codecs[i].decode(decoded);
      return this.converter.payloadConverter.fromPayload(decoded[0]);
    } catch {
      return '(payload could not be decoded)';
    }
  }

  /** Values the server or the SDK's core wrote (search attributes, marker data): never through codecs. */
  private plainValue(payloads: Payloads): unknown {
    const payload = payloads?.payloads?.[0];
    if (!payload) return undefined;
    try {
      return this.converter.payloadConverter.fromPayload(payload);
    } catch {
      return '(payload could not be decoded)';
    }
  }
}

interface Described {
  clause?: string;
  detail: Fields;
}

/** What an activity was asked to do (visible for activities scheduled on the task queue). */
function describeActivityInput(type: string, input: unknown): Described {
  const i = asFields(input);
  if (!i) return { detail: {} };
  switch (type) {
    case 'planDeadline': {
      const calendar = i.agencyId ? `the calendar of ${text(i.agencyId)}` : 'the national calendar';
      return {
        clause: `plan a deadline of ${ruleText(i.rule)} from ${text(i.startAt)} in ${calendar}`,
        detail: { startAt: i.startAt ?? null, rule: i.rule ?? null, agencyId: i.agencyId ?? null },
      };
    }
    case 'remainingAfterPause':
      return {
        clause: `work out the time left of ${ruleText(i.rule)} after the pause from ${text(i.pausedAt)}`,
        detail: { startAt: i.startAt ?? null, rule: i.rule ?? null, pausedAt: i.pausedAt ?? null, agencyId: i.agencyId ?? null },
      };
    case 'recordEscalation':
    case 'notify':
      return describeNotice(type, i);
    case 'projectTransition': {
      const actor = asFields(i.actor);
      const by = actor ? ` by ${text(actor.role)} ${text(actor.id)}` : '';
      return {
        clause: `record ${text(i.type)}${by} in the read model (status ${text(i.status)})`,
        detail: { seq: i.seq ?? null, transition: i.type ?? null, status: i.status ?? null, agencyId: i.agencyId ?? null, actor: actor ?? null, transitionDetail: i.detail ?? null },
      };
    }
    case 'markEscalationAcknowledged':
      return {
        clause: `mark escalation ${text(i.key)} acknowledged by ${text(i.acknowledgedBy)}`,
        detail: { escalationKey: i.key ?? null, acknowledgedBy: i.acknowledgedBy ?? null, acknowledgedAt: i.acknowledgedAt ?? null },
      };
    default:
      return { detail: {} };
  }
}

/** What an activity answered; recordEscalation and notify answer their record, the only place history keeps it. */
function describeActivityResult(type: string, result: unknown): Described {
  if (result === undefined || result === null) return { detail: {} };
  const r = asFields(result);
  switch (type) {
    case 'planDeadline': {
      const explanation = asFields(r?.explanation);
      if (!explanation) break;
      const skipped = Array.isArray(explanation.skipped) ? explanation.skipped : [];
      const skippedText = skipped.length ? `, ${skipped.length} day(s) skipped` : '';
      const remind = r?.remindAt ? `; reminder at ${text(r.remindAt)}` : '';
      return {
        clause: `deadline due ${text(explanation.dueAt)} (${text(explanation.rule)}, ${text(explanation.timeZone)}${skippedText})${remind}`,
        detail: {
          dueAt: explanation.dueAt ?? null,
          remindAt: r?.remindAt ?? null,
          startAt: explanation.startAt ?? null,
          rule: explanation.rule ?? null,
          source: explanation.source ?? null,
          timeZone: explanation.timeZone ?? null,
          skipped,
          notes: explanation.notes ?? [],
          ...(r?.rungs ? { escalationRungs: r.rungs } : {}),
        },
      };
    }
    case 'remainingAfterPause':
      return { clause: `${ruleText(result)} remained`, detail: { remaining: result } };
    case 'recordEscalation':
    case 'notify':
      if (r && 'level' in r) return describeNotice(type, r);
      break;
  }
  return { detail: { result } };
}

function describeNotice(type: string, n: Fields): Described {
  const agency = n.agencyId ? ` of ${text(n.agencyId)}` : '';
  const detail = {
    key: n.key ?? null,
    stage: n.stage ?? null,
    level: n.level ?? null,
    receiverRole: n.receiverRole ?? null,
    agencyId: n.agencyId ?? null,
    dueAt: n.dueAt ?? null,
    ...(n.firedAt ? { firedAt: n.firedAt } : {}),
  };
  if (type === 'notify' && n.kind === 'REMINDER') {
    return { clause: `reminder to ${text(n.receiverRole)}${agency}: the ${text(n.stage)} deadline is due ${text(n.dueAt)}`, detail };
  }
  return {
    clause: `escalation level ${text(n.level)} of the ${text(n.stage)} deadline (due ${text(n.dueAt)}) to ${text(n.receiverRole)}${agency}`,
    detail,
  };
}

function asFields(value: unknown): Fields | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return 'unknown';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function ruleText(rule: unknown): string {
  const r = asFields(rule);
  if (typeof r?.workingDays === 'number') return `${r.workingDays} working day(s)`;
  if (typeof r?.duration === 'string') return r.duration;
  return text(rule);
}

/** "agencyId: kemendagri, complexity: SIMPLE"; long texts are shortened (the detail keeps them whole). */
function listFields(fields: Fields): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => {
      const shown = text(value);
      return `${name}: ${shown.length > 120 ? `${shown.slice(0, 117)}…` : shown}`;
    })
    .join(', ');
}

function failureText(failure: Failure): string {
  if (!failure) return 'no failure details';
  const type = failure.applicationFailureInfo?.type;
  return `${failure.message || 'no message'}${type ? ` (${type})` : ''}`;
}

/** Protobuf Timestamp or Duration (seconds may be a Long) to milliseconds. */
export function timestampMs(ts: Timestamp): number {
  if (!ts) return 0;
  return Number(ts.seconds ?? 0) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
}

function isoDuration(ms: number): string {
  return (ms > 0 ? Duration.fromMillis(ms).rescale().toISO() : null) ?? `PT${ms / 1000}S`;
}

function humanDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
  ];
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    if (count) parts.push(`${count} ${unit}`);
    rest -= count * size;
  }
  if (rest) parts.push(`${rest / 1000} s`);
  return parts.join(' ');
}
