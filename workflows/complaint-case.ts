// The complaint's state machine and clocks. Deterministic: every instant comes from workflow time
// or from an activity result recorded in history; the class holds plain data that crosses
// continue-as-new. Handlers run one at a time (see complaint.workflow.ts).
import { ApplicationFailure, patched, proxyActivities, proxyLocalActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import {
  ILLEGAL_TRANSITION,
  INVALID_ACTION,
  complaintWorkflowId,
  STAGE_OWNER,
  type AcceptInput,
  type AcknowledgeEscalationInput,
  type Actor,
  type ArchiveInput,
  type AssignInput,
  type CaseSnapshot,
  type Clock,
  type ComplaintAction,
  type ComplaintState,
  type ComplaintStatus,
  type ComplaintWorkflowInput,
  type DeadlineRule,
  type DisputeInput,
  type ExtendDeadlineInput,
  type IllegalTransitionDetails,
  type OfficerStage,
  type ProvideClarificationInput,
  type RecordFollowUpInput,
  type RedirectInput,
  type RequestClarificationInput,
  type ResolveInput,
  type RetimeDeadlinesInput,
  type Stage,
  type VerifyInput,
} from './messages.js';

const activityOptions = {
  // Short: these are quick database and calendar calls, and a worker killed mid-activity delays its retry by this much.
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
} as const;
const remoteActivities = proxyActivities<ReturnType<typeof createActivities>>(activityOptions);
const localActivities = proxyLocalActivities<ReturnType<typeof createActivities>>(activityOptions);

/**
 * The activities, run as local activities in runs that carry PATCH_LOCAL_ACTIVITIES: they are short
 * database and calendar calls, and running them inside the worker spares the server three history
 * events and a task round trip each. Runs recorded before keep scheduling them on the task queue.
 */
const acts = () => (patched(PATCH_LOCAL_ACTIVITIES) ? localActivities : remoteActivities);

/** Which actions each state allows; validators, handlers and the status query all read it. */
const ALLOWED_ACTIONS: Record<ComplaintState, ComplaintAction[]> = {
  SUBMITTED: ['verify', 'requestClarification', 'archive', 'extendDeadline', 'acknowledgeEscalation'],
  AWAITING_CLARIFICATION: ['provideClarification', 'archive', 'acknowledgeEscalation'],
  DISPOSED: ['assign', 'redirect', 'requestClarification', 'extendDeadline', 'acknowledgeEscalation'],
  IN_PROGRESS: ['recordFollowUp', 'resolve', 'redirect', 'requestClarification', 'extendDeadline', 'acknowledgeEscalation'],
  AWAITING_FEEDBACK: ['accept', 'dispute', 'acknowledgeEscalation'],
  CLOSED: ['acknowledgeEscalation'],
  ARCHIVED: ['acknowledgeEscalation'],
};

const TERMINAL: ComplaintState[] = ['CLOSED', 'ARCHIVED'];

/**
 * Workflow-code changes made once histories existed (see README, "Changing workflow code"): each
 * branch keeps the old behaviour for runs recorded before it.
 */
const PATCH_LADDER_PLANNED_WITH_DEADLINE = 'ladder-planned-with-deadline';
const PATCH_AGENCY_CLOCKS_PLANNED_TOGETHER = 'agency-clocks-planned-together';
const PATCH_LOCAL_ACTIVITIES = 'local-activities';
/** The SUBMITTED row carries the verification deadline (work queues sort by it); runs before projected it first. */
const PATCH_SUBMISSION_PROJECTED_WITH_DEADLINE = 'submission-projected-with-deadline';
const AGENCY_STAGES: Stage[] = ['assignment', 'firstFollowUp', 'resolution'];
const REPORTER_STAGES: Stage[] = ['clarification', 'feedback'];

/** The next thing the clocks will do on their own, if nobody acts first. */
export type Step =
  | { kind: 'remind'; clockId: string; at: string }
  | { kind: 'breach'; clockId: string; at: string }
  | { kind: 'escalate'; clockId: string; level: number; at: string }
  | { kind: 'expire'; clockId: string; at: string };

const now = (): string => new Date(Date.now()).toISOString();

function refuse(type: string, message: string, details?: unknown): never {
  throw ApplicationFailure.create({ type, message, details: details === undefined ? undefined : [details], nonRetryable: true });
}

function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') refuse(INVALID_ACTION, `${field} is required`);
}

