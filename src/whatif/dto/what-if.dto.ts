import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { REPLAY_STAGES } from '../../../activities/policy-replay.js';
import { ISO_INSTANT_MAX_LENGTH } from '../../complaints/dto/list-complaints.query.js';
import { REPORT_FORMATS, type ReportFormat } from '../../reports/dto/sla-report.query.js';

/** A what-if replay: which policy, over the complaints submitted when. */
export class StartWhatIfDto {
  @ApiPropertyOptional({
    example: '2026.1',
    maxLength: 64,
    description: 'A version of the policy file (GET /v1/admin/policies) to replay; with draftPolicy, the draft version to use when the draft holds several',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  policyVersion?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'A draft policy in the shape of config/sla-policy.json ({ "versions": [ … ] }), validated as the file is at boot; 400 names the field at fault',
  })
  @IsOptional()
  @IsObject()
  draftPolicy?: Record<string, unknown>;

  @ApiProperty({ example: '2026-01-01', description: 'Complaints submitted from (inclusive): an ISO-8601 date (midnight in the national time zone) or instant; must be in the past' })
  @MaxLength(ISO_INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true })
  from!: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'Complaints submitted before (exclusive); default and latest: now. The period spans at most 1,098 days' })
  @IsOptional()
  @MaxLength(ISO_INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true })
  to?: string;
}

export class WhatIfIdParam {
  @ApiProperty({ maxLength: 36, example: '0b9f3c1e-6c0a-4a57-9d0e-2f1f1c9b7a10' })
  @IsUUID('4')
  id!: string;
}

export class WhatIfReportQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', description: 'csv: one line per stage owner and stage plus a total per stage, as a download' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class WhatIfDifferencesQuery extends WhatIfReportQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100, description: 'JSON only: complaints per page (the CSV holds them all)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0, description: 'JSON only: complaints to skip (by tracking ID)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}

export const WHAT_IF_STATUSES = ['RUNNING', 'COMPLETED', 'CANCELLED', 'FAILED'] as const;

export class WhatIfPeriodView {
  @ApiProperty({ example: '2026-01-01T00:00:00.000+07:00', description: 'Inclusive' }) from!: string;
  @ApiProperty({ example: '2026-11-30T12:00:00.000+07:00', description: 'Exclusive; never later than when the replay was asked for' }) to!: string;
  @ApiProperty({ example: 'Asia/Jakarta' }) timeZone!: string;
}

export class WhatIfRunView {
  @ApiProperty({ example: '0b9f3c1e-6c0a-4a57-9d0e-2f1f1c9b7a10' }) id!: string;
  @ApiProperty({ enum: WHAT_IF_STATUSES, description: 'RUNNING until every batch is done; CANCELLED and FAILED runs keep what they replayed' }) status!: string;
  @ApiProperty({ enum: ['VERSION', 'DRAFT'], description: 'VERSION: a version of the policy file; DRAFT: a policy sent with the request' }) policySource!: string;
  @ApiProperty({ example: '2026.1-draft', description: 'The what-if version; each complaint is compared with a replay under its own frozen version' }) policyVersion!: string;
  @ApiProperty({ type: WhatIfPeriodView }) period!: WhatIfPeriodView;
  @ApiProperty({ description: 'Clocks run up to this instant on both sides' }) asOf!: string;
  @ApiProperty({ example: 10000, description: 'Complaints submitted in the period' }) total!: number;
  @ApiProperty({ example: 2500, description: 'Complaints replayed so far' }) processed!: number;
  @ApiProperty({ example: 312, description: 'Complaints whose outcome differs so far' }) differing!: number;
  @ApiProperty({ example: 0, description: 'Complaints whose recorded history could not be replayed (listed among the differences with the error); counted in neither side' })
  unreplayable!: number;
  @ApiProperty({
    example: 3,
    description:
      "Complaints whose replay under their own policy breached other deadlines than their recorded history (DEADLINE_BREACHED events) says passed: a calendar amended since, or a behaviour changed since; their 'current' figures are not what happened",
  })
  unlikeRecord!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why a FAILED run stopped' }) error!: string | null;
  @ApiProperty({ example: 'usr-auditor' }) requestedBy!: string;
}

