import { defaultDataConverter } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowHistoryDecoder } from '../../src/audit/workflow-history.decoder.js';

const recorded = (name: string) =>
  historyFromJSON(JSON.parse(readFileSync(join('test', 'replay', 'histories', `${name}.json`), 'utf8'))).events ?? [];

/** Recorded histories of runs from before local activities: activity inputs are in history there. */
describe(WorkflowHistoryDecoder.name, () => {
  const sut = new WorkflowHistoryDecoder(defaultDataConverter, 'en');

  it('reads escalations and planned deadlines from activities scheduled on the task queue', async () => {
    const steps = await sut.decodeRun('run-1', recorded('v3-breach-to-level-3'));
    expect(steps[0]).toMatchObject({ kind: 'workflow-started', detail: { eventId: 1, runId: 'run-1', channel: 'WEB' } });

    const escalations = steps.filter((s) => s.kind === 'activity-scheduled' && s.detail.activityType === 'recordEscalation');
    expect(escalations.map((s) => [s.detail.level, s.detail.stage, s.detail.receiverRole])).toEqual([
      [1, 'verification', 'SUPERVISOR'],
      [2, 'verification', 'COMPLAINT_MANAGER'],
      [3, 'verification', 'OMBUDSMAN'],
    ]);
    expect(escalations[0].summary).toMatch(/^Activity recordEscalation scheduled: escalation level 1 of the verification deadline \(national\) \(due .+\) to SUPERVISOR\.$/);

    const planned = steps.find((s) => s.kind === 'activity-completed' && s.detail.activityType === 'planDeadline')!;
    expect(planned.detail.dueAt).toEqual(expect.any(String));
    expect(planned.summary).toContain(`deadline due ${String(planned.detail.dueAt)}`);

    const fired = steps.find((s) => s.kind === 'timer-fired')!;
    expect(fired.summary).toMatch(/^Timer \d+ fired \(started .+ for .+\)/);
    expect(steps.some((s) => s.kind === 'code-version')).toBe(true);
    expect(steps.every((s) => s.source === 'workflow' && s.summary.endsWith('.'))).toBe(true);
  });

  it.each(['v3-breach-to-level-3', 'v1-redirected-three-times', 'v2-deadline-extended'])('words the steps of %s in Indonesian, with the same detail', async (name) => {
    const english = await sut.decodeRun('run-1', recorded(name));
    const indonesian = await new WorkflowHistoryDecoder(defaultDataConverter, 'id').decodeRun('run-1', recorded(name));
    const unworded = (steps: typeof english) => steps.map((step) => ({ ...step, summary: '' }));
    expect(unworded(indonesian)).toEqual(unworded(english));
    for (const [i, step] of indonesian.entries()) expect(step.summary).not.toBe(english[i].summary);
    expect(indonesian.map((s) => s.summary).join('\n')).not.toMatch(/\b(Activity|scheduled|completed|fired|was|the complaint)\b/);
    expect(indonesian[0].summary).toMatch(/^Workflow pengaduan dimulai dengan kebijakan SLA /);
  });

  it('reads each Update with its actor and inputs, and timers the case made moot', async () => {
    const steps = await sut.decodeRun('run-1', recorded('v1-redirected-three-times'));
    const updates = steps.filter((s) => s.kind === 'update');
    expect(updates[0]).toMatchObject({ actorRole: 'VERIFIER', detail: { update: 'verify' } });
    const redirects = updates.filter((s) => s.detail.update === 'redirect');
    expect(redirects).toHaveLength(3);
    expect(redirects[0].detail).toEqual(expect.objectContaining({ toAgencyId: expect.any(String), reason: expect.any(String) }));
    expect(redirects[0].summary).toMatch(/^AGENCY_ADMIN \S+ redirected the complaint to another agency \(toAgencyId: .+, reason: .+\)\.$/);
    expect(steps.some((s) => s.kind === 'timer-canceled')).toBe(true);
    expect(steps.some((s) => s.kind === 'activity-scheduled' && s.detail.activityType === 'projectTransition' && s.detail.transition === 'REDIRECTED')).toBe(true);
  });
});

describe('workflow task timeouts in the timeline', () => {
  const sut = new WorkflowHistoryDecoder(defaultDataConverter, 'en');
  it.each([
    [2, 'schedule-to-start: it waited on a worker’s own queue and was handed to the shared queue', 'SCHEDULE_TO_START'],
    [1, 'start-to-close: the worker did not finish it in time (busy or stopped)', 'START_TO_CLOSE'],
  ])('tells a workflow task that timed out (%s), since its step ran that much later', async (timeoutType, how, kind) => {
    const [step] = await sut.decodeRun('run-1', [{ eventId: 7, eventTime: { seconds: 1_795_000_000 }, workflowTaskTimedOutEventAttributes: { timeoutType } }] as never);
    expect(step).toMatchObject({ kind: 'workflow-task-timed-out', summary: `A workflow task timed out (${how}); Temporal gave it to a worker again.`, detail: { timeoutType: kind } });
  });
});