export class ComplaintCase {
  /** Bumped on every change, so the main loop knows to look at the clocks again. */
  version = 0;
  private readonly s: CaseSnapshot;

  constructor(private readonly input: ComplaintWorkflowInput) {
    this.s = input.carried ?? {
      state: 'SUBMITTED',
      stateBeforeClarification: null,
      agencyId: input.agencyId,
      classification: input.classification,
      complexity: null,
      eventSeq: 0,
      clockSeq: 0,
      clocks: [],
      escalations: [],
      facts: {
        disposedAt: null,
        assigneeId: null,
        firstResponseAt: null,
        resolvedAt: null,
        closedAt: null,
        closedBy: null,
        archiveReason: null,
        rating: null,
        redirects: 0,
        disputes: 0,
      },
    };
  }

  /** Keys of escalations and notifications: derived from the input, so replays rebuild them exactly. */
  private get workflowId(): string {
    return complaintWorkflowId(this.input.trackingId);
  }

  get policy() {
    return this.input.policy;
  }

  snapshot(): CaseSnapshot {
    return this.s;
  }

  /** The workflow may end once the case is closed or archived and every escalation was acknowledged. */
  finished(): boolean {
    return TERMINAL.includes(this.s.state) && this.s.escalations.every((e) => e.acknowledgedAt !== null);
  }

  status(): ComplaintStatus {
    const { s } = this;
    return {
      trackingId: this.input.trackingId,
      state: s.state,
      agencyId: s.agencyId,
      classification: s.classification,
      complexity: s.complexity,
      policyVersion: this.policy.version,
      deadlines: s.clocks.map((c) => ({
        clockId: c.id,
        stage: c.stage,
        agencyId: c.agencyId,
        dueAt: c.explanation.dueAt,
        remindAt: c.remindAt,
        breached: c.breached,
        paused: c.pausedAt !== null,
        extensions: c.extensions.length,
        explanation: c.explanation,
      })),
      escalations: s.escalations.map((e) => ({ ...e })),
      facts: { ...s.facts },
      allowedActions: ALLOWED_ACTIONS[s.state],
    };
  }

  // ---- validation (synchronous, no I/O: runs before an Update enters history) ----

  assertAllowed(action: ComplaintAction): void {
    if (ALLOWED_ACTIONS[this.s.state].includes(action)) return;
    const details: IllegalTransitionDetails = { action, state: this.s.state, allowedActions: ALLOWED_ACTIONS[this.s.state] };
    const allowed = details.allowedActions.length ? details.allowedActions.join(', ') : 'none';
    refuse(ILLEGAL_TRANSITION, `cannot ${action}: complaint is ${this.s.state}; allowed actions: ${allowed}`, details);
  }

  /** For administrative Updates that any open case accepts. */
  assertOpen(): void {
    if (TERMINAL.includes(this.s.state)) refuse(ILLEGAL_TRANSITION, `complaint is ${this.s.state}; its deadlines are no longer running`);
  }