export class WhatIfSideView {
  @ApiProperty({ example: 90, description: 'Deadlines stopped by the action they waited for (or a redirect, an archive) before they passed' }) met!: number;
  @ApiProperty({ example: 10, description: 'Deadlines that passed (counted once even when extended afterwards)' }) breached!: number;
  @ApiProperty({ example: 2, description: 'Deadlines still running, unbreached, at asOf (neither met nor breached)' }) running!: number;
  @ApiProperty({ type: Number, nullable: true, example: 90, description: 'met / (met + breached) in percent; null when none was decided' }) onTimePct!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { 1: 10, 2: 4, 3: 1 }, description: 'Escalations by level (every receiver counts); levels 1 to 3 always present' })
  escalations!: Record<string, number>;
}

export class WhatIfRowView {
  @ApiProperty({ enum: ['agency', 'national', 'total'], description: 'agency: stages an agency owned; national: verification and redirections; total: the stage over every owner' })
  rowType!: string;
  @ApiProperty({ type: String, nullable: true, example: 'kemendagri', description: "The stage's owner; null on national and total rows" }) agencyId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Kementerian Dalam Negeri' }) agencyName!: string | null;
  @ApiProperty({ enum: REPLAY_STAGES }) stage!: string;
  @ApiProperty({ type: WhatIfSideView, description: "Each complaint replayed under its own policy version (what happened, on today's calendar)" }) current!: WhatIfSideView;
  @ApiProperty({ type: WhatIfSideView, description: 'The same complaints replayed under the what-if policy' }) whatIf!: WhatIfSideView;
  @ApiProperty({ example: 4, description: 'whatIf.breached − current.breached' }) breachesChange!: number;
  @ApiProperty({ type: Number, nullable: true, example: -4.5, description: 'whatIf.onTimePct − current.onTimePct, in percentage points' }) onTimePctChange!: number | null;
}

export class WhatIfReportView {
  @ApiProperty({ type: WhatIfRunView }) run!: WhatIfRunView;
  @ApiProperty({ description: 'false while running, or when cancelled or failed: the rows cover the complaints replayed so far' }) complete!: boolean;
  @ApiProperty({ type: [WhatIfRowView] }) rows!: WhatIfRowView[];
}

export class RoundSideView {
  @ApiProperty({ example: '2026-01-07T23:59:59.999+07:00' }) dueAt!: string;
  @ApiProperty({ example: '2 working days' }) rule!: string;
  @ApiProperty({ enum: ['met', 'breached', 'running'] }) outcome!: string;
  @ApiProperty({ type: String, nullable: true }) breachedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'When the action that stopped it happened' }) endedAt!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { 1: 1 } }) escalations!: Record<string, number>;
}

export class EndingChangeView {
  @ApiProperty({ example: 'CLOSED' }) current!: string;
  @ApiProperty({ example: 'ARCHIVED (NO_CLARIFICATION)' }) whatIf!: string;
}

export class WhatIfDifferenceView {
  @ApiProperty({ type: String, nullable: true, enum: REPLAY_STAGES, description: "The stage that went otherwise; null for the case's ending" }) stage!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The nth deadline of that stage on the complaint (a redirect or dispute starts another)' }) round!: number | null;
  @ApiProperty({ type: String, nullable: true, description: "The stage's owner; null = national" }) agencyId!: string | null;
  @ApiProperty({ type: RoundSideView, nullable: true, description: 'Under the complaint’s own policy; null when the deadline never ran there' }) current!: RoundSideView | null;
  @ApiProperty({ type: RoundSideView, nullable: true, description: 'Under the what-if policy; null when the deadline never ran there' }) whatIf!: RoundSideView | null;
  @ApiProperty({ type: EndingChangeView, nullable: true }) ending!: EndingChangeView | null;
  @ApiProperty({ example: 'verification: under 2026.1 due … (3 working days): met …; under draft due … (2 working days): breached at …, level 1', description: 'The same in English' })
  why!: string;
}

export class WhatIfComplaintView {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' }) trackingId!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The agency holding the complaint; null: not disposed' }) agencyId!: string | null;
  @ApiProperty({ example: '2026.1', description: 'The version the complaint ran under' }) currentPolicyVersion!: string;
  @ApiProperty({ type: [WhatIfDifferenceView], description: 'Empty when the complaint could not be replayed' }) differences!: WhatIfDifferenceView[];
  @ApiProperty({ type: String, nullable: true, description: 'Why the complaint could not be replayed; null when it was' }) error!: string | null;
}

export class WhatIfComplaintPage {
  @ApiProperty({ type: [WhatIfComplaintView] }) items!: WhatIfComplaintView[];
  @ApiProperty({ example: 312, description: 'Complaints listed: those whose outcome differs and those that could not be replayed (run.differing + run.unreplayable)' }) total!: number;
  @ApiProperty({ example: 100 }) limit!: number;
  @ApiProperty({ example: 0 }) offset!: number;
}
