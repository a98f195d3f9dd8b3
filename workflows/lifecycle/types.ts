// The data of a complaint's lifecycle: policy, workflow input, the case as the workflow keeps it, and
// what its status shows. Plain JSON-able data (it crosses continue-as-new), no imports but the vocabulary.
import type {
  ArchiveReason,
  AutomaticEnding,
  Channel,
  Classification,
  ComplaintAction,
  ComplaintState,
  Complexity,
  EscalationSubject,
  OfficerStage,
  Role,
  Stage,
} from './vocabulary.js';

/** A deadline is either N working days in the responsible party's calendar or an exact ISO-8601 duration. */
export type DeadlineRule = ({ workingDays: number } | { duration: string }) & { source: string };

/** One rung of the escalation ladder: who is alerted, and how long after the breach (none = at the breach). */
export interface EscalationStep {
  level: number;
  receiverRole: Role;
  afterBreach: DeadlineRule | null;
  /** For stages an agency owns, a national role alerted at this rung too (e.g. the national admin at level 2). */
  nationalReceiverRole?: Role;
}

/** One version of the SLA policy; the version in force at submission is frozen into the workflow input. */
export interface SlaPolicyVersion {
  version: string;
  effectiveFrom: string;
  nationalTimeZone: string;
  deadlines: {
    verification: DeadlineRule;
    assignment: DeadlineRule;
    firstFollowUp: DeadlineRule;
    resolution: Record<Complexity, DeadlineRule>;
    clarification: DeadlineRule;
    feedback: DeadlineRule;
  };
  /** How long before an officer deadline its owner is reminded. */
  reminderBefore: DeadlineRule;
  escalation: EscalationStep[];
  /** Redirects beyond this many escalate to the national admin. */
  maxRedirects: number;
  /** Extensions a supervisor may approve per stage, and the most each may add. */
  extension: { maxPerStage: number; maxWorkingDays: number; maxDuration: string };
}

/** Workflow input. Deliberately free of reporter identity: that stays in PostgreSQL. */
export interface ComplaintWorkflowInput {
  complaintId: string;
  trackingId: string;
  submittedAt: string;
  agencyId: string | null;
  classification: Classification;
  channel: Channel;
  policy: SlaPolicyVersion;
  /** History length at which the workflow continues as new, carrying its state (operational setting;
   * absent from inputs recorded before it existed). */
  continueAsNewAfterEvents?: number;
  /** Carried across continue-as-new: the case as it stood. */
  carried?: CaseSnapshot;
}

/** Who performs an action: an ID and a role, never a name. Reporters act as { id: 'reporter', role: 'REPORTER' }. */
export interface Actor {
  id: string;
  role: string;
}

/** Why a day did not count, as data: the API words it in the reader's language. */
export type DayOffCause =
  | { kind: 'SATURDAY' | 'SUNDAY' }
  | { kind: 'AGENCY_DAY_OFF'; reason: string }
  | { kind: 'PUBLIC_HOLIDAY' | 'JOINT_LEAVE'; name: string; decrees: string[]; provisional: boolean };

export interface SkippedDay {
  date: string;
  /** In English, for operators (logs, the Temporal UI). */
  reason: string;
  /** Every reason the day did not count (absent in explanations made before causes were kept). */
  causes?: DayOffCause[];
}

/** An approved extension: how much more, who approved it and why (absent on extensions approved before these were kept). */
export type DeadlineExtension = DeadlineRule & { approvedBy?: string; reason?: string };

/** Something besides rule, days off and pauses that placed a deadline, as data. */
export type DeadlineRemark =
  /** Counted again after a calendar amendment. */
  | { kind: 'RETIMED'; at: string; reason: string }
  /** The agency's calendar could not be read; the national one counted instead (the operator was told). */
  | { kind: 'NATIONAL_CALENDAR_INSTEAD'; stage: string; agencyId: string; error: string }
  /** The count crossed a year whose decree is not loaded (or has no data at all). */
  | { kind: 'PROVISIONAL_YEAR'; year: number; dataLoaded: boolean }
  /** A note kept before remarks were data: shown as written. */
  | { kind: 'NOTE'; text: string };

/** A pause of a clock while the complaint waited on the reporter; `to` is null while it lasts. */
export interface Pause {
  from: string;
  to: string | null;
}

