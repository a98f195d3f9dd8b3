// The one vocabulary of a complaint's lifecycle: states, stages, roles, the actions officers and
// reporters take (by the names they see in URLs and answers), and the events the workflow records.
// Pure data, no imports: the workflow, the API, the history decoder, the tracking texts and the
// report SQL all read these, so a new action or event fails to compile wherever it must be learned.

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

/** States in which the complaint is done; the workflow still waits for open escalations. */
export const TERMINAL_STATES: readonly ComplaintState[] = ['CLOSED', 'ARCHIVED'];

export const CLASSIFICATIONS = ['COMPLAINT', 'ASPIRATION', 'INFORMATION_REQUEST'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CHANNELS = ['WEB', 'MOBILE', 'SMS', 'SOCIAL', 'OFFLINE'] as const;
export type Channel = (typeof CHANNELS)[number];

export const COMPLEXITIES = ['SIMPLE', 'NORMAL', 'INVESTIGATION'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

export const ARCHIVE_REASONS = ['SPAM', 'DUPLICATE', 'OUT_OF_SCOPE', 'INSUFFICIENT_INFORMATION', 'OTHER'] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

/** Officer roles (the same strings as the database's Role enum). */
export const ROLES = ['VERIFIER', 'AGENCY_ADMIN', 'LIAISON', 'SUPERVISOR', 'COMPLAINT_MANAGER', 'OMBUDSMAN', 'AUDITOR', 'SYSADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that act for the whole country; every other role belongs to an agency or, for some, to the national level. */
export const NATIONAL_ROLES: readonly Role[] = ['VERIFIER', 'OMBUDSMAN', 'AUDITOR', 'SYSADMIN'];

/** Who runs the system: told when a workflow could not do something and went on without it. */
export const OPERATOR_ROLE: Role = 'SYSADMIN';

/** The national admin of the channel (admin nasional): receives what no agency can be asked to fix. */
export const NATIONAL_ADMIN_ROLE: Role = 'VERIFIER';

/** The clocks a complaint can run. Officer clocks escalate when breached; reporter clocks expire. */
export const STAGES = ['verification', 'assignment', 'firstFollowUp', 'resolution', 'clarification', 'feedback'] as const;
export type Stage = (typeof STAGES)[number];
export const OFFICER_STAGES = ['verification', 'assignment', 'firstFollowUp', 'resolution'] as const;
export type OfficerStage = (typeof OFFICER_STAGES)[number];
export const AGENCY_STAGES: readonly Stage[] = ['assignment', 'firstFollowUp', 'resolution'];
export const REPORTER_STAGES: readonly Stage[] = ['clarification', 'feedback'];

/** Escalations are about a stage's deadline, or about a complaint redirected too often. */
export type EscalationSubject = Stage | 'redirection';

/** Who must act before each officer clock's deadline: they get the reminder. */
export const STAGE_OWNER: Record<OfficerStage, Role> = {
  verification: 'VERIFIER',
  assignment: 'AGENCY_ADMIN',
  firstFollowUp: 'LIAISON',
  resolution: 'LIAISON',
};

/** How each stage reads in a sentence. */
export const STAGE_LABEL: Record<Stage, string> = {
  verification: 'verification',
  assignment: 'assignment',
  firstFollowUp: 'first follow-up',
  resolution: 'resolution',
  clarification: "reporter's clarification",
  feedback: "reporter's feedback",
};

/**
 * Every action, under the name officers and reporters see (the URL segment and `allowedActions`), with
 * the Workflow Update that carries it. Update names are part of recorded histories and never change.
 */
export const ACTIONS = {
  verify: { update: 'verify', by: 'officer', verb: 'verified the complaint and disposed it to an agency' },
  'request-clarification': { update: 'requestClarification', by: 'officer', verb: 'asked the reporter for missing details' },
  'provide-clarification': { update: 'provideClarification', by: 'reporter', verb: 'provided the requested details' },
  archive: { update: 'archive', by: 'officer', verb: 'archived the complaint' },
  assign: { update: 'assign', by: 'officer', verb: 'assigned a liaison officer' },
  redirect: { update: 'redirect', by: 'officer', verb: 'redirected the complaint to another agency' },
  'follow-up': { update: 'recordFollowUp', by: 'officer', verb: 'recorded a follow-up' },
  resolve: { update: 'resolve', by: 'officer', verb: 'gave the final answer' },
  accept: { update: 'accept', by: 'reporter', verb: 'accepted the answer' },
  dispute: { update: 'dispute', by: 'reporter', verb: 'disputed the answer' },
  'extend-deadline': { update: 'extendDeadline', by: 'officer', verb: 'extended a deadline' },
  'acknowledge-escalation': { update: 'acknowledgeEscalation', by: 'officer', verb: 'acknowledged an escalation' },
} as const;
export type ComplaintAction = keyof typeof ACTIONS;
export type UpdateName = (typeof ACTIONS)[ComplaintAction]['update'];
export type ReporterAction = { [A in ComplaintAction]: (typeof ACTIONS)[A]['by'] extends 'reporter' ? A : never }[ComplaintAction];
export const ACTION_NAMES = Object.keys(ACTIONS) as ComplaintAction[];
export const REPORTER_ACTIONS = ACTION_NAMES.filter((a): a is ReporterAction => ACTIONS[a].by === 'reporter');

/** Administrative Updates that are no lifecycle step (operators, not officers). */
export const ADMIN_UPDATES = {
  retimeDeadlines: { verb: 're-timed the running deadlines' },
} as const;
export type AdminUpdateName = keyof typeof ADMIN_UPDATES;

/** The action an Update name carries, for readers of histories. */
export function actionOfUpdate(update: string): ComplaintAction | undefined {
  return ACTION_NAMES.find((a) => ACTIONS[a].update === update);
}

/** What the workflow records in the read model (complaint_events.type), one per transition or clock event. */
export const EVENTS = [
  'SUBMITTED',
  'VERIFIED',
  'CLARIFICATION_REQUESTED',
  'CLARIFICATION_PROVIDED',
  'ARCHIVED',
  'ASSIGNED',
  'REDIRECTED',
  'FOLLOWED_UP',
  'RESOLVED',
  'CLOSED',
  'DISPUTED',
  'DEADLINE_EXTENDED',
  'DEADLINE_BREACHED',
  'ESCALATED',
  'ESCALATION_ACKNOWLEDGED',
  'DEADLINES_RETIMED',
] as const;
export type EventType = (typeof EVENTS)[number];

/** The detail fields of each event that hold text typed by a person: never repeated outside the event itself. */
export const EVENT_FREE_TEXT: Record<EventType, readonly string[]> = {
  SUBMITTED: [],
  VERIFIED: [],
  CLARIFICATION_REQUESTED: ['question'],
  CLARIFICATION_PROVIDED: ['answer'],
  ARCHIVED: ['note'],
  ASSIGNED: [],
  REDIRECTED: ['reason'],
  FOLLOWED_UP: ['text'],
  RESOLVED: ['answer'],
  CLOSED: ['comment'],
  DISPUTED: ['reason'],
  DEADLINE_EXTENDED: ['reason'],
  DEADLINE_BREACHED: [],
  ESCALATED: [],
  ESCALATION_ACKNOWLEDGED: ['comment'],
  DEADLINES_RETIMED: ['reason'],
};

/** Why a complaint was closed or archived without an officer or the reporter deciding it. */
export const AUTOMATIC_ENDINGS = {
  NO_CLARIFICATION: 'archived automatically: the reporter did not give the requested details in time',
  FEEDBACK_TIMEOUT: 'closed automatically: the reporter did not respond to the answer in time, so it counts as accepted',
} as const;
export type AutomaticEnding = keyof typeof AUTOMATIC_ENDINGS;

/** ApplicationFailure type of a refusal because the action is not legal in the current state. → 409 */
export const ILLEGAL_TRANSITION = 'IllegalTransition';
/** ApplicationFailure type of a refusal because the action's input cannot be accepted. → 400 */
export const INVALID_ACTION = 'InvalidAction';
/** ApplicationFailure type of an activity failure that retrying cannot fix (bad data, a missing row). */
export const PERMANENT_FAILURE = 'PermanentFailure';
