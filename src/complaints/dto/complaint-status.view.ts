// The complaint process status (the workflow's `status` query and the answer of every lifecycle action),
// as the API sends it. Mapped field by field from the workflow's ComplaintStatus, so the answer is
// exactly what this schema says.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTION_NAMES,
  ARCHIVE_REASONS,
  CLASSIFICATIONS,
  COMPLAINT_STATES,
  COMPLEXITIES,
  STAGES,
  type CaseFacts,
  type Classification,
  type ComplaintAction,
  type ComplaintState,
  type ComplaintStatus,
  type Complexity,
  type DeadlineExplanation,
  type EscalationSubject,
  type EscalationSummary,
  type OperatorAlert,
  type PauseCredit,
  type RunningDeadline,
  type SkippedDay,
  type Stage,
} from '../../../workflows/messages.js';
import { wordStatus, type WordedDeadline, type WordedExplanation } from '../../i18n/deadline-explanation.js';
import type { Locale } from '../../i18n/messages.js';

const INSTANT = '2026-11-24T16:59:59.999Z';
const NULLABLE_INSTANT = { type: String, format: 'date-time', nullable: true, example: null } as const;

export class SkippedDayView implements SkippedDay {
  @ApiProperty({ format: 'date', example: '2026-12-25' }) date!: string;
  @ApiProperty({ example: 'Hari Raya Natal' }) reason!: string;
}

export class PauseCreditView implements PauseCredit {
  @ApiProperty({ format: 'date-time', example: '2026-11-20T02:00:00.000Z' }) from!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-21T03:00:00.000Z' }) to!: string;
  @ApiProperty({ example: '1 working day, then PT1H', description: 'The rest of the clock when it paused, counted again from `to`' }) remained!: string;
}

export class DeadlineExplanationView implements DeadlineExplanation {
  @ApiProperty({ format: 'date-time', example: '2026-11-20T08:00:00.000Z' }) startAt!: string;
  @ApiProperty({ example: 'Asia/Jakarta', description: "The calendar's zone: the responsible party's" }) timeZone!: string;
  @ApiProperty({ example: '3 working days' }) rule!: string;
  @ApiProperty({ example: 'Perpres 76/2013 art. 12' }) source!: string;
  @ApiProperty({ type: [SkippedDayView], description: 'Weekends, holidays and agency days off the count skipped' }) skipped!: SkippedDay[];
  @ApiProperty({ format: 'date-time', example: INSTANT }) dueAt!: string;
  @ApiProperty({ type: [String], description: 'Pauses credited, extensions approved, re-timings after calendar amendments' }) notes!: string[];
  @ApiPropertyOptional({ type: [PauseCreditView], description: 'Each pause and what it gave back (absent in explanations made before pauses were kept)' })
  pauses?: PauseCredit[];
  @ApiPropertyOptional({ description: 'The count crossed calendar data not yet final (a year without its decree); re-timed when it is loaded' })
  provisional?: boolean;
  @ApiProperty({ example: 'Due 2026-11-24T16:59:59.999Z: 3 working days, counted from 2026-11-20T08:00:00.000Z (Asia/Jakarta).', description: 'The whole explanation in one sentence, in the request\'s language' })
  summary!: string;
}

export class RunningDeadlineView implements RunningDeadline {
  @ApiProperty({ example: 'verification-1' }) clockId!: string;
  @ApiProperty({ enum: STAGES, example: 'verification' }) stage!: Stage;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Agency whose calendar counts; null = national verifier' }) agencyId!: string | null;
  @ApiProperty({ format: 'date-time', example: INSTANT }) dueAt!: string;
  @ApiProperty({ ...NULLABLE_INSTANT, description: 'When the owner is reminded; null when no reminder is due' }) remindAt!: string | null;
  @ApiProperty({ description: 'Passed without the awaited action' }) breached!: boolean;
  @ApiProperty({ description: 'Paused while the reporter is asked for details' }) paused!: boolean;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0, description: 'Extensions approved for this stage' }) extensions!: number;
  @ApiProperty({ description: 'Counted on calendar data not yet final' }) provisional!: boolean;
  @ApiProperty({ type: DeadlineExplanationView }) explanation!: DeadlineExplanationView;
}

export class EscalationSummaryView implements EscalationSummary {
  @ApiProperty({ example: 'complaint-LPR-7K3M-9Q2X:verification-1:1' }) key!: string;
  @ApiProperty({ enum: [...STAGES, 'redirection'], example: 'verification' }) stage!: EscalationSubject;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 3, example: 1 }) level!: number;
  @ApiProperty({ example: 'SUPERVISOR' }) receiverRole!: string;
  @ApiProperty({ type: String, nullable: true, example: 'kemendagri', description: 'Agency owning the late stage; null = national' }) agencyId!: string | null;
  @ApiProperty({ format: 'date-time', example: INSTANT }) firedAt!: string;
  @ApiProperty(NULLABLE_INSTANT) acknowledgedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Officer ID' }) acknowledgedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null, description: "The receiver's note when acknowledging" }) comment?: string | null;
}

export class CaseFactsView implements CaseFacts {
  @ApiProperty(NULLABLE_INSTANT) disposedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'The liaison officer assigned' }) assigneeId!: string | null;
  @ApiProperty(NULLABLE_INSTANT) firstResponseAt!: string | null;
  @ApiProperty(NULLABLE_INSTANT) resolvedAt!: string | null;
  @ApiProperty(NULLABLE_INSTANT) closedAt!: string | null;
  @ApiProperty({ type: String, enum: ['REPORTER', 'FEEDBACK_TIMEOUT', null], nullable: true, example: null }) closedBy!: CaseFacts['closedBy'];
  @ApiProperty({ type: String, enum: [...ARCHIVE_REASONS, 'NO_CLARIFICATION', null], nullable: true, example: null }) archiveReason!: CaseFacts['archiveReason'];
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, nullable: true, example: null, description: "The reporter's rating" }) rating!: number | null;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 }) redirects!: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 }) disputes!: number;
}

