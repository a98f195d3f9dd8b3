// What-if replay of an SLA policy over a past complaint, pure: the lifecycle's own state machine
// (ComplaintCase) is driven again through the complaint's recorded actions (complaint_events), each at
// its recorded instant, with another policy, the clock steps that fall due between them fired in order.
// Deadlines come from the business calendar exactly as the planDeadline activity plans them (the caller
// passes that function). No I/O and no Temporal: the replay activity loads rows and stores what this
// answers, and unit tests drive it with tables.
import { planRequest, type DeadlinePlanRequest, type PlannedDeadline, type Step } from '../workflows/lifecycle/clocks.js';
import { ComplaintCase } from '../workflows/lifecycle/complaint-case.js';
import { stageOwner } from '../workflows/lifecycle/ladder.js';
import type { Request, Work } from '../workflows/lifecycle/requests.js';
import { CaseRefusal } from '../workflows/lifecycle/rules.js';
import { automaticEnding, type ActionInputs, type Actor, type DeadlineRule, type SlaPolicyVersion } from '../workflows/lifecycle/types.js';
import {
  ARCHIVE_REASONS,
  COMPLEXITIES,
  OFFICER_STAGES,
  type ArchiveReason,
  type AutomaticEnding,
  type Channel,
  type Classification,
  type ComplaintAction,
  type ComplaintState,
  type Complexity,
  type OfficerStage,
} from '../workflows/lifecycle/vocabulary.js';

/** One row of complaint_events, as the projection wrote it. */
export interface RecordedEvent {
  seq: number;
  type: string;
  actorId: string | null;
  actorRole: string | null;
  detail: Record<string, unknown>;
  occurredAt: string;
}

export interface PastComplaint {
  complaintId: string;
  trackingId: string;
  submittedAt: string;
  classification: Classification;
  channel: Channel;
  /** In recorded order (seq). */
  events: RecordedEvent[];
}

/** Plans one clock as the planDeadline activity does: BusinessCalendar.plan in the calendar of the clock's agency. */
export type PlanDeadline = (request: DeadlinePlanRequest) => PlannedDeadline;

/** A stage the escalation figures are kept for: the officer clocks, and too many redirects. */
export type ReplayStage = OfficerStage | 'redirection';
export const REPLAY_STAGES: readonly ReplayStage[] = [...OFFICER_STAGES, 'redirection'];

/** One officer clock of the complaint, from its start to its end (or to `asOf`). */
export interface StageRound {
  stage: OfficerStage;
  /** The nth clock of this stage on the complaint (a redirect or a dispute starts another). */
  round: number;
  /** The owner of the stage: null = national (verification); else the agency the clock ran for. */
  agencyId: string | null;
  startAt: string;
  /** The last deadline planned for it. */
  dueAt: string;
  /** The rule in words (with extensions), as the explanation gives it. */
  rule: string;
  /** met: stopped before its deadline passed; breached: its deadline passed (even if extended later); running: neither by `asOf`. */
  outcome: 'met' | 'breached' | 'running';
  breachedAt: string | null;
  /** When the action that stopped it happened; null while it runs. */
  endedAt: string | null;
  /** One entry per escalation record (a rung with two receivers fires two), by level. */
  escalations: number[];
}

/** What a recorded action did not do under the policy replayed, and why. */
export interface SkippedAction {
  seq: number;
  action: ComplaintAction;
  at: string;
  reason: string;
}

export interface ReplayOutcome {
  policyVersion: string;
  state: ComplaintState;
  /** How the case ended when a clock ended it, else null. */
  endedAutomatically: AutomaticEnding | null;
  stages: StageRound[];
  /** Escalations for too many redirects (level 1, to the national admin). */
  redirectionEscalations: number;
  skipped: SkippedAction[];
}

/** Text a recorded event carried stays in the event: the replay needs none of it. */
const NOT_REPLAYED = '(recorded text, not replayed)';

/**
 * The extension each DEADLINE_EXTENDED event approved, by seq. Events recorded before the extension was
 * projected with them carry only the deadline before and after: the replay under the complaint's own
 * policy finds the extension that moves one to the other, and the what-if replay uses the same.
 */
