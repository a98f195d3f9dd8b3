// The clocks' own rules: what each clock will do next on its own, how a plan from the business calendar
// lands on a clock, pauses, and how a step reads in a sentence. Pure functions over plain data.
import type { Clock, DeadlineExplanation, DeadlineExtension, DeadlineRemark, DeadlineRule, EscalationStep, Pause, SlaPolicyVersion } from './types.js';
import { REPORTER_STAGES, STAGE_LABEL, type Stage } from './vocabulary.js';

/** The next thing a clock will do on its own, if nobody acts first. */
export type Step =
  | { kind: 'remind'; clockId: string; at: string }
  | { kind: 'breach'; clockId: string; at: string }
  | { kind: 'escalate'; clockId: string; level: number; at: string }
  | { kind: 'expire'; clockId: string; at: string };

/** What the business calendar is asked for one clock (the planDeadline activity's input). */
export interface DeadlinePlanRequest {
  /** Echoed in the answer so a reader of the history knows which clock was planned. */
  clockId: string;
  stage: Stage;
  startAt: string;
  rule: DeadlineRule;
  extensions: DeadlineExtension[];
  /** Pauses that ended, each giving back the working time it took. */
  pauses?: Pause[];
  notes: string[];
  /** The notes as data: the last `remarks.length` notes (earlier ones were kept before remarks were). */
  remarks?: DeadlineRemark[];
  /** The agency whose calendar counts; null means the national verifier's `defaultTimeZone`. */
  agencyId: string | null;
  defaultTimeZone: string;
  /** When to remind the owner, ahead of the deadline; null for no reminder. */
  reminderBefore: DeadlineRule | null;
  /** The escalation ladder to place after the deadline (runs before ladder-planned-with-deadline left it out). */
  escalation?: EscalationStep[];
}

export interface PlannedDeadline {
  explanation: DeadlineExplanation;
  remindAt: string | null;
  rungs?: { level: number; at: string }[];
  clockId?: string;
  stage?: Stage;
}

export const isReporterClock = (clock: Pick<Clock, 'stage'>): boolean => REPORTER_STAGES.includes(clock.stage);

export function newClock(id: string, stage: Stage, agencyId: string | null, anchorAt: string, rule: DeadlineRule): Clock {
  return {
    id,
    stage,
    agencyId,
    anchorAt,
    rule,
    extensions: [],
    notes: [],
    remarks: [],
    pauses: [],
    explanation: undefined as never, // set by the first plan, before the clock joins the case
    remindAt: null,
    reminded: false,
    breached: false,
    breaches: 0,
    rungs: [],
    firedLevels: [],
    pausedAt: null,
  };
}

/** The calendar request for a clock; `resumeAt` adds the pause that is ending now. */
export function planRequest(clock: Clock, policy: SlaPolicyVersion, options: { withLadder: boolean; resumeAt?: string }): DeadlinePlanRequest {
  const officerClock = !isReporterClock(clock);
  const pauses = [...(clock.pauses ?? [])];
  if (options.resumeAt && clock.pausedAt) pauses.push({ from: clock.pausedAt, to: options.resumeAt });
  return {
    clockId: clock.id,
    stage: clock.stage,
    startAt: clock.anchorAt,
    rule: clock.rule,
    extensions: clock.extensions,
    ...(pauses.length ? { pauses } : {}),
    notes: clock.notes,
    ...(clock.remarks?.length ? { remarks: clock.remarks } : {}),
    agencyId: clock.agencyId,
    defaultTimeZone: policy.nationalTimeZone,
    reminderBefore: officerClock ? policy.reminderBefore : null,
    ...(options.withLadder ? { escalation: policy.escalation } : {}),
  };
}

/** When the clock last started counting: its anchor, or the end of its latest pause. */
function countingSince(clock: Clock): string {
  const last = clock.pauses?.at(-1);
  return last?.to ?? clock.anchorAt;
}