export class OperatorAlertView implements OperatorAlert {
  @ApiProperty({ format: 'date-time', example: INSTANT }) at!: string;
  @ApiProperty({ example: 'notify', description: 'The activity that failed permanently' }) activity!: string;
  @ApiProperty({ example: 'webhook answered 410' }) reason!: string;
  @ApiProperty({ example: 'went on without the notification', description: 'What the workflow did instead' }) handled!: string;
  @ApiProperty({ description: 'Whether SYSADMIN was told' }) notified!: boolean;
}

/** The process status: what every lifecycle action answers, and `process` of GET /v1/complaints/{trackingId}. */
export class ComplaintStatusView implements ComplaintStatus {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' }) trackingId!: string;
  @ApiProperty({ enum: COMPLAINT_STATES, example: 'DISPOSED' }) state!: ComplaintState;
  @ApiProperty({ type: String, nullable: true, example: 'kemendagri', description: 'The agency it was disposed to; null before disposal' }) agencyId!: string | null;
  @ApiProperty({ enum: CLASSIFICATIONS, example: 'COMPLAINT' }) classification!: Classification;
  @ApiProperty({ type: String, enum: [...COMPLEXITIES, null], nullable: true, example: 'NORMAL', description: 'Set at verification; null before' })
  complexity!: Complexity | null;
  @ApiProperty({ example: '2026.1' }) policyVersion!: string;
  @ApiProperty({ type: [RunningDeadlineView], description: 'Running deadlines, each with its explanation' }) deadlines!: RunningDeadline[];
  @ApiProperty({ type: [EscalationSummaryView] }) escalations!: EscalationSummary[];
  @ApiProperty({ type: CaseFactsView }) facts!: CaseFacts;
  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...ACTION_NAMES] }, example: ['assign', 'redirect', 'request-clarification'], description: 'What the current state allows' })
  allowedActions!: ComplaintAction[];
  @ApiProperty({ type: String, nullable: true, example: null, description: 'How the case ended when nobody decided it (closed or archived by a clock), in words' })
  endedAutomatically!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, example: 3, description: 'Sequence number of the last transition written to the read model' }) eventSeq!: number;
  @ApiProperty({ type: [OperatorAlertView], description: 'What the workflow could not do and went on without (the operator was told)' }) operatorAlerts!: OperatorAlert[];
}

const toExplanationView = (e: WordedExplanation): DeadlineExplanationView => ({
  startAt: e.startAt,
  timeZone: e.timeZone,
  rule: e.rule,
  source: e.source,
  skipped: e.skipped.map(({ date, reason }) => ({ date, reason })),
  dueAt: e.dueAt,
  notes: [...e.notes],
  ...(e.pauses ? { pauses: e.pauses.map(({ from, to, remained }) => ({ from, to, remained })) } : {}),
  ...(e.provisional !== undefined ? { provisional: e.provisional } : {}),
  summary: e.summary,
});

const toDeadlineView = (d: WordedDeadline): RunningDeadlineView => ({
  clockId: d.clockId,
  stage: d.stage,
  agencyId: d.agencyId,
  dueAt: d.dueAt,
  remindAt: d.remindAt,
  breached: d.breached,
  paused: d.paused,
  extensions: d.extensions,
  provisional: d.provisional,
  explanation: toExplanationView(d.explanation),
});

const toEscalationView = (e: EscalationSummary): EscalationSummaryView => ({
  key: e.key,
  stage: e.stage,
  level: e.level,
  receiverRole: e.receiverRole,
  agencyId: e.agencyId,
  firedAt: e.firedAt,
  acknowledgedAt: e.acknowledgedAt,
  acknowledgedBy: e.acknowledgedBy,
  ...(e.comment !== undefined ? { comment: e.comment } : {}),
});

/**
 * The answer officers (and, for their own actions, reporters) get: the workflow's status with every deadline
 * explained and an automatic ending worded in `locale`, mapped to exactly what the document says.
 */
export function toComplaintStatusView(raw: ComplaintStatus, locale: Locale): ComplaintStatusView {
  const status = wordStatus(raw, locale);
  const { facts } = status;
  return {
    trackingId: status.trackingId,
    state: status.state,
    agencyId: status.agencyId,
    classification: status.classification,
    complexity: status.complexity,
    policyVersion: status.policyVersion,
    deadlines: status.deadlines.map(toDeadlineView),
    escalations: status.escalations.map(toEscalationView),
    facts: {
      disposedAt: facts.disposedAt,
      assigneeId: facts.assigneeId,
      firstResponseAt: facts.firstResponseAt,
      resolvedAt: facts.resolvedAt,
      closedAt: facts.closedAt,
      closedBy: facts.closedBy,
      archiveReason: facts.archiveReason,
      rating: facts.rating,
      redirects: facts.redirects,
      disputes: facts.disputes,
    },
    allowedActions: [...status.allowedActions],
    endedAutomatically: status.endedAutomatically,
    eventSeq: status.eventSeq,
    operatorAlerts: status.operatorAlerts.map(({ at, activity, reason, handled, notified }) => ({ at, activity, reason, handled, notified })),
  };
}