  validate(action: ComplaintAction, input: { actor: Actor } & Record<string, unknown>): void {
    this.assertAllowed(action);
    if (!input?.actor?.id || !input.actor.role) refuse(INVALID_ACTION, `${action} needs actor.id and actor.role`);
    switch (action) {
      case 'verify':
        return requireText(input.agencyId, 'agencyId');
      case 'redirect':
        requireText(input.toAgencyId, 'toAgencyId');
        requireText(input.reason, 'reason');
        if (input.toAgencyId === this.s.agencyId) refuse(INVALID_ACTION, `toAgencyId: the complaint is already with ${this.s.agencyId}`);
        return;
      case 'assign':
        return requireText(input.liaisonId, 'liaisonId');
      case 'accept':
        if (!Number.isInteger(input.rating) || (input.rating as number) < 1 || (input.rating as number) > 5) {
          refuse(INVALID_ACTION, 'rating must be a whole number from 1 to 5');
        }
        return;
      case 'extendDeadline':
        return this.validateExtension(input as unknown as ExtendDeadlineInput);
      case 'acknowledgeEscalation': {
        const escalation = this.s.escalations.find((e) => e.key === input.escalationKey);
        if (!escalation) refuse(INVALID_ACTION, `escalationKey: no escalation ${String(input.escalationKey)} on this complaint`);
        if (escalation.acknowledgedAt) refuse(INVALID_ACTION, `escalation ${escalation.key} was already acknowledged by ${escalation.acknowledgedBy}`);
        return;
      }
      default:
        return;
    }
  }

  private validateExtension({ stage, extra, reason, approvedBy }: ExtendDeadlineInput): void {
    requireText(reason, 'reason');
    requireText(approvedBy, 'approvedBy');
    const clock = this.s.clocks.find((c) => c.stage === stage);
    if (!clock || REPORTER_STAGES.includes(stage)) refuse(INVALID_ACTION, `stage: no ${String(stage)} deadline is running`);
    const cap = this.policy.extension;
    if (clock.extensions.length >= cap.maxPerStage) {
      refuse(INVALID_ACTION, `stage: ${stage} was already extended ${clock.extensions.length} time(s); the policy allows ${cap.maxPerStage}`);
    }
    if (extra && 'workingDays' in extra) {
      if (!Number.isInteger(extra.workingDays) || extra.workingDays < 1 || extra.workingDays > cap.maxWorkingDays) {
        refuse(INVALID_ACTION, `extra.workingDays must be from 1 to ${cap.maxWorkingDays} (policy cap)`);
      }
    } else if (extra && 'duration' in extra) {
      if (!/^P/.test(extra.duration) || isoDurationMs(extra.duration) <= 0 || isoDurationMs(extra.duration) > isoDurationMs(cap.maxDuration)) {
        refuse(INVALID_ACTION, `extra.duration must be a positive ISO-8601 duration up to ${cap.maxDuration} (policy cap)`);
      }
    } else {
      refuse(INVALID_ACTION, 'extra must give workingDays or duration');
    }
  }

  // ---- actions ----

  async start(): Promise<void> {
    const projectSubmission = () =>
      this.project('SUBMITTED', null, { channel: this.input.channel, classification: this.s.classification }, this.input.submittedAt);
    const withDeadline = patched(PATCH_SUBMISSION_PROJECTED_WITH_DEADLINE);
    if (!withDeadline) await projectSubmission();
    await this.startClock('verification', null, this.input.submittedAt, this.policy.deadlines.verification);
    if (withDeadline) await projectSubmission();
  }

  async verify({ actor, agencyId, classification, complexity }: VerifyInput): Promise<void> {
    this.stopClocks(['verification']);
    const at = now();
    Object.assign(this.s, { state: 'DISPOSED', agencyId, classification: classification ?? this.s.classification });
    this.s.complexity = complexity ?? 'NORMAL';
    this.s.facts.disposedAt = at;
    await this.startAgencyClocks(at);
    await this.project('VERIFIED', actor, { agencyId, classification: this.s.classification, complexity: this.s.complexity }, at);
  }

  async requestClarification({ actor, question }: RequestClarificationInput): Promise<void> {
    const at = now();
    this.s.stateBeforeClarification = this.s.state;
    this.s.state = 'AWAITING_CLARIFICATION';
    for (const clock of this.s.clocks) if (!clock.breached) clock.pausedAt = at;
    await this.startClock('clarification', this.s.agencyId, at, this.policy.deadlines.clarification);
    await this.project('CLARIFICATION_REQUESTED', actor, { question }, at);
  }