/** Puts a calendar plan on the clock. A reminder not yet sent stays pending, even if its instant is past. */
export function applyPlan(clock: Clock, planned: PlannedDeadline): void {
  clock.explanation = planned.explanation;
  if (planned.rungs) clock.rungs = planned.rungs;
  clock.remindAt = planned.remindAt && Date.parse(planned.remindAt) > Date.parse(countingSince(clock)) ? planned.remindAt : null;
  clock.reminded = clock.remindAt === null;
}

/** Adds a note in English for operators and the same as data for the API to word. */
export function addRemark(clock: Clock, note: string, remark: DeadlineRemark): void {
  clock.notes.push(note);
  clock.remarks = [...(clock.remarks ?? []), remark];
}

/** Ends the clock's pause at `at`; the plan that follows gives the paused working time back. */
export function endPause(clock: Clock, at: string): void {
  if (!clock.pausedAt) return;
  clock.pauses = [...(clock.pauses ?? []), { from: clock.pausedAt, to: at }];
  clock.pausedAt = null;
}

/** The earliest thing the clocks will do on their own, computed from state (never from a loop index). */
export function nextStep(clocks: Clock[]): Step | null {
  const steps: Step[] = [];
  for (const c of clocks) {
    if (c.pausedAt) continue;
    if (isReporterClock(c)) {
      steps.push({ kind: 'expire', clockId: c.id, at: c.explanation.dueAt });
    } else if (!c.breached) {
      if (c.remindAt && !c.reminded) steps.push({ kind: 'remind', clockId: c.id, at: c.remindAt });
      steps.push({ kind: 'breach', clockId: c.id, at: c.explanation.dueAt });
    } else {
      const rung = c.rungs.find((r) => !c.firedLevels.includes(r.level));
      if (rung) steps.push({ kind: 'escalate', clockId: c.id, level: rung.level, at: rung.at });
    }
  }
  return steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0] ?? null;
}

/** Whether `step` is still something the clock has to do (an action may have moved or stopped it meanwhile). */
export function stepStillDue(clock: Clock | undefined, step: Step): clock is Clock {
  if (!clock || clock.pausedAt) return false;
  switch (step.kind) {
    case 'remind':
      return !clock.breached && !clock.reminded && clock.remindAt === step.at;
    case 'breach':
      return !clock.breached && clock.explanation.dueAt === step.at;
    case 'escalate':
      return clock.breached && !clock.firedLevels.includes(step.level) && clock.rungs.some((r) => r.level === step.level && r.at === step.at);
    case 'expire':
      return clock.explanation.dueAt === step.at;
  }
}

/** A step in a sentence, for timer summaries and the auditor's timeline. */
export function describeStep(step: Step, clock: Clock | undefined, receivers?: string): string {
  const stage = clock ? STAGE_LABEL[clock.stage] : 'unknown';
  const agency = clock?.agencyId ? ` (${clock.agencyId})` : clock ? ' (national)' : '';
  switch (step.kind) {
    case 'remind':
      return `reminder that the ${stage} deadline${agency} is due ${clock?.explanation.dueAt ?? 'soon'}`;
    case 'breach':
      return `${stage} deadline${agency} due ${step.at}`;
    case 'escalate':
      return `escalation level ${step.level} of the ${stage} deadline${agency}${receivers ? ` to ${receivers}` : ''}`;
    case 'expire':
      return `${stage} deadline due ${step.at} (the complaint ${clock?.stage === 'clarification' ? 'is archived' : 'is closed as accepted'} if the reporter stays silent)`;
  }
}

/** Milliseconds of an ISO-8601 duration of days, hours, minutes and seconds (what policies use). */
export function isoDurationMs(iso: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return NaN;
  const [, d, h, min, sec] = m.map((v) => Number(v ?? 0));
  return (((d * 24 + h) * 60 + min) * 60 + sec) * 1000;
}