/** What a pause gave back, as the explanation tells it. */
export interface PauseCredit {
  from: string;
  to: string;
  /** The rest of the clock when it paused, counted again from `to`: e.g. "1 working day, then PT1H" (English, for operators). */
  remained: string;
  /** The same as data; empty when the deadline had passed before the pause (absent in older explanations). */
  left?: DeadlineRule[];
}

/** Why a deadline falls where it does. */
export interface DeadlineExplanation {
  startAt: string;
  timeZone: string;
  rule: string;
  source: string;
  skipped: SkippedDay[];
  dueAt: string;
  /** Pauses credited, extensions approved, re-timings after calendar amendments. */
  notes: string[];
  /** Each pause and what it gave back (absent in explanations made before pauses were kept). */
  pauses?: PauseCredit[];
  /** The count crossed calendar data not yet final (a year without its decree); re-timed when it is loaded. */
  provisional?: boolean;
  /**
   * The explanation as data, for the API to word in the reader's language (`rule`, `notes` and the
   * skipped days' `reason` are English, for operators). Absent in explanations made before it was kept:
   * those are shown as written. When present, every skipped day has `causes` and every pause `left`.
   */
  basis?: DeadlineBasis;
}

export interface DeadlineBasis {
  rule: DeadlineRule;
  extensions: DeadlineExtension[];
  /** In the order of `notes` after the pauses' own. */
  remarks: DeadlineRemark[];
}

export interface RunningDeadline {
  clockId: string;
  stage: Stage;
  agencyId: string | null;
  dueAt: string;
  remindAt: string | null;
  breached: boolean;
  paused: boolean;
  extensions: number;
  provisional: boolean;
  explanation: DeadlineExplanation;
}

export interface EscalationSummary {
  key: string;
  stage: EscalationSubject;
  level: number;
  receiverRole: string;
  /** The agency that owns the late stage (and whose officers of `receiverRole` receive it); null = national. */
  agencyId: string | null;
  firedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  comment?: string | null;
}

/** Facts about the case; a breach flag never overwrites one. */
export interface CaseFacts {
  disposedAt: string | null;
  assigneeId: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  closedBy: 'REPORTER' | 'FEEDBACK_TIMEOUT' | null;
  archiveReason: ArchiveReason | 'NO_CLARIFICATION' | null;
  rating: number | null;
  redirects: number;
  disputes: number;
}

/** Something the workflow could not do and went on without: the operator (SYSADMIN) is told. */
export interface OperatorAlert {
  at: string;
  /** The activity that failed permanently. */
  activity: string;
  reason: string;
  /** What the workflow did instead. */
  handled: string;
  notified: boolean;
}

export interface ComplaintStatus {
  trackingId: string;
  state: ComplaintState;
  agencyId: string | null;
  classification: Classification;
  complexity: Complexity | null;
  policyVersion: string;
  deadlines: RunningDeadline[];
  escalations: EscalationSummary[];
  facts: CaseFacts;
  allowedActions: ComplaintAction[];
  /** How the case ended when nobody decided it (closed or archived by a clock), in words. */
  endedAutomatically: string | null;
  /** Sequence number of the last transition written to the read model. */
  eventSeq: number;
  /** What the workflow could not do and went on without (the operator was told). */
  operatorAlerts: OperatorAlert[];
}

/** What continue-as-new carries: everything the status is made of, plus the clocks' inner state. */
export interface CaseSnapshot {
  state: ComplaintState;
  stateBeforeClarification: ComplaintState | null;
  agencyId: string | null;
  classification: Classification;
  complexity: Complexity | null;
  eventSeq: number;
  clockSeq: number;
  clocks: Clock[];
  escalations: EscalationSummary[];
  facts: CaseFacts;
  /** Absent in cases carried from runs before alerts were kept. */
  alerts?: OperatorAlert[];
}