export type ExtensionsFound = Map<number, DeadlineRule>;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The action a recorded event was, with the input its Update carried; null for what clocks and acknowledgements did. */
export function recordedAction(event: RecordedEvent): { action: ComplaintAction; input: ActionInputs[ComplaintAction] } | null {
  const actor: Actor = { id: event.actorId ?? 'unknown', role: event.actorRole ?? 'UNKNOWN' };
  const d = event.detail;
  const as = <A extends ComplaintAction>(action: A, input: Omit<ActionInputs[A], 'actor'>) => ({ action, input: { actor, ...input } as unknown as ActionInputs[ComplaintAction] });
  switch (event.type) {
    case 'VERIFIED': {
      const complexity = COMPLEXITIES.includes(d.complexity as Complexity) ? (d.complexity as Complexity) : undefined;
      const classification = str(d.classification) as Classification | undefined;
      return as('verify', { agencyId: str(d.agencyId) ?? '', ...(classification ? { classification } : {}), ...(complexity ? { complexity } : {}) });
    }
    case 'CLARIFICATION_REQUESTED':
      return as('request-clarification', { question: NOT_REPLAYED });
    case 'CLARIFICATION_PROVIDED':
      return as('provide-clarification', { answer: NOT_REPLAYED });
    case 'ARCHIVED':
      // Archived by the clarification clock: the replayed clock decides that itself.
      if (event.actorId === null || d.reason === 'NO_CLARIFICATION') return null;
      return as('archive', { reason: ARCHIVE_REASONS.includes(d.reason as ArchiveReason) ? (d.reason as ArchiveReason) : 'OTHER' });
    case 'ASSIGNED':
      return as('assign', { liaisonId: str(d.liaisonId) ?? 'unknown' });
    case 'REDIRECTED':
      return as('redirect', { toAgencyId: str(d.toAgencyId) ?? '', reason: NOT_REPLAYED });
    case 'FOLLOWED_UP':
      return as('follow-up', { text: NOT_REPLAYED });
    case 'RESOLVED':
      return as('resolve', { answer: NOT_REPLAYED });
    case 'CLOSED':
      // Closed by the feedback clock: the replayed clock decides that itself.
      if (event.actorId === null || d.acceptedBy === 'FEEDBACK_TIMEOUT') return null;
      return as('accept', { rating: typeof d.rating === 'number' ? d.rating : 0 });
    case 'DISPUTED':
      return as('dispute', { reason: NOT_REPLAYED });
    case 'DEADLINE_EXTENDED':
      return as('extend-deadline', {
        stage: d.stage as OfficerStage,
        extra: (d.extra as DeadlineRule | undefined) ?? { workingDays: 0, source: 'found by the replay' },
        reason: NOT_REPLAYED,
        approvedBy: str(d.approvedBy) ?? actor.id,
      });
    default:
      // SUBMITTED starts the case; DEADLINE_BREACHED and ESCALATED are the clocks' own; acknowledgements and
      // re-timings move no clock the replay counts (it counts on today's calendar).
      return null;
  }
}

/**
 * Replays one complaint under `policy` up to `asOf`: its recorded actions at their instants (refused
 * ones skipped, with the reason), and every clock step due before each, as the workflow would have run.
 */
export function replayComplaint(complaint: PastComplaint, policy: SlaPolicyVersion, plan: PlanDeadline, asOf: string, extensions: ExtensionsFound = new Map()): ReplayOutcome {
  return new Replay(complaint, policy, plan, extensions).run(asOf);
}

class Replay {
  private now: number;
  private readonly complaint: ComplaintCase;
  private readonly rounds = new Map<string, StageRound>();
  private readonly roundsPerStage = new Map<OfficerStage, number>();
  private readonly skipped: SkippedAction[] = [];
  private redirectionEscalations = 0;
  /** The clock whose step is firing: its escalations are counted against it. */
  private firing: Step | null = null;

  constructor(
    private readonly past: PastComplaint,
    private readonly policy: SlaPolicyVersion,
    private readonly plan: PlanDeadline,
    private readonly extensions: ExtensionsFound,
  ) {
    this.now = Date.parse(past.submittedAt);
    this.complaint = new ComplaintCase(
      {
        complaintId: past.complaintId,
        trackingId: past.trackingId,
        submittedAt: new Date(this.now).toISOString(),
        agencyId: null,
        classification: past.classification,
        channel: past.channel,
        policy,
      },
      { now: () => new Date(this.now).toISOString(), workflowId: `what-if-${past.trackingId}` },
    );
  }

  run(asOf: string): ReplayOutcome {
    const end = Date.parse(asOf);
    this.drive(this.complaint.start());
    for (const event of [...this.past.events].sort((a, b) => a.seq - b.seq)) {
      const at = Date.parse(event.occurredAt);
      if (at > end) break;
      const recorded = recordedAction(event);
      if (!recorded) continue;
      this.advance(at, false);
      this.now = Math.max(this.now, at);
      this.perform(event, recorded.action, recorded.input);
    }
    this.advance(end, true);
    const status = this.complaint.status();
    return {
      policyVersion: this.policy.version,
      state: status.state,
      endedAutomatically: automaticEnding(status.facts),
      stages: [...this.rounds.values()],
      redirectionEscalations: this.redirectionEscalations,
      skipped: this.skipped,
    };
  }

