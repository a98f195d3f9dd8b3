// One complaint, one workflow. It waits on officer and reporter Updates plus one timer: the next step
// the clocks would take on their own. Handlers run one at a time; every Update is validated before it
// enters history.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { ComplaintCase } from './complaint-case.js';
import {
  acceptUpdate,
  acknowledgeEscalationUpdate,
  archiveUpdate,
  assignUpdate,
  disputeUpdate,
  extendDeadlineUpdate,
  provideClarificationUpdate,
  recordFollowUpUpdate,
  redirectUpdate,
  requestClarificationUpdate,
  resolveUpdate,
  retimeDeadlinesUpdate,
  statusQuery,
  verifyUpdate,
  type Actor,
  type ComplaintAction,
  type ComplaintStatus,
  type ComplaintWorkflowInput,
} from './messages.js';

/** Workflow-code change made once histories existed; runs recorded before it keep arming a timer. */
const PATCH_DUE_STEPS_WITHOUT_TIMER = 'due-steps-fire-without-timer';

/** For inputs recorded before the limit travelled with the input. */
const DEFAULT_HISTORY_LIMIT = 5000;

export async function complaintWorkflow(input: ComplaintWorkflowInput): Promise<ComplaintStatus> {
  const complaint = new ComplaintCase(input);

  // One handler at a time: each awaits activities, and the clocks must see a consistent case.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work);
    tail = result.catch(() => undefined);
    return result;
  };

  // Queued before any handler is registered: an Update delivered with the start must wait for it.
  const started = input.carried ? Promise.resolve() : exclusive(() => complaint.start());

  const officerAction = <I extends { actor: Actor }>(
    update: UpdateDefinition<ComplaintStatus, [I], string>,
    action: ComplaintAction | null,
    perform: (input: I) => Promise<void>,
  ) =>
    setHandler(
      update,
      (actionInput: I) =>
        exclusive(async () => {
          // Re-checked inside the lock: another Update may have moved the case since validation.
          if (action) complaint.validate(action, actionInput as I & Record<string, unknown>);
          await perform(actionInput);
          return complaint.status();
        }),
      {
        validator: (actionInput: I) => {
          if (action) complaint.validate(action, actionInput as I & Record<string, unknown>);
          else complaint.assertOpen();
        },
      },
    );

  setHandler(statusQuery, () => complaint.status());
  officerAction(verifyUpdate, 'verify', (i) => complaint.verify(i));
  officerAction(requestClarificationUpdate, 'requestClarification', (i) => complaint.requestClarification(i));
  officerAction(provideClarificationUpdate, 'provideClarification', (i) => complaint.provideClarification(i));
  officerAction(archiveUpdate, 'archive', (i) => complaint.archive(i));
  officerAction(assignUpdate, 'assign', (i) => complaint.assign(i));
  officerAction(redirectUpdate, 'redirect', (i) => complaint.redirect(i));
  officerAction(recordFollowUpUpdate, 'recordFollowUp', (i) => complaint.recordFollowUp(i));
  officerAction(resolveUpdate, 'resolve', (i) => complaint.resolve(i));
  officerAction(acceptUpdate, 'accept', (i) => complaint.accept(i));
  officerAction(disputeUpdate, 'dispute', (i) => complaint.dispute(i));
  officerAction(extendDeadlineUpdate, 'extendDeadline', (i) => complaint.extendDeadline(i));
  officerAction(acknowledgeEscalationUpdate, 'acknowledgeEscalation', (i) => complaint.acknowledgeEscalation(i));
  officerAction(retimeDeadlinesUpdate, null, (i) => complaint.retimeDeadlines(i));

  await started;
  complaint.publishSearchAttributes();

  while (!complaint.finished()) {
    const step = complaint.nextStep();
    // A step already due runs now: a fresh timer would cost the server's timer granularity (~1 s) each time.
    if (step && Date.parse(step.at) <= Date.now() && patched(PATCH_DUE_STEPS_WITHOUT_TIMER)) {
      await exclusive(() => complaint.fire(step));
      continue;
    }
    const seen = complaint.version;
    const moved = () => complaint.version !== seen;
    if (!step) {
      await condition(moved);
    } else if (!(await condition(moved, Math.max(1, Date.parse(step.at) - Date.now())))) {
      await exclusive(() => complaint.fire(step));
    }
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > (input.continueAsNewAfterEvents ?? DEFAULT_HISTORY_LIMIT)) {
      await condition(allHandlersFinished);
      await exclusive(async () => undefined);
      await continueAsNew<typeof complaintWorkflow>({ ...input, carried: complaint.snapshot() });
    }
  }
  await condition(allHandlersFinished);
  return complaint.status();
}
