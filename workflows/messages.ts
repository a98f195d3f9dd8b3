// The complaint workflow's contract: input, state, and every Update and Query, defined once and
// shared by the workflow, the worker, the API and the tests. No workflow code and no Node modules.
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export const DEFAULT_TASK_QUEUE = 'tenggat-complaints';

export const complaintWorkflowId = (trackingId: string): string => `complaint-${trackingId}`;

export const COMPLAINT_STATES = [
  'SUBMITTED',
  'AWAITING_CLARIFICATION',
  'DISPOSED',
  'IN_PROGRESS',
  'AWAITING_FEEDBACK',
  'CLOSED',
  'ARCHIVED',
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const CLASSIFICATIONS = ['COMPLAINT', 'ASPIRATION', 'INFORMATION_REQUEST'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CHANNELS = ['WEB', 'MOBILE', 'SMS', 'SOCIAL', 'OFFLINE'] as const;
export type Channel = (typeof CHANNELS)[number];

export const COMPLEXITIES = ['SIMPLE', 'NORMAL', 'INVESTIGATION'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

/** A deadline is either N working days in the responsible party's calendar or an exact ISO-8601 duration. */
export type DeadlineRule = ({ workingDays: number } | { duration: string }) & { source: string };

/** The clocks a complaint can run. Officer clocks escalate when breached; reporter clocks expire. */
export const STAGES = ['verification', 'assignment', 'firstFollowUp', 'resolution', 'clarification', 'feedback'] as const;
export type Stage = (typeof STAGES)[number];
export const OFFICER_STAGES = ['verification', 'assignment', 'firstFollowUp', 'resolution'] as const;
export type OfficerStage = (typeof OFFICER_STAGES)[number];

/** Who must act before each officer clock's deadline: they get the reminder. */
export const STAGE_OWNER: Record<OfficerStage, string> = {
  verification: 'VERIFIER',
  assignment: 'AGENCY_ADMIN',
  firstFollowUp: 'LIAISON',
  resolution: 'LIAISON',
};

/** One rung of the escalation ladder: who is alerted, and how long after the breach (none = at the breach). */
export interface EscalationStep {
  level: number;
  receiverRole: string;
  afterBreach: DeadlineRule | null;
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

/** Who performs an action: an ID and a role, never a name. */
export interface Actor {
  id: string;
  role: string;
}

export interface SkippedDay {
  date: string;
  reason: string;
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
  explanation: DeadlineExplanation;
}

export interface EscalationSummary {
  key: string;
  stage: Stage | 'redirection';
  level: number;
  receiverRole: string;
  agencyId: string | null;
  firedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
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
}

/** A running deadline as the workflow keeps it. Plain data: it crosses continue-as-new. */
export interface Clock {
  id: string;
  stage: Stage;
  /** Agency whose calendar counts and who is escalated to; null = national verifier. */
  agencyId: string | null;
  anchorAt: string;
  rule: DeadlineRule;
  extensions: DeadlineRule[];
  notes: string[];
  explanation: DeadlineExplanation;
  remindAt: string | null;
  reminded: boolean;
  breached: boolean;
  /** Instants of the ladder rungs, computed at the breach. */
  rungs: { level: number; at: string }[];
  firedLevels: number[];
  pausedAt: string | null;
}

export const ARCHIVE_REASONS = ['SPAM', 'DUPLICATE', 'OUT_OF_SCOPE', 'INSUFFICIENT_INFORMATION', 'OTHER'] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

export const ACTIONS = [
  'verify',
  'requestClarification',
  'provideClarification',
  'archive',
  'assign',
  'redirect',
  'recordFollowUp',
  'resolve',
  'accept',
  'dispute',
  'extendDeadline',
  'acknowledgeEscalation',
] as const;
export type ComplaintAction = (typeof ACTIONS)[number];

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
}
/** Re-times running deadlines after calendar data was amended (policy versions stay frozen). */
export interface RetimeDeadlinesInput extends ActionInput {
  reason: string;
}

/** ApplicationFailure type thrown by validators when an action is not legal in the current state. */
export const ILLEGAL_TRANSITION = 'IllegalTransition';
/** ApplicationFailure type thrown by validators when an action's input cannot be accepted. */
export const INVALID_ACTION = 'InvalidAction';

/** Details carried by an IllegalTransition failure, so the API can name the state and the way forward. */
export interface IllegalTransitionDetails {
  action: ComplaintAction;
  state: ComplaintState;
  allowedActions: ComplaintAction[];
}

export const verifyUpdate = defineUpdate<ComplaintStatus, [VerifyInput], 'verify'>('verify');
export const requestClarificationUpdate = defineUpdate<ComplaintStatus, [RequestClarificationInput], 'requestClarification'>(
  'requestClarification',
);
export const provideClarificationUpdate = defineUpdate<ComplaintStatus, [ProvideClarificationInput], 'provideClarification'>(
  'provideClarification',
);
export const archiveUpdate = defineUpdate<ComplaintStatus, [ArchiveInput], 'archive'>('archive');
export const assignUpdate = defineUpdate<ComplaintStatus, [AssignInput], 'assign'>('assign');
export const redirectUpdate = defineUpdate<ComplaintStatus, [RedirectInput], 'redirect'>('redirect');
export const recordFollowUpUpdate = defineUpdate<ComplaintStatus, [RecordFollowUpInput], 'recordFollowUp'>('recordFollowUp');
export const resolveUpdate = defineUpdate<ComplaintStatus, [ResolveInput], 'resolve'>('resolve');
export const acceptUpdate = defineUpdate<ComplaintStatus, [AcceptInput], 'accept'>('accept');
export const disputeUpdate = defineUpdate<ComplaintStatus, [DisputeInput], 'dispute'>('dispute');
export const extendDeadlineUpdate = defineUpdate<ComplaintStatus, [ExtendDeadlineInput], 'extendDeadline'>('extendDeadline');
export const acknowledgeEscalationUpdate = defineUpdate<ComplaintStatus, [AcknowledgeEscalationInput], 'acknowledgeEscalation'>(
  'acknowledgeEscalation',
);
export const retimeDeadlinesUpdate = defineUpdate<ComplaintStatus, [RetimeDeadlinesInput], 'retimeDeadlines'>('retimeDeadlines');
export const statusQuery = defineQuery<ComplaintStatus, [], 'status'>('status');

/** Search attributes Tenggat registers on the Temporal server. Never reporter data. */
export const SEARCH_ATTRIBUTES = {
  ComplaintStatus: 'Keyword',
  AgencyId: 'Keyword',
  NextDeadline: 'Datetime',
  EscalationLevel: 'Int',
} as const;