  private perform(event: RecordedEvent, action: ComplaintAction, input: ActionInputs[ComplaintAction]): void {
    try {
      if (action === 'extend-deadline') input = { ...input, extra: this.extensionOf(event, input as ActionInputs['extend-deadline']) } as ActionInputs[ComplaintAction];
      this.complaint.validate(action, input);
    } catch (error) {
      if (!(error instanceof CaseRefusal)) throw error;
      this.skipped.push({ seq: event.seq, action, at: new Date(this.now).toISOString(), reason: error.message });
      return;
    }
    this.drive(this.complaint.perform(action, input));
  }

  /** The extension the event approved: recorded with it, found already, or the one that moved its deadline as recorded. */
  private extensionOf(event: RecordedEvent, input: ActionInputs['extend-deadline']): DeadlineRule {
    const recorded = event.detail.extra as { workingDays?: number; duration?: string } | undefined;
    if (typeof recorded?.workingDays === 'number') return { workingDays: recorded.workingDays, source: 'supervisor extension' };
    if (typeof recorded?.duration === 'string') return { duration: recorded.duration, source: 'supervisor extension' };
    const found = this.extensions.get(event.seq);
    if (found) return found;
    const clock = this.complaint.snapshot().clocks.find((c) => c.stage === input.stage);
    const before = str(event.detail.previousDueAt);
    const after = str(event.detail.dueAt);
    if (!clock || !before || !after) return input.extra; // refused by validation: no such clock running
    const source = 'extension found by the what-if replay from the recorded deadlines';
    let extra: DeadlineRule | undefined;
    for (let n = 1; n <= this.policy.extension.maxWorkingDays && !extra; n++) {
      const candidate = { workingDays: n, source };
      const planned = this.plan(planRequest({ ...clock, extensions: [...clock.extensions, candidate] }, this.policy, { withLadder: false }));
      if (Date.parse(planned.explanation.dueAt) === Date.parse(after)) extra = candidate;
    }
    extra ??= { duration: `PT${Math.max(1, Math.round((Date.parse(after) - Date.parse(before)) / 1000))}S`, source };
    this.extensions.set(event.seq, extra);
    return extra;
  }

  /** Fires every clock step due before `until` (or at it, when `inclusive`), in order. */
  private advance(until: number, inclusive: boolean): void {
    for (let step = this.complaint.nextStep(); step; step = this.complaint.nextStep()) {
      const at = Date.parse(step.at);
      if (inclusive ? at > until : at >= until) break;
      this.now = Math.max(this.now, at);
      this.firing = step;
      this.drive(this.complaint.fire(step));
      this.firing = null;
      if (step.kind === 'breach') {
        const round = this.rounds.get(step.clockId);
        if (round && round.outcome !== 'breached') Object.assign(round, { outcome: 'breached', breachedAt: step.at });
      }
    }
  }

  /** Runs a transition to its end, answering each request as the workflow's activities would; then looks at the clocks. */
  private drive<T>(work: Work<T>): T {
    let result: T;
    for (let next = work.next(); ; ) {
      if (next.done) {
        result = next.value;
        break;
      }
      next = work.next(this.answer(next.value));
    }
    this.observeClocks();
    return result;
  }

  private answer(request: Request): unknown {
    switch (request.kind) {
      case 'since':
        // Replayed as a complaint started today runs.
        return true;
      case 'planDeadline':
        return this.plan(request.request);
      case 'planDeadlines':
        return request.requests.map((r) => this.plan(r));
      case 'remainingAfterPause':
        throw new Error('remainingAfterPause is asked only by runs before pause-credited-by-calendar');
      case 'recordEscalation': {
        const { escalation } = request;
        if (escalation.stage === 'redirection') this.redirectionEscalations += 1;
        else if (this.firing) this.rounds.get(this.firing.clockId)?.escalations.push(escalation.level);
        return escalation;
      }
      default:
        // publish, project, notify, markAcknowledged: the replay writes nothing and tells nobody.
        return undefined;
    }
  }

