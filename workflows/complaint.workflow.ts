// One complaint, one workflow: the Temporal shell around the pure lifecycle (lifecycle/). It registers
// the Updates and the Query, answers what the lifecycle asks (activities, patches, search attributes),
// and waits on one timer: the next step the clocks would take on their own. Handlers run one at a
// time; every Update is validated before it enters history; after every handler the loop looks again.
import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { createActivities } from '../activities/index.js';
import { describeStep, type DeadlinePlanRequest, type PlannedDeadline, type Step } from './lifecycle/clocks.js';
import { ComplaintCase } from './lifecycle/complaint-case.js';
import type { Request, Work } from './lifecycle/requests.js';
import { CaseRefusal } from './lifecycle/rules.js';
import type { SearchAttributeValues } from './lifecycle/records.js';
import {
  ACTION_NAMES,
  ACTION_UPDATES,
  complaintWorkflowId,
  retimeDeadlinesUpdate,
  statusQuery,
  type ActionInputs,
  type ComplaintAction,
  type ComplaintStatus,
  type ComplaintWorkflowInput,
  type RetimeDeadlinesInput,
  PERMANENT_FAILURE,
} from './messages.js';

/** Workflow-code changes of the shell made once histories existed (the lifecycle's own are its `Change`s). */
const PATCH_DUE_STEPS_WITHOUT_TIMER = 'due-steps-fire-without-timer';
const PATCH_LOCAL_ACTIVITIES = 'local-activities';
/** Runs before woke the loop only when the clocks changed, so an acknowledgement after closing never ended the workflow. */
const PATCH_WAKE_AFTER_EVERY_HANDLER = 'loop-wakes-after-every-handler';
/**
 * Runs before upserted the search attributes at every transition and again after every clock step (four
 * upserts for a breach and its first escalation, each a history event and a visibility write on the server);
 * since, the latest values are upserted once, when the workflow next waits, and only if they changed.
 */
const PATCH_PUBLISH_WHEN_WAITING = 'search-attributes-published-when-waiting';

/** A clock step running later than this past its instant is logged as late. */
const LATE_STEP_WARNING_MS = 5000;

/** For inputs recorded before the limit travelled with the input. */
const DEFAULT_HISTORY_LIMIT = 5000;

const activityOptions = {
  // Short: these are quick database and calendar calls, and a worker killed mid-activity delays its retry by this much.
  startToCloseTimeout: '10 seconds',
  // Bounded: once a dependency is back, the next try follows within seconds.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 seconds' },
} as const;
type Activities = ReturnType<typeof createActivities>;

/**
 * The activities, as local activities in runs that carry PATCH_LOCAL_ACTIVITIES: short database and
 * calendar calls, spared three history events and a task round trip each. Runs recorded before keep
 * scheduling them on the task queue. The summary names what each call is for in the Web UI.
 */
const activities = (summary: string): Activities =>
  patched(PATCH_LOCAL_ACTIVITIES)
    ? proxyLocalActivities<Activities>({ ...activityOptions, summary })
    : proxyActivities<Activities>({ ...activityOptions, summary });

function upsert(values: SearchAttributeValues): void {
  upsertSearchAttributes({ ...values, NextDeadline: values.NextDeadline.map((at) => new Date(at)) });
}

/**
 * The search attributes as the case asks for them: at once in runs recorded before PATCH_PUBLISH_WHEN_WAITING;
 * since, kept until `flush()`, which the workflow calls before it waits, and upserted only if they changed.
 */
function searchAttributePublisher(whenWaiting: boolean) {
  let pending: SearchAttributeValues | undefined;
  let published: string | undefined;
  return {
    publish: (values: SearchAttributeValues): void => {
      if (!whenWaiting) return upsert(values);
      pending = values;
    },
    flush: (): void => {
      if (!pending) return;
      const key = JSON.stringify(pending);
      if (key !== published) upsert(pending);
      [published, pending] = [key, undefined];
    },
  };
}

/** The failure an activity threw: local activities may hand it over bare, others wrapped in an ActivityFailure. */
function activityCause(error: unknown): unknown {
  return error instanceof ActivityFailure ? error.cause : error;
}

/** An activity failure that retrying cannot fix (a PostgreSQL data or constraint error, a missing row). */
function isPermanent(error: unknown): boolean {
  const cause = activityCause(error);
  return cause instanceof ApplicationFailure && cause.type === PERMANENT_FAILURE;
}

