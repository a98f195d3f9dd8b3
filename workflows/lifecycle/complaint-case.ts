// The complaint's state machine, pure: what each action and each clock step does to the case, and
// what must happen outside (plan a deadline, write the read model, record an escalation). Each
// transition is a generator: it yields a request (requests.ts), the Temporal shell (complaint.workflow.ts)
// answers it with an activity, and the transition goes on — in the order the workflow's history
// records. Which actions each state allows, and what input each accepts, is rules.ts.
import { addRemark, applyPlan, endPause, isReporterClock, newClock, nextStep, planRequest, stepStillDue, type DeadlinePlanRequest, type PlannedDeadline, type Step } from './clocks.js';
import { escalationKey, REDIRECTION_RECEIVER, redirectionKey, rungReceivers } from './ladder.js';
import type { SearchAttributeValues } from './records.js';
import { ask, type Work } from './requests.js';
import { ALLOWED_ACTIONS, assertOpen, validateAction } from './rules.js';
import {
  automaticEnding,
  type AcceptInput,
  type AcknowledgeEscalationInput,
  type ActionInputs,
  type Actor,
  type ArchiveInput,
  type AssignInput,
  type CaseSnapshot,
  type Clock,
  type ComplaintStatus,
  type ComplaintWorkflowInput,
  type OperatorAlert,
  type DeadlineRule,
  type DisputeInput,
  type ExtendDeadlineInput,
  type ProvideClarificationInput,
  type RecordFollowUpInput,
  type RedirectInput,
  type RequestClarificationInput,
  type ResolveInput,
  type RetimeDeadlinesInput,
  type VerifyInput,
} from './types.js';
import {
  AGENCY_STAGES,
  AUTOMATIC_ENDINGS,
  OPERATOR_ROLE,
  REPORTER_STAGES,
  STAGE_OWNER,
  TERMINAL_STATES,
  type ComplaintAction,
  type ComplaintState,
  type EscalationSubject,
  type EventType,
  type OfficerStage,
  type Stage,
} from './vocabulary.js';

export interface CaseOptions {
  /** The current instant (workflow time in the workflow; a test clock in tests). */
  now: () => string;
  workflowId: string;
}

export class ComplaintCase {
  /** Bumped on every change of the clocks, so the workflow's loop knows to look at them again. */
  version = 0;
  private readonly s: CaseSnapshot;