  /** New officer clocks become rounds; running ones keep their latest deadline; clocks gone ended now. */
  private observeClocks(): void {
    const clocks = this.complaint.snapshot().clocks;
    for (const clock of clocks) {
      if (!(OFFICER_STAGES as readonly string[]).includes(clock.stage)) continue;
      const stage = clock.stage as OfficerStage;
      let round = this.rounds.get(clock.id);
      if (!round) {
        const n = (this.roundsPerStage.get(stage) ?? 0) + 1;
        this.roundsPerStage.set(stage, n);
        round = {
          stage,
          round: n,
          agencyId: stageOwner(stage, clock.agencyId),
          startAt: clock.explanation.startAt,
          dueAt: clock.explanation.dueAt,
          rule: clock.explanation.rule,
          outcome: 'running',
          breachedAt: null,
          endedAt: null,
          escalations: [],
        };
        this.rounds.set(clock.id, round);
      }
      round.dueAt = clock.explanation.dueAt;
      round.rule = clock.explanation.rule;
    }
    const running = new Set(clocks.map((c) => c.id));
    for (const [id, round] of this.rounds) {
      if (round.endedAt === null && !running.has(id)) {
        round.endedAt = new Date(this.now).toISOString();
        if (round.outcome === 'running') round.outcome = 'met';
      }
    }
  }
}

// ---- comparing the two replays ----

/** A stage round as one side of a difference shows it. */
export interface RoundSide {
  dueAt: string;
  rule: string;
  outcome: StageRound['outcome'];
  breachedAt: string | null;
  endedAt: string | null;
  /** Escalation records by level, e.g. { "1": 1, "2": 2 }. */
  escalations: Record<string, number>;
}

/** Why a complaint's outcome differs: a stage round that went otherwise, or the way the case ended. */
export interface ReplayDifference {
  /** The stage (and its round) that went otherwise; null for the case's ending. */
  stage: ReplayStage | null;
  round: number | null;
  agencyId: string | null;
  current: RoundSide | null;
  whatIf: RoundSide | null;
  /** The endings (state, and how a clock ended it) when they differ. */
  ending?: { current: string; whatIf: string };
  /** In English, for operators and the CSV: both deadlines and what happened. */
  why: string;
}

const byLevel = (levels: number[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const level of levels) out[String(level)] = (out[String(level)] ?? 0) + 1;
  return out;
};

const side = (r: StageRound): RoundSide => ({ dueAt: r.dueAt, rule: r.rule, outcome: r.outcome, breachedAt: r.breachedAt, endedAt: r.endedAt, escalations: byLevel(r.escalations) });

const sameLevels = (a: Record<string, number>, b: Record<string, number>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].every((level) => (a[level] ?? 0) === (b[level] ?? 0));

const levelsText = (e: Record<string, number>) =>
  Object.keys(e).length === 0
    ? 'no escalation'
    : Object.entries(e)
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([level, n]) => `level ${level}${n > 1 ? ` ×${n}` : ''}`)
        .join(', ');

const ending = (o: ReplayOutcome) => (o.endedAutomatically ? `${o.state} (${o.endedAutomatically})` : o.state);

function roundWhy(stage: OfficerStage, current: RoundSide | null, whatIf: RoundSide | null, names: { current: string; whatIf: string }): string {
  const one = (s: RoundSide | null, policy: string) => {
    if (!s) return `under ${policy} this ${stage} deadline never ran`;
    const happened = s.outcome === 'met' ? `met (stopped ${s.endedAt})` : s.outcome === 'breached' ? `breached at ${s.breachedAt}` : 'still running';
    return `under ${policy} due ${s.dueAt} (${s.rule}): ${happened}, ${levelsText(s.escalations)}`;
  };
  return `${stage}: ${one(current, names.current)}; ${one(whatIf, names.whatIf)}`;
}

/**
 * Where the what-if replay went otherwise than the replay under the complaint's own policy: each stage
 * round whose outcome (met, breached, running) or escalations differ — matched by stage and round — and
 * the ending when it differs. Deadlines that merely moved are no difference. Empty: the same outcome.
 */