const reasonOf = (error: unknown): string => (activityCause(error) as ApplicationFailure).message;

/**
 * Answers the lifecycle's requests with activities. A write that fails permanently is recorded as an
 * operator alert and the case goes on, so one bad row never holds the handler lock or stops the clocks.
 */
function answerer(complaint: ComplaintCase, publish: (values: SearchAttributeValues) => void) {
  const surviving = async <T>(activity: string, handled: string, call: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await call();
    } catch (error) {
      if (!isPermanent(error)) throw error;
      complaint.raiseAlert({ activity, reason: reasonOf(error), handled });
      return undefined;
    }
  };

  /** A deadline in the agency's calendar; when that calendar cannot be read, in the national one (and the operator is told). */
  const plan = async (request: DeadlinePlanRequest): Promise<PlannedDeadline> => {
    const summary = `plan the ${request.stage} deadline`;
    try {
      return await activities(summary).planDeadline(request);
    } catch (error) {
      if (!isPermanent(error) || request.agencyId === null) throw error;
      const handled = `the ${request.stage} deadline was counted in the national calendar instead of ${request.agencyId}'s`;
      complaint.raiseAlert({ activity: 'planDeadline', reason: reasonOf(error), handled });
      const remark = { kind: 'NATIONAL_CALENDAR_INSTEAD' as const, stage: request.stage, agencyId: request.agencyId, error: reasonOf(error) };
      return activities(summary).planDeadline({
        ...request,
        agencyId: null,
        notes: [...request.notes, `${handled}: ${reasonOf(error)}`],
        remarks: [...(request.remarks ?? []), remark],
      });
    }
  };

  return (request: Request): unknown => {
    switch (request.kind) {
      case 'since':
        return patched(request.change);
      case 'planDeadline':
        return plan(request.request);
      case 'planDeadlines':
        return Promise.all(request.requests.map(plan));
      case 'remainingAfterPause':
        return activities('time left after a pause').remainingAfterPause(request.request);
      case 'publish':
        return publish(request.attributes);
      case 'project': {
        const { type, seq } = request.record;
        return surviving('projectTransition', `event ${seq} (${type}) is missing from the read model`, () =>
          activities(`record ${type} in the read model`).projectTransition(request.record),
        );
      }
      case 'notify': {
        const { notice } = request;
        const call = () => activities(`${notice.kind.toLowerCase().replace('_', ' ')} to ${notice.receiverRole}`).notify(notice);
        // An alert that cannot be queued is already in the workflow's status; it raises no alert of its own.
        if (notice.kind === 'OPERATOR_ALERT') return call().catch((error: unknown) => (isPermanent(error) ? undefined : Promise.reject(error)));
        return surviving('notify', `the ${notice.kind.toLowerCase()} ${notice.key} was not queued`, call);
      }
      case 'recordEscalation': {
        const { escalation } = request;
        return surviving('recordEscalation', `escalation ${escalation.key} is kept in the workflow only`, () =>
          activities(`escalate the ${escalation.stage} deadline, level ${escalation.level}`).recordEscalation(escalation),
        );
      }
      case 'markAcknowledged':
        return surviving('markEscalationAcknowledged', `the acknowledgement of ${request.acknowledgement.key} is kept in the workflow only`, () =>
          activities('mark an escalation acknowledged').markEscalationAcknowledged(request.acknowledgement),
        );
    }
  };
}

/** A refusal of the lifecycle as the failure an Update answers with (the API maps its type to 409 or 400). */
function refusing<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof CaseRefusal)) throw error;
    // details: [illegal-transition facts or null, the API's wording or null] (see src/common/action-refusal.ts).
    const details = error.details || error.wording ? [error.details ?? null, error.wording ?? null] : undefined;
    throw ApplicationFailure.create({ type: error.type, message: error.message, details, nonRetryable: true });
  }
}