  constructor(
    private readonly input: ComplaintWorkflowInput,
    private readonly options: CaseOptions,
  ) {
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

  get policy() {
    return this.input.policy;
  }

  get state(): ComplaintState {
    return this.s.state;
  }

  snapshot(): CaseSnapshot {
    return this.s;
  }

  /** Wakes the workflow's loop: the clocks may need another look. */
  touch(): void {
    this.version += 1;
  }

  /** The workflow may end once the case is closed or archived and every escalation was acknowledged. */
  finished(): boolean {
    return TERMINAL_STATES.includes(this.s.state) && this.s.escalations.every((e) => e.acknowledgedAt !== null);
  }

  allowedActions(): ComplaintAction[] {
    return ALLOWED_ACTIONS[this.s.state];
  }

  status(): ComplaintStatus {
    const { s } = this;
    const ending = automaticEnding(s.facts);
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
        provisional: c.explanation.provisional ?? false,
        explanation: c.explanation,
      })),
      escalations: s.escalations.map((e) => ({ ...e })),
      facts: { ...s.facts },
      allowedActions: this.allowedActions(),
      endedAutomatically: ending ? AUTOMATIC_ENDINGS[ending] : null,
      eventSeq: s.eventSeq,
      operatorAlerts: (s.alerts ?? []).map((a) => ({ ...a })),
    };
  }

  /** Records what the workflow could not do and went on without; the shell tells the operator. */
  raiseAlert(alert: Omit<OperatorAlert, 'at' | 'notified'>): void {
    this.s.alerts = [...(this.s.alerts ?? []), { ...alert, at: this.now(), notified: false }];
  }

  /** Alerts the operator has not been told of yet, marked as told. */
  *notifyAlerts(): Work {
    for (const [index, alert] of (this.s.alerts ?? []).entries()) {
      if (alert.notified) continue;
      alert.notified = true;
      yield* ask('notify', {
        notice: {
          key: `${this.options.workflowId}:alert:${index + 1}`,
          complaintId: this.input.complaintId,
          trackingId: this.input.trackingId,
          kind: 'OPERATOR_ALERT',
          stage: null,
          level: 0,
          receiverRole: OPERATOR_ROLE,
          agencyId: null,
          dueAt: alert.at,
          detail: `${alert.activity}: ${alert.reason}; ${alert.handled}`,
        },
      });
    }
  }

  nextStep(): Step | null {
    return nextStep(this.s.clocks);
  }

  clock(id: string): Clock | undefined {
    return this.s.clocks.find((c) => c.id === id);
  }

  /** Who an escalation step goes to, in words (for the timer that waits for it). */
  receiversOf(step: Step): string | undefined {
    if (step.kind !== 'escalate') return undefined;
    const clock = this.clock(step.clockId);
    const rung = this.policy.escalation.find((r) => r.level === step.level);
    if (!clock || !rung) return undefined;
    return rungReceivers(rung, clock)
      .map((r) => `${r.role} (${r.agencyId ?? 'national'})`)
      .join(' and ');
  }

  // ---- validation (synchronous, no I/O: runs before an Update enters history) ----

  validate<A extends ComplaintAction>(action: A, input: ActionInputs[A]): void {
    validateAction(this.s, this.policy, action, input);
  }

  /** For administrative Updates that any open case accepts. */
  assertOpen(): void {
    assertOpen(this.s.state);
  }

  // ---- transitions ----

  *start(): Work {
    const projectSubmission = () =>
      this.project('SUBMITTED', null, { channel: this.input.channel, classification: this.s.classification }, this.input.submittedAt);
    const withDeadline = yield* ask('since', { change: 'submission-projected-with-deadline' });
    if (!withDeadline) yield* projectSubmission();
    yield* this.startClocks([['verification', null, this.input.submittedAt, this.policy.deadlines.verification]]);
    if (withDeadline) yield* projectSubmission();
  }

  *verify({ actor, agencyId, classification, complexity }: VerifyInput): Work {
    this.stopClocks(['verification']);
    const at = this.now();
    Object.assign(this.s, { state: 'DISPOSED', agencyId, classification: classification ?? this.s.classification });
    this.s.complexity = complexity ?? 'NORMAL';
    this.s.facts.disposedAt = at;
    yield* this.startAgencyClocks(at);
    yield* this.project('VERIFIED', actor, { agencyId, classification: this.s.classification, complexity: this.s.complexity }, at);
  }

  *requestClarification({ actor, question }: RequestClarificationInput): Work {
    const at = this.now();
    this.s.stateBeforeClarification = this.s.state;
    this.s.state = 'AWAITING_CLARIFICATION';
    const laddersPause = this.s.clocks.some((c) => c.breached) && (yield* ask('since', { change: 'ladder-pauses-with-stage' }));
    for (const clock of this.s.clocks) if (!clock.breached || laddersPause) clock.pausedAt = at;
    yield* this.startClocks([['clarification', this.s.agencyId, at, this.policy.deadlines.clarification]]);
    yield* this.project('CLARIFICATION_REQUESTED', actor, { question }, at);
  }

  *provideClarification({ actor, answer }: ProvideClarificationInput): Work {
    const at = this.now();
    this.stopClocks(['clarification']);
    this.s.state = this.s.stateBeforeClarification ?? 'SUBMITTED';
    this.s.stateBeforeClarification = null;
    for (const clock of this.s.clocks.filter((c) => c.pausedAt)) yield* this.resume(clock, at);
    yield* this.project('CLARIFICATION_PROVIDED', actor, { answer }, at);
  }

  *archive({ actor, reason, note }: ArchiveInput): Work {
    yield* this.archiveAs(reason, actor, { reason, note: note ?? null });
  }

  *assign({ actor, liaisonId }: AssignInput): Work {
    this.stopClocks(['assignment']);
    this.s.state = 'IN_PROGRESS';
    this.s.facts.assigneeId = liaisonId;
    yield* this.project('ASSIGNED', actor, { liaisonId }, this.now());
  }

  *redirect({ actor, toAgencyId, reason }: RedirectInput): Work {
    const at = this.now();
    const from = this.s.agencyId;
    this.stopClocks(AGENCY_STAGES);
    Object.assign(this.s, { state: 'DISPOSED', agencyId: toAgencyId });
    this.s.facts.assigneeId = null;
    this.s.facts.redirects += 1;
    yield* this.startAgencyClocks(at);
    yield* this.project('REDIRECTED', actor, { fromAgencyId: from, toAgencyId, reason, redirects: this.s.facts.redirects }, at);
    if (this.s.facts.redirects > this.policy.maxRedirects) {
      yield* this.escalate({
        key: redirectionKey(this.options.workflowId, this.s.facts.redirects),
        stage: 'redirection',
        level: 1,
        receiverRole: REDIRECTION_RECEIVER.role,
        agencyId: REDIRECTION_RECEIVER.agencyId,
        dueAt: at,
      });
    }
  }

  *recordFollowUp({ actor, text }: RecordFollowUpInput): Work {
    const at = this.now();
    this.stopClocks(['firstFollowUp']);
    this.s.facts.firstResponseAt ??= at;
    yield* this.project('FOLLOWED_UP', actor, { text }, at);
  }

  *resolve({ actor, answer }: ResolveInput): Work {
    const at = this.now();
    this.stopClocks(['firstFollowUp', 'resolution']);
    this.s.state = 'AWAITING_FEEDBACK';
    this.s.facts.firstResponseAt ??= at;
    this.s.facts.resolvedAt = at;
    yield* this.startClocks([['feedback', this.s.agencyId, at, this.policy.deadlines.feedback]]);
    yield* this.project('RESOLVED', actor, { answer }, at);
  }

  *accept({ actor, rating, comment }: AcceptInput): Work {
    yield* this.close('REPORTER', actor, rating, { rating, comment: comment ?? null });
  }

  *dispute({ actor, reason }: DisputeInput): Work {
    const at = this.now();
    this.stopClocks(['feedback']);
    this.s.state = 'IN_PROGRESS';
    this.s.facts.disputes += 1;
    yield* this.startClocks([['resolution', this.s.agencyId, at, this.resolutionRule()]]);
    yield* this.project('DISPUTED', actor, { reason, disputes: this.s.facts.disputes }, at);
  }

  *extendDeadline({ actor, stage, extra, reason, approvedBy }: ExtendDeadlineInput): Work {
    const clock = this.s.clocks.find((c) => c.stage === stage)!;
    const previousDueAt = clock.explanation.dueAt;
    const wasBreached = clock.breached;
    clock.extensions.push({ ...extra, source: `extension approved by ${approvedBy}: ${reason}`, approvedBy, reason });
    clock.breached = false;
    if (wasBreached && (yield* ask('since', { change: 'extended-clock-ladder-restarts' }))) clock.firedLevels = [];
    if (!(yield* this.plan(clock))) clock.rungs = [];
    // The amount too (not its source), so a what-if replay can apply the extension again under another policy.
    const amount = 'workingDays' in extra ? { workingDays: extra.workingDays } : { duration: extra.duration };
    yield* this.project('DEADLINE_EXTENDED', actor, { stage, extra: amount, previousDueAt, dueAt: clock.explanation.dueAt, reason, approvedBy }, this.now());
  }

  *acknowledgeEscalation({ actor, escalationKey, comment }: AcknowledgeEscalationInput): Work {
    const at = this.now();
    const escalation = this.s.escalations.find((e) => e.key === escalationKey)!;
    yield* ask('markAcknowledged', { acknowledgement: { key: escalationKey, acknowledgedBy: actor.id, acknowledgedAt: at, ...(comment ? { comment } : {}) } });
    Object.assign(escalation, { acknowledgedAt: at, acknowledgedBy: actor.id, ...(comment ? { comment } : {}) });
    yield* this.project('ESCALATION_ACKNOWLEDGED', actor, { escalationKey, level: escalation.level, stage: escalation.stage, ...(comment ? { comment } : {}) }, at);
  }

  /** Recomputes every running officer deadline on today's calendar data; policy numbers stay frozen. */
  *retimeDeadlines({ actor, reason }: RetimeDeadlinesInput): Work {
    const at = this.now();
    const changes: { stage: Stage; from: string; to: string }[] = [];
    for (const clock of this.s.clocks.filter((c) => !c.pausedAt && !REPORTER_STAGES.includes(c.stage))) {
      const from = clock.explanation.dueAt;
      addRemark(clock, `re-timed at ${at}: ${reason}`, { kind: 'RETIMED', at, reason });
      const ladderPlanned = yield* this.plan(clock);
      if (clock.explanation.dueAt !== from) {
        if (!clock.breached || Date.parse(clock.explanation.dueAt) > Date.parse(at)) {
          clock.breached = false;
          if (!ladderPlanned) clock.rungs = [];
        }
        changes.push({ stage: clock.stage, from, to: clock.explanation.dueAt });
      }
    }
    yield* this.project('DEADLINES_RETIMED', actor, { reason, changes }, at);
  }

  /** The handler of each action, by the action's name. */
  perform<A extends ComplaintAction>(action: A, input: ActionInputs[A]): Work {
    const handlers: { [K in ComplaintAction]: (input: ActionInputs[K]) => Work } = {
      verify: (i) => this.verify(i),
      'request-clarification': (i) => this.requestClarification(i),
      'provide-clarification': (i) => this.provideClarification(i),
      archive: (i) => this.archive(i),
      assign: (i) => this.assign(i),
      redirect: (i) => this.redirect(i),
      'follow-up': (i) => this.recordFollowUp(i),
      resolve: (i) => this.resolve(i),
      accept: (i) => this.accept(i),
      dispute: (i) => this.dispute(i),
      'extend-deadline': (i) => this.extendDeadline(i),
      'acknowledge-escalation': (i) => this.acknowledgeEscalation(i),
    };
    return (handlers[action] as (input: ActionInputs[A]) => Work)(input);
  }

  // ---- clock steps ----

  /** Performs a step whose time has come, unless an action made it moot meanwhile. */
  *fire(step: Step): Work {
    const clock = this.clock(step.clockId);
    if (!stepStillDue(clock, step) || Date.parse(step.at) > Date.parse(this.now())) return;
    this.version += 1;
    if (step.kind === 'remind') {
      clock.reminded = true;
      yield* ask('notify', {
        notice: {
          key: `${this.options.workflowId}:${clock.id}:reminder:${clock.explanation.dueAt}`,
          complaintId: this.input.complaintId,
          trackingId: this.input.trackingId,
          kind: 'REMINDER',
          stage: clock.stage,
          level: 0,
          receiverRole: STAGE_OWNER[clock.stage as OfficerStage],
          agencyId: clock.agencyId,
          dueAt: clock.explanation.dueAt,
        },
      });
    } else if (step.kind === 'breach') {
      clock.breached = true;
      clock.breaches = (clock.breaches ?? 0) + 1;
      // Runs before ladder-planned-with-deadline place the ladder at the breach.
      if (clock.rungs.length === 0) yield* this.planLadderAtBreach(clock);
      yield* this.project(
        'DEADLINE_BREACHED',
        null,
        {
          stage: clock.stage,
          clockId: clock.id,
          dueAt: clock.explanation.dueAt,
          firedAt: this.now(),
          owner: STAGE_OWNER[clock.stage as OfficerStage] ?? null,
          agencyId: clock.agencyId,
          ladder: clock.rungs,
          rule: clock.explanation.rule,
          startAt: clock.explanation.startAt,
          timeZone: clock.explanation.timeZone,
          skipped: clock.explanation.skipped.length,
        },
        clock.explanation.dueAt,
      );
    } else if (step.kind === 'escalate') {
      const rung = this.policy.escalation.find((r) => r.level === step.level)!;
      clock.firedLevels.push(step.level);
      const receivers = rungReceivers(rung, clock);
      for (const [index, receiver] of receivers.entries()) {
        yield* this.escalate({
          key: escalationKey(this.options.workflowId, clock, clock.breaches ?? 1, step.level, index),
          stage: clock.stage,
          level: step.level,
          receiverRole: receiver.role,
          agencyId: receiver.agencyId,
          dueAt: clock.explanation.dueAt,
        });
      }
    } else if (clock.stage === 'clarification') {
      yield* this.archiveAs('NO_CLARIFICATION', null, { reason: 'NO_CLARIFICATION' });
    } else {
      yield* this.close('FEEDBACK_TIMEOUT', null, null, { acceptedBy: 'FEEDBACK_TIMEOUT' });
    }
    yield* ask('publish', { attributes: this.searchAttributes() });
  }

  searchAttributes(): SearchAttributeValues {
    const next = this.s.clocks
      .filter((c) => !c.pausedAt && !c.breached)
      .map((c) => c.explanation.dueAt)
      .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
    return {
      ComplaintStatus: [this.s.state],
      AgencyId: this.s.agencyId ? [this.s.agencyId] : [],
      NextDeadline: next ? [next] : [],
      EscalationLevel: [this.escalationLevel()],
    };
  }

  // ---- inner steps ----

  private now(): string {
    return this.options.now();
  }

  private escalationLevel(): number {
    return Math.max(0, ...this.s.escalations.filter((e) => !e.acknowledgedAt).map((e) => e.level));
  }

  private resolutionRule(): DeadlineRule {
    return this.policy.deadlines.resolution[this.s.complexity ?? 'NORMAL'];
  }

  private *startAgencyClocks(at: string): Work {
    const d = this.policy.deadlines;
    const clocks: [Stage, string | null, string, DeadlineRule][] = [
      ['assignment', this.s.agencyId, at, d.assignment],
      ['firstFollowUp', this.s.agencyId, at, d.firstFollowUp],
      ['resolution', this.s.agencyId, at, this.resolutionRule()],
    ];
    if (!(yield* ask('since', { change: 'agency-clocks-planned-together' }))) {
      for (const clock of clocks) yield* this.startClocks([clock]);
      return;
    }
    yield* this.startClocks(clocks);
  }

  /** New clocks, planned (several at once when given several) and then added to the case. */
  private *startClocks(specs: [Stage, string | null, string, DeadlineRule][]): Work {
    const clocks = specs.map(([stage, agencyId, anchorAt, rule]) => newClock(`${stage}-${++this.s.clockSeq}`, stage, agencyId, anchorAt, rule));
    if (clocks.length === 1) {
      yield* this.plan(clocks[0]);
    } else {
      const requests: DeadlinePlanRequest[] = [];
      for (const clock of clocks) requests.push(planRequest(clock, this.policy, { withLadder: yield* this.ladderPlannedWith(clock) }));
      const planned = yield* ask('planDeadlines', { requests });
      clocks.forEach((clock, i) => this.applyPlan(clock, planned[i]));
    }
    this.s.clocks.push(...clocks);
    this.version += 1;
  }

  /** Whether a clock's plan includes its escalation ladder (officer clocks, since ladder-planned-with-deadline). */
  private *ladderPlannedWith(clock: Clock): Work<boolean> {
    return !isReporterClock(clock) && (yield* ask('since', { change: 'ladder-planned-with-deadline' }));
  }

  /**
   * (Re)computes a clock's deadline and reminder from its anchor, rule, extensions and pauses, and with
   * them the instants of its escalation ladder. Answers whether the ladder was planned.
   */
  private *plan(clock: Clock, resumeAt?: string): Work<boolean> {
    const request = planRequest(clock, this.policy, { withLadder: yield* this.ladderPlannedWith(clock), resumeAt });
    const planned = yield* ask('planDeadline', { request });
    if (resumeAt) endPause(clock, resumeAt);
    this.applyPlan(clock, planned);
    return planned.rungs !== undefined;
  }

  private applyPlan(clock: Clock, planned: PlannedDeadline): void {
    applyPlan(clock, planned);
    this.version += 1;
  }

  /** Gives back the working time a pause took: the calendar counts the rest of the clock again from the resume. */
  private *resume(clock: Clock, at: string): Work {
    if (!(yield* ask('since', { change: 'pause-credited-by-calendar' }))) {
      // Runs before asked the calendar for the remainder first, then planned it anew.
      yield* ask('remainingAfterPause', { request: { ...planRequest(clock, this.policy, { withLadder: false }), pausedAt: clock.pausedAt! } });
    }
    yield* this.plan(clock, at);
  }

  private *planLadderAtBreach(clock: Clock): Work {
    for (const rung of this.policy.escalation) {
      let at = clock.explanation.dueAt;
      if (rung.afterBreach) {
        const planned = yield* ask('planDeadline', {
          request: {
            clockId: clock.id,
            stage: clock.stage,
            startAt: clock.explanation.dueAt,
            rule: rung.afterBreach,
            extensions: [],
            notes: [],
            agencyId: clock.agencyId,
            defaultTimeZone: this.policy.nationalTimeZone,
            reminderBefore: null,
          },
        });
        at = planned.explanation.dueAt;
      }
      clock.rungs.push({ level: rung.level, at });
    }
  }

  private stopClocks(stages: readonly Stage[]): void {
    this.s.clocks = this.s.clocks.filter((c) => !stages.includes(c.stage));
    this.version += 1;
  }

  private *archiveAs(reason: ArchiveInput['reason'] | 'NO_CLARIFICATION', actor: Actor | null, detail: Record<string, unknown>): Work {
    const at = this.now();
    this.s.clocks = [];
    this.s.state = 'ARCHIVED';
    this.s.facts.archiveReason = reason;
    this.s.facts.closedAt = at;
    this.version += 1;
    yield* this.project('ARCHIVED', actor, detail, at);
  }

  private *close(by: 'REPORTER' | 'FEEDBACK_TIMEOUT', actor: Actor | null, rating: number | null, detail: Record<string, unknown>): Work {
    const at = this.now();
    this.s.clocks = [];
    this.s.state = 'CLOSED';
    Object.assign(this.s.facts, { closedAt: at, closedBy: by, rating });
    this.version += 1;
    yield* this.project('CLOSED', actor, detail, at);
  }

  private *escalate(e: { key: string; stage: EscalationSubject; level: number; receiverRole: string; agencyId: string | null; dueAt: string }): Work {
    const firedAt = this.now();
    const recorded = yield* ask('recordEscalation', { escalation: { ...e, complaintId: this.input.complaintId, trackingId: this.input.trackingId, firedAt } });
    // The recorder may route it to the national admin when nobody holds the role for that agency.
    const receiver = recorded ? { receiverRole: recorded.receiverRole, agencyId: recorded.agencyId } : {};
    const escalation = { ...e, ...receiver, firedAt, acknowledgedAt: null, acknowledgedBy: null };
    this.s.escalations.push(escalation);
    this.version += 1;
    yield* this.project(
      'ESCALATED',
      null,
      { key: e.key, stage: e.stage, level: e.level, receiverRole: escalation.receiverRole, agencyId: escalation.agencyId, dueAt: e.dueAt, ...(recorded?.reroutedFrom ? { reroutedFrom: recorded.reroutedFrom } : {}) },
      firedAt,
    );
  }

  private *project(type: EventType, actor: Actor | null, detail: Record<string, unknown>, occurredAt: string): Work {
    yield* ask('publish', { attributes: this.searchAttributes() });
    const running = this.s.clocks.filter((c) => !c.pausedAt && !c.breached).map((c) => c.explanation.dueAt);
    yield* ask('project', {
      record: {
        complaintId: this.input.complaintId,
        seq: ++this.s.eventSeq,
        type,
        status: this.s.state,
        // Complaints started before suggestions stayed out of the workflow carry the reporter's one until disposal.
        agencyId: this.s.facts.disposedAt ? this.s.agencyId : null,
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
          nextDeadlineAt: running.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null,
          escalationLevel: this.escalationLevel(),
          resolutionDueAt: this.s.clocks.find((c) => c.stage === 'resolution')?.explanation.dueAt ?? null,
          disposedAt: this.s.facts.disposedAt,
        },
      },
    });
  }
}