/** A running deadline as the workflow keeps it. Plain data: it crosses continue-as-new. */
export interface Clock {
  id: string;
  stage: Stage;
  /** Agency whose calendar counts and who is escalated to; null = national verifier. */
  agencyId: string | null;
  anchorAt: string;
  rule: DeadlineRule;
  extensions: DeadlineExtension[];
  /** Re-timings and fallbacks in English, for operators; `remarks` holds them as data. */
  notes: string[];
  /** The notes as data, added with them (absent on clocks carried from runs before remarks were kept). */
  remarks?: DeadlineRemark[];
  /** Pauses that ended (absent on clocks carried from runs before pauses were kept). */
  pauses?: Pause[];
  explanation: DeadlineExplanation;
  remindAt: string | null;
  reminded: boolean;
  breached: boolean;
  /** How many times the deadline passed; an extended clock can breach again (absent before this was counted). */
  breaches?: number;
  /** Instants of the ladder rungs. */
  rungs: { level: number; at: string }[];
  firedLevels: number[];
  pausedAt: string | null;
}

// ---- action inputs (the arguments of the Workflow Updates) ----

interface ActionInput {
  actor: Actor;
}
export interface VerifyInput extends ActionInput {
  agencyId: string;
  classification?: Classification;
  complexity?: Complexity;
}
export interface RequestClarificationInput extends ActionInput {
  question: string;
}
export interface ProvideClarificationInput extends ActionInput {
  answer: string;
}
export interface ArchiveInput extends ActionInput {
  reason: ArchiveReason;
  note?: string;
}
export interface AssignInput extends ActionInput {
  liaisonId: string;
}
export interface RedirectInput extends ActionInput {
  toAgencyId: string;
  reason: string;
}
export interface RecordFollowUpInput extends ActionInput {
  text: string;
}
export interface ResolveInput extends ActionInput {
  answer: string;
}
export interface AcceptInput extends ActionInput {
  rating: number;
  comment?: string;
}
export interface DisputeInput extends ActionInput {
  reason: string;
}
export interface ExtendDeadlineInput extends ActionInput {
  stage: OfficerStage;
  extra: DeadlineRule;
  reason: string;
  approvedBy: string;
}
export interface AcknowledgeEscalationInput extends ActionInput {
  escalationKey: string;
  comment?: string;
}
/** Re-times running deadlines after calendar data was amended (policy versions stay frozen). */
export interface RetimeDeadlinesInput extends ActionInput {
  reason: string;
}

/** The input each action's Update carries. */
export interface ActionInputs {
  verify: VerifyInput;
  'request-clarification': RequestClarificationInput;
  'provide-clarification': ProvideClarificationInput;
  archive: ArchiveInput;
  assign: AssignInput;
  redirect: RedirectInput;
  'follow-up': RecordFollowUpInput;
  resolve: ResolveInput;
  accept: AcceptInput;
  dispute: DisputeInput;
  'extend-deadline': ExtendDeadlineInput;
  'acknowledge-escalation': AcknowledgeEscalationInput;
}

/** Details carried by an IllegalTransition failure, so the API can name the state and the way forward. */
export interface IllegalTransitionDetails {
  action: ComplaintAction;
  state: ComplaintState;
  allowedActions: ComplaintAction[];
}

/** The catalog entries (src/i18n/catalogs) the lifecycle's refusals are worded with. */
export type RefusalKey =
  | 'validation.required'
  | 'input.nul'
  | 'input.unpairedSurrogate'
  | 'input.tooDeep'
  | 'input.unstorableFieldName'
  | 'input.prototypeFieldName'
  | 'action.actorRequired'
  | 'action.sameAgency'
  | 'action.rating'
  | 'action.stageNotRunning'
  | 'action.extendedTooOften'
  | 'action.extraWorkingDays'
  | 'action.extraDuration'
  | 'action.extraMissing'
  | 'action.noEscalation'
  | 'action.alreadyAcknowledged'
  | 'action.escalationForOtherRole'
  | 'conflict.deadlinesStopped';

/** A refusal as the API words it in the caller's language: a catalog key and its parameters. */
export interface RefusalWording {
  key: RefusalKey;
  params: Record<string, string | number>;
}

/** The reason the case ended without a person deciding it, from its facts. */
export function automaticEnding(facts: CaseFacts): AutomaticEnding | null {
  if (facts.archiveReason === 'NO_CLARIFICATION') return 'NO_CLARIFICATION';
  if (facts.closedBy === 'FEEDBACK_TIMEOUT') return 'FEEDBACK_TIMEOUT';
  return null;
}