export async function complaintWorkflow(input: ComplaintWorkflowInput): Promise<ComplaintStatus> {
  const complaint = new ComplaintCase(input, { now: () => new Date(Date.now()).toISOString(), workflowId: complaintWorkflowId(input.trackingId) });
  // Asked before the first activity: a patch first asked right after a local activity's result can land in
  // the next workflow task (a query arriving meanwhile splits the task), where a replay does not look for it.
  const searchAttributes = searchAttributePublisher(patched(PATCH_PUBLISH_WHEN_WAITING));
  const answer = answerer(complaint, searchAttributes.publish);
  const drive = async <T>(work: Work<T>): Promise<T> => {
    for (let next = work.next(); ; ) {
      if (next.done) return next.value;
      next = work.next(await answer(next.value));
    }
  };
  /** Runs a transition of the lifecycle to its end, answering each request in turn; then tells the operator of any new alert. */
  const run = async <T>(work: Work<T>): Promise<T> => {
    const result = await drive(work);
    await drive(complaint.notifyAlerts());
    return result;
  };

  // One handler at a time: each awaits activities, and the clocks must see a consistent case.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work);
    tail = result.catch(() => undefined);
    return result;
  };

  // Queued before any handler is registered: an Update delivered with the start must wait for it.
  const started = input.carried ? Promise.resolve() : exclusive(() => run(complaint.start()));

  /** The one place a handler ends: the loop looks at the case again (the last acknowledgement may end the workflow). */
  const handled = (): ComplaintStatus => {
    if (patched(PATCH_WAKE_AFTER_EVERY_HANDLER)) complaint.touch();
    return complaint.status();
  };

  for (const action of ACTION_NAMES) {
    type AnyActionInput = ActionInputs[ComplaintAction];
    setHandler(
      ACTION_UPDATES[action] as UpdateDefinition<ComplaintStatus, [AnyActionInput]>,
      (actionInput: AnyActionInput) =>
        exclusive(async () => {
          // Checked again inside the lock: another Update may have moved the case since validation.
          refusing(() => complaint.validate(action, actionInput));
          await run(complaint.perform(action, actionInput));
          return handled();
        }),
      { validator: (actionInput: AnyActionInput) => refusing(() => complaint.validate(action, actionInput)) },
    );
  }
  setHandler<ComplaintStatus, [RetimeDeadlinesInput], typeof retimeDeadlinesUpdate>(
    retimeDeadlinesUpdate,
    (retime: RetimeDeadlinesInput) =>
      exclusive(async () => {
        await run(complaint.retimeDeadlines(retime));
        return handled();
      }),
    { validator: () => refusing(() => complaint.assertOpen()) },
  );
  setHandler(statusQuery, () => complaint.status());

  await started;
  searchAttributes.publish(complaint.searchAttributes());

  const fire = (step: Step) =>
    exclusive(() => {
      // Lateness has causes outside the workflow (an overloaded or restarted worker, a workflow task
      // that timed out): say so where operators look, without touching history.
      const lateMs = Date.now() - Date.parse(step.at);
      if (lateMs > LATE_STEP_WARNING_MS) {
        log.warn('clock step ran late', { trackingId: input.trackingId, step: describeStep(step, complaint.clock(step.clockId)), lateMs });
      }
      return run(complaint.fire(step));
    });
  while (!complaint.finished()) {
    const step = complaint.nextStep();
    // A step already due runs now: a fresh timer would cost the server's timer granularity (~1 s) each time.
    if (step && Date.parse(step.at) <= Date.now() && patched(PATCH_DUE_STEPS_WITHOUT_TIMER)) {
      await fire(step);
      continue;
    }
    // Once per wait: a breach and the escalation due with it make one upsert.
    searchAttributes.flush();
    const seen = complaint.version;
    const moved = () => complaint.version !== seen;
    if (!step) {
      setCurrentDetails(`${complaint.state}: no deadline running; waiting for the next action`);
      await condition(moved);
    } else {
      const summary = describeStep(step, complaint.clock(step.clockId), complaint.receiversOf(step));
      setCurrentDetails(`${complaint.state}: next, at ${step.at}, ${summary}`);
      if (!(await condition(moved, Math.max(1, Date.parse(step.at) - Date.now()), { summary }))) await fire(step);
    }
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > (input.continueAsNewAfterEvents ?? DEFAULT_HISTORY_LIMIT)) {
      await condition(allHandlersFinished);
      await exclusive(async () => undefined);
      searchAttributes.flush();
      await continueAsNew<typeof complaintWorkflow>({ ...input, carried: complaint.snapshot() });
    }
  }
  await condition(allHandlersFinished);
  searchAttributes.flush();
  return complaint.status();
}