  async provideClarification({ actor, answer }: ProvideClarificationInput): Promise<void> {
    const at = now();
    this.stopClocks(['clarification']);
    this.s.state = this.s.stateBeforeClarification ?? 'SUBMITTED';
    this.s.stateBeforeClarification = null;
    for (const clock of this.s.clocks.filter((c) => c.pausedAt)) await this.resume(clock, at);
    await this.project('CLARIFICATION_PROVIDED', actor, { answer }, at);
  }

  async archive({ actor, reason, note }: ArchiveInput): Promise<void> {
    await this.archiveAs(reason, actor, { reason, note: note ?? null });
  }

  async assign({ actor, liaisonId }: AssignInput): Promise<void> {
    this.stopClocks(['assignment']);
    this.s.state = 'IN_PROGRESS';
    this.s.facts.assigneeId = liaisonId;
    await this.project('ASSIGNED', actor, { liaisonId }, now());
  }

  async redirect({ actor, toAgencyId, reason }: RedirectInput): Promise<void> {
    const at = now();
    const from = this.s.agencyId;
    this.stopClocks(AGENCY_STAGES);
    Object.assign(this.s, { state: 'DISPOSED', agencyId: toAgencyId });
    this.s.facts.assigneeId = null;
    this.s.facts.redirects += 1;
    await this.startAgencyClocks(at);
    await this.project('REDIRECTED', actor, { fromAgencyId: from, toAgencyId, reason, redirects: this.s.facts.redirects }, at);
    if (this.s.facts.redirects > this.policy.maxRedirects) {
      await this.escalate({
        key: `${this.workflowId}:redirection:${this.s.facts.redirects}`,
        stage: 'redirection',
        level: 1,
        receiverRole: 'NATIONAL_ADMIN',
        agencyId: null,
        dueAt: at,
      });
    }
  }

  async recordFollowUp({ actor, text }: RecordFollowUpInput): Promise<void> {
    const at = now();
    this.stopClocks(['firstFollowUp']);
    this.s.facts.firstResponseAt ??= at;
    await this.project('FOLLOWED_UP', actor, { text }, at);
  }

  async resolve({ actor, answer }: ResolveInput): Promise<void> {
    const at = now();
    this.stopClocks(['firstFollowUp', 'resolution']);
    this.s.state = 'AWAITING_FEEDBACK';
    this.s.facts.firstResponseAt ??= at;
    this.s.facts.resolvedAt = at;
    await this.startClock('feedback', this.s.agencyId, at, this.policy.deadlines.feedback);
    await this.project('RESOLVED', actor, { answer }, at);
  }

  async accept({ actor, rating, comment }: AcceptInput): Promise<void> {
    await this.close('REPORTER', actor, rating, { rating, comment: comment ?? null });
  }

  async dispute({ actor, reason }: DisputeInput): Promise<void> {
    const at = now();
    this.stopClocks(['feedback']);
    this.s.state = 'IN_PROGRESS';
    this.s.facts.disputes += 1;
    await this.startClock('resolution', this.s.agencyId, at, this.resolutionRule());
    await this.project('DISPUTED', actor, { reason, disputes: this.s.facts.disputes }, at);
  }

  async extendDeadline({ actor, stage, extra, reason, approvedBy }: ExtendDeadlineInput): Promise<void> {
    const clock = this.s.clocks.find((c) => c.stage === stage)!;
    const previousDueAt = clock.explanation.dueAt;
    clock.extensions.push({ ...extra, source: `extension approved by ${approvedBy}: ${reason}` });
    clock.breached = false;
    if (!(await this.plan(clock))) clock.rungs = [];
    await this.project('DEADLINE_EXTENDED', actor, { stage, previousDueAt, dueAt: clock.explanation.dueAt, reason, approvedBy }, now());
  }

