import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { COMPLAINT_STATES } from '../../workflows/messages.js';

export const HISTORY_FORMATS = ['json', 'csv'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

export class AuditHistoryParams {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' })
  @IsString()
  @MaxLength(64)
  trackingId!: string;
}

export class AuditHistoryQuery {
  @ApiPropertyOptional({ enum: HISTORY_FORMATS, default: 'json', description: 'csv answers a spreadsheet-safe attachment' })
  @IsOptional()
  @IsIn(HISTORY_FORMATS)
  format?: HistoryFormat;
}

export const STEP_SOURCES = ['workflow', 'api', 'notification'] as const;
export type StepSource = (typeof STEP_SOURCES)[number];

/** One thing that happened to the complaint, from the workflow's event history, the API audit log or the notification outbox. */
export class AuditStepView {
  @ApiProperty({ example: '2026-11-23T14:21:22.420Z' })
  at!: string;

  @ApiProperty({ enum: STEP_SOURCES, example: 'workflow', description: 'workflow: Temporal event history; api: the API audit log; notification: what the reporter was told (SMS, e-mail)' })
  source!: StepSource;

  @ApiProperty({
    example: 'update',
    description:
      'workflow-started, run-started, update, update-failed, timer-started, timer-fired, timer-canceled, activity-scheduled, ' +
      'activity-completed, activity-failed, local-activity, local-activity-failed, search-attributes, code-version, ' +
      'continued-as-new, workflow-completed, workflow-failed, …; for api steps, the action logged; for notification steps, ' +
      'reporter-notified or reporter-notice-failed',
  })
  kind!: string;

  @ApiProperty({ example: 'VERIFIER usr-verifier-01 verified the complaint and disposed it (agencyId: kemendagri, complexity: SIMPLE).' })
  summary!: string;

  @ApiProperty({ type: String, nullable: true, example: 'usr-verifier-01', description: 'Who acted, when a person did; null for what the clocks did' })
  actorId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'VERIFIER' })
  actorRole!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { update: 'verify', updateId: '7f971ff0-0db7-49fb-bc7c-9aa7bd1e6531', agencyId: 'kemendagri', complexity: 'SIMPLE' },
  })
  detail!: Record<string, unknown>;
}

/** A complaint's full history for auditors: every workflow run (oldest first) merged with the API audit log. */
export class AuditHistoryView {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' })
  trackingId!: string;

  @ApiProperty({ example: 'complaint-LPR-7K3M-9Q2X' })
  workflowId!: string;

  @ApiProperty({ enum: COMPLAINT_STATES, example: 'DISPOSED', description: 'The complaint status in the read model' })
  status!: string;

  @ApiProperty({
    type: String, nullable: true,
    example: 'RUNNING',
    description: "The latest workflow run's execution status; null when Temporal no longer holds the workflow (retention)",
  })
  workflowStatus!: string | null;

  @ApiProperty({ example: 'http://127.0.0.1:8233/namespaces/default/workflows/complaint-LPR-7K3M-9Q2X' })
  temporalUiUrl!: string;

  @ApiProperty({
    type: [String],
    example: ['0196e7a2-5c1e-7d3a-9f1b-2b8c4d5e6f70'],
    description: 'Workflow runs covered, oldest first (more than one after continue-as-new)',
  })
  runIds!: string[];

  @ApiProperty({ type: [AuditStepView], description: 'Oldest first; steps at the same instant keep their recorded order' })
  steps!: AuditStepView[];
}
