// Trivial workflows for the raw-Temporal baselines of `npm run bench`; bundled by the bench only.
import { condition, defineUpdate, setHandler, sleep } from '@temporalio/workflow';

export const echoUpdate = defineUpdate<number, [number], 'echo'>('echo');
export const stopUpdate = defineUpdate<void, [], 'stop'>('stop');

/** Starts and completes: what `client.workflow.start` costs with nothing else. */
export async function emptyWorkflow(): Promise<void> {}

/** Answers Updates until stopped: the round trip of a trivial Update. */
export async function echoWorkflow(): Promise<void> {
  let stopped = false;
  setHandler(echoUpdate, (n: number) => n);
  setHandler(stopUpdate, () => {
    stopped = true;
  });
  await condition(() => stopped);
}

/**
 * One timer of the raw timer storm: sleeps until `dueAt` (epoch ms) and answers the workflow time it woke
 * at — the start of the workflow task that saw TimerFired, as Tenggat's clock records `fired_at`.
 */
export async function timerWorkflow(dueAt: number): Promise<number> {
  await sleep(Math.max(1, dueAt - Date.now()));
  return Date.now();
}