  async acknowledgeEscalation({ actor, escalationKey }: AcknowledgeEscalationInput): Promise<void> {
    const at = now();
    const escalation = this.s.escalations.find((e) => e.key === escalationKey)!;
    await acts().markEscalationAcknowledged({ key: escalationKey, acknowledgedBy: actor.id, acknowledgedAt: at });
    Object.assign(escalation, { acknowledgedAt: at, acknowledgedBy: actor.id });
    await this.project('ESCALATION_ACKNOWLEDGED', actor, { escalationKey, level: escalation.level, stage: escalation.stage }, at);
  }

  /** Recomputes every running officer deadline on today's calendar data; policy numbers stay frozen. */
  async retimeDeadlines({ actor, reason }: RetimeDeadlinesInput): Promise<void> {
    const at = now();
    const changes: { stage: Stage; from: string; to: string }[] = [];
    for (const clock of this.s.clocks.filter((c) => !c.pausedAt && !REPORTER_STAGES.includes(c.stage))) {
      const from = clock.explanation.dueAt;
      clock.notes.push(`re-timed at ${at}: ${reason}`);
      const ladderPlanned = await this.plan(clock);
      if (clock.explanation.dueAt !== from) {
        if (!clock.breached || Date.parse(clock.explanation.dueAt) > Date.parse(at)) {
          clock.breached = false;
          if (!ladderPlanned) clock.rungs = [];
        }
        changes.push({ stage: clock.stage, from, to: clock.explanation.dueAt });
      }
    }
    await this.project('DEADLINES_RETIMED', actor, { reason, changes }, at);
  }

  // ---- clocks ----