export function compareReplays(current: ReplayOutcome, whatIf: ReplayOutcome): ReplayDifference[] {
  const names = { current: current.policyVersion, whatIf: whatIf.policyVersion };
  const key = (r: StageRound) => `${r.stage}#${r.round}`;
  const whatIfRounds = new Map(whatIf.stages.map((r) => [key(r), r]));
  const keys = [...new Set([...current.stages.map(key), ...whatIf.stages.map(key)])];
  const currentRounds = new Map(current.stages.map((r) => [key(r), r]));
  const differences: ReplayDifference[] = [];
  for (const k of keys) {
    const c = currentRounds.get(k);
    const w = whatIfRounds.get(k);
    const cs = c ? side(c) : null;
    const ws = w ? side(w) : null;
    if (cs && ws && cs.outcome === ws.outcome && sameLevels(cs.escalations, ws.escalations)) continue;
    const round = (c ?? w)!;
    differences.push({ stage: round.stage, round: round.round, agencyId: round.agencyId, current: cs, whatIf: ws, why: roundWhy(round.stage, cs, ws, names) });
  }
  if (current.redirectionEscalations !== whatIf.redirectionEscalations) {
    differences.push({
      stage: 'redirection',
      round: null,
      agencyId: null,
      current: null,
      whatIf: null,
      why: `redirects escalated to the national admin ${current.redirectionEscalations} time(s) under ${names.current}, ${whatIf.redirectionEscalations} under ${names.whatIf}`,
    });
  }
  if (ending(current) !== ending(whatIf)) {
    const skipped = whatIf.skipped.map((s) => `${s.action} at ${s.at} (${s.reason})`).join('; ');
    differences.push({
      stage: null,
      round: null,
      agencyId: null,
      current: null,
      whatIf: null,
      ending: { current: ending(current), whatIf: ending(whatIf) },
      why: `ends ${ending(current)} under ${names.current} but ${ending(whatIf)} under ${names.whatIf}${skipped ? `; recorded actions no longer possible: ${skipped}` : ''}`,
    });
  }
  return differences;
}

// ---- the current side against the record ----

/**
 * Whether the replay under the complaint's own policy breached other deadlines than its recorded history
 * (DEADLINE_BREACHED events) says passed — per officer stage, one per clock however often it passed. Such a
 * complaint's "current" side is not what happened: the calendar was amended since, a behaviour changed
 * since, or the history was written by hand.
 */
export function unlikeRecord(past: PastComplaint, current: ReplayOutcome): boolean {
  const recorded = new Map<string, Set<string>>();
  for (const event of past.events) {
    if (event.type !== 'DEADLINE_BREACHED') continue;
    const stage = String(event.detail.stage);
    const clocks = recorded.get(stage) ?? new Set<string>();
    clocks.add(typeof event.detail.clockId === 'string' ? event.detail.clockId : `event ${event.seq}`);
    recorded.set(stage, clocks);
  }
  return OFFICER_STAGES.some((stage) => (recorded.get(stage)?.size ?? 0) !== current.stages.filter((r) => r.stage === stage && r.outcome === 'breached').length);
}

// ---- counting ----

/** Counts of one side for one owner and stage. */
export interface StageCounts {
  /** Rounds with an outcome: met + breached (running ones are not counted as either). */
  met: number;
  breached: number;
  running: number;
  /** Escalation records by level. */
  escalations: Record<string, number>;
}

export interface StageCountsRow {
  /** The stage's owner: null = national (verification, redirection). */
  agencyId: string | null;
  stage: ReplayStage;
  current: StageCounts;
  whatIf: StageCounts;
}

const noCounts = (): StageCounts => ({ met: 0, breached: 0, running: 0, escalations: {} });

/** Adds `b` into `a`. */
export function addCounts(a: StageCounts, b: StageCounts): StageCounts {
  const escalations = { ...a.escalations };
  for (const [level, n] of Object.entries(b.escalations)) escalations[level] = (escalations[level] ?? 0) + n;
  return { met: a.met + b.met, breached: a.breached + b.breached, running: a.running + b.running, escalations };
}

/** Both replays of many complaints counted per stage owner and stage, in one list (the batch's part of the report). */
export function countReplays(replays: { current: ReplayOutcome; whatIf: ReplayOutcome }[]): StageCountsRow[] {
  const rows = new Map<string, StageCountsRow>();
  const row = (agencyId: string | null, stage: ReplayStage) => {
    const key = `${agencyId ?? ''}|${stage}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { agencyId, stage, current: noCounts(), whatIf: noCounts() }));
    return r;
  };
  for (const replay of replays) {
    for (const which of ['current', 'whatIf'] as const) {
      const outcome = replay[which];
      for (const round of outcome.stages) {
        const counts = row(round.agencyId, round.stage)[which];
        counts[round.outcome] += 1;
        counts.escalations = addCounts(counts, { ...noCounts(), escalations: byLevel(round.escalations) }).escalations;
      }
      if (outcome.redirectionEscalations > 0) {
        const counts = row(null, 'redirection')[which];
        counts.escalations['1'] = (counts.escalations['1'] ?? 0) + outcome.redirectionEscalations;
      }
    }
  }
  return [...rows.values()];
}