  /** The earliest thing the clocks will do on their own, computed from state (never from a loop index). */
  nextStep(): Step | null {
    const steps: Step[] = [];
    for (const c of this.s.clocks) {
      if (c.pausedAt) continue;
      if (REPORTER_STAGES.includes(c.stage)) {
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

  /** Performs a step whose time has come, unless an action made it moot meanwhile. */
  async fire(step: Step): Promise<void> {
    const clock = this.s.clocks.find((c) => c.id === step.clockId);
    if (!clock || clock.pausedAt || Date.parse(step.at) > Date.now()) return;
    this.version += 1;
    if (step.kind === 'remind' && !clock.reminded) {
      clock.reminded = true;
      await acts().notify({
        key: `${this.workflowId}:${clock.id}:reminder:${clock.explanation.dueAt}`,
        complaintId: this.input.complaintId,
        trackingId: this.input.trackingId,
        kind: 'REMINDER',
        stage: clock.stage,
        level: 0,
        receiverRole: STAGE_OWNER[clock.stage as OfficerStage],
        agencyId: clock.agencyId,
        dueAt: clock.explanation.dueAt,
      });
    } else if (step.kind === 'breach' && !clock.breached) {
      clock.breached = true;
      if (clock.rungs.length === 0) {
        // Runs recorded before PATCH_LADDER_PLANNED_WITH_DEADLINE compute the ladder at the breach.
        for (const rung of this.policy.escalation) {
          const at = rung.afterBreach ? await this.deadlineAfter(clock.explanation.dueAt, rung.afterBreach, clock.agencyId) : clock.explanation.dueAt;
          clock.rungs.push({ level: rung.level, at });
        }
      }
      await this.project('DEADLINE_BREACHED', null, { stage: clock.stage, dueAt: clock.explanation.dueAt }, clock.explanation.dueAt);
    } else if (step.kind === 'escalate' && !clock.firedLevels.includes(step.level)) {
      const rung = this.policy.escalation.find((r) => r.level === step.level)!;
      clock.firedLevels.push(step.level);
      await this.escalate({
        key: `${this.workflowId}:${clock.id}:${step.level}`,
        stage: clock.stage,
        level: step.level,
        receiverRole: rung.receiverRole,
        agencyId: clock.agencyId,
        dueAt: clock.explanation.dueAt,
      });
    } else if (step.kind === 'expire') {
      if (clock.stage === 'clarification') await this.archiveAs('NO_CLARIFICATION', null, { reason: 'NO_CLARIFICATION' });
      else await this.close('FEEDBACK_TIMEOUT', null, null, { acceptedBy: 'FEEDBACK_TIMEOUT' });
    }
    this.publishSearchAttributes();
  }

  publishSearchAttributes(): void {
    const next = this.s.clocks
      .filter((c) => !c.pausedAt && !c.breached)
      .map((c) => c.explanation.dueAt)
      .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
    upsertSearchAttributes({
      ComplaintStatus: [this.s.state],
      AgencyId: this.s.agencyId ? [this.s.agencyId] : [],
      NextDeadline: next ? [new Date(next)] : [],
      EscalationLevel: [this.escalationLevel()],
    });
  }

  private escalationLevel(): number {
    return Math.max(0, ...this.s.escalations.filter((e) => !e.acknowledgedAt).map((e) => e.level));
  }

  private resolutionRule(): DeadlineRule {
    return this.policy.deadlines.resolution[this.s.complexity ?? 'NORMAL'];
  }

  private async startAgencyClocks(at: string): Promise<void> {
    const d = this.policy.deadlines;
    const clocks: [Stage, DeadlineRule][] = [
      ['assignment', d.assignment],
      ['firstFollowUp', d.firstFollowUp],
      ['resolution', this.resolutionRule()],
    ];
    if (!patched(PATCH_AGENCY_CLOCKS_PLANNED_TOGETHER)) {
      for (const [stage, rule] of clocks) await this.startClock(stage, this.s.agencyId, at, rule);
      return;
    }
    const planned = clocks.map(([stage, rule]) => this.newClock(stage, this.s.agencyId, at, rule));
    await Promise.all(planned.map((clock) => this.plan(clock)));
    this.s.clocks.push(...planned);
    this.version += 1;
  }

  private async startClock(stage: Stage, agencyId: string | null, anchorAt: string, rule: DeadlineRule): Promise<void> {
    const clock = this.newClock(stage, agencyId, anchorAt, rule);
    await this.plan(clock);
    this.s.clocks.push(clock);
    this.version += 1;
  }

  private newClock(stage: Stage, agencyId: string | null, anchorAt: string, rule: DeadlineRule): Clock {
    return {
      id: `${stage}-${++this.s.clockSeq}`,
      stage,
      agencyId,
      anchorAt,
      rule,
      extensions: [],
      notes: [],
      explanation: undefined as never,
      remindAt: null,
      reminded: false,
      breached: false,
      rungs: [],
      firedLevels: [],
      pausedAt: null,
    };
  }

  /**
   * (Re)computes a clock's deadline and reminder from its anchor, rule and extensions, and with them
   * the instants of its escalation ladder. Answers whether the ladder was planned (see the patch).
   */
  private async plan(clock: Clock): Promise<boolean> {
    const officerClock = !REPORTER_STAGES.includes(clock.stage);
    const withLadder = officerClock && patched(PATCH_LADDER_PLANNED_WITH_DEADLINE);
    const { explanation, remindAt, rungs } = await acts().planDeadline({
      startAt: clock.anchorAt,
      rule: clock.rule,
      extensions: clock.extensions,
      notes: clock.notes,
      agencyId: clock.agencyId,
      defaultTimeZone: this.policy.nationalTimeZone,
      reminderBefore: officerClock ? this.policy.reminderBefore : null,
      ...(withLadder ? { escalation: this.policy.escalation } : {}),
    });
    clock.explanation = explanation;
    if (rungs) clock.rungs = rungs;
    clock.remindAt = remindAt && Date.parse(remindAt) > Date.parse(clock.anchorAt) ? remindAt : null;
    // A reminder not yet sent stays pending, even if a pause or re-timing put its instant in the past.
    clock.reminded = clock.remindAt === null;
    this.version += 1;
    return rungs !== undefined;
  }

  /** Gives back the working time a pause took: what was left is counted again from the resume. */
  private async resume(clock: Clock, at: string): Promise<void> {
    const remaining = await acts().remainingAfterPause({
      startAt: clock.anchorAt,
      rule: clock.rule,
      extensions: clock.extensions,
      agencyId: clock.agencyId,
      defaultTimeZone: this.policy.nationalTimeZone,
      pausedAt: clock.pausedAt!,
    });
    const left = 'workingDays' in remaining ? `${remaining.workingDays} working day(s)` : remaining.duration;
    clock.notes.push(`paused ${clock.pausedAt} to ${at} awaiting the reporter's clarification; ${left} remained`);
    Object.assign(clock, { anchorAt: at, rule: remaining, extensions: [], pausedAt: null });
    await this.plan(clock);
  }

  private async deadlineAfter(from: string, rule: DeadlineRule, agencyId: string | null): Promise<string> {
    const { explanation } = await acts().planDeadline({
      startAt: from,
      rule,
      extensions: [],
      notes: [],
      agencyId,
      defaultTimeZone: this.policy.nationalTimeZone,
      reminderBefore: null,
    });
    return explanation.dueAt;
  }

  private stopClocks(stages: Stage[]): void {
    this.s.clocks = this.s.clocks.filter((c) => !stages.includes(c.stage));
    this.version += 1;
  }

  private async archiveAs(reason: ArchiveInput['reason'] | 'NO_CLARIFICATION', actor: Actor | null, detail: Record<string, unknown>) {
    const at = now();
    this.s.clocks = [];
    this.s.state = 'ARCHIVED';
    this.s.facts.archiveReason = reason;
    this.s.facts.closedAt = at;
    this.version += 1;
    await this.project('ARCHIVED', actor, detail, at);
  }

  private async close(by: 'REPORTER' | 'FEEDBACK_TIMEOUT', actor: Actor | null, rating: number | null, detail: Record<string, unknown>) {
    const at = now();
    this.s.clocks = [];
    this.s.state = 'CLOSED';
    Object.assign(this.s.facts, { closedAt: at, closedBy: by, rating });
    this.version += 1;
    await this.project('CLOSED', actor, detail, at);
  }

  private async escalate(e: { key: string; stage: Stage | 'redirection'; level: number; receiverRole: string; agencyId: string | null; dueAt: string }) {
    const firedAt = now();
    await acts().recordEscalation({ ...e, complaintId: this.input.complaintId, trackingId: this.input.trackingId, firedAt });
    this.s.escalations.push({ ...e, firedAt, acknowledgedAt: null, acknowledgedBy: null });
    this.version += 1;
    await this.project('ESCALATED', null, { key: e.key, stage: e.stage, level: e.level, receiverRole: e.receiverRole }, firedAt);
  }

  private async project(type: string, actor: Actor | null, detail: Record<string, unknown>, occurredAt: string): Promise<void> {
    this.publishSearchAttributes();
    const next = this.s.clocks.filter((c) => !c.pausedAt && !c.breached).map((c) => c.explanation.dueAt);
    await acts().projectTransition({
      complaintId: this.input.complaintId,
      seq: ++this.s.eventSeq,
      type,
      status: this.s.state,
      agencyId: this.s.agencyId,
      actor,
      detail,
      occurredAt,
      readModel: {
        complexity: this.s.complexity,
        assigneeId: this.s.facts.assigneeId,
        firstResponseAt: this.s.facts.firstResponseAt,
        resolvedAt: this.s.facts.resolvedAt,
        closedAt: this.s.facts.closedAt,
        rating: this.s.facts.rating,
        redirectCount: this.s.facts.redirects,
        nextDeadlineAt: next.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null,
        escalationLevel: this.escalationLevel(),
      },
    });
  }
}

/** Milliseconds of an ISO-8601 duration of days, hours, minutes and seconds (what policies use). */
function isoDurationMs(iso: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m) return NaN;
  const [, d, h, min, sec] = m.map((v) => Number(v ?? 0));
  return (((d * 24 + h) * 60 + min) * 60 + sec) * 1000;
}
