import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_GROUPINGS, type ReportGrouping } from './sla-report.query.js';

/** The figures of one group of complaints (an agency, the national verification queue, or all). */
export class SlaFigures {
  @ApiProperty({ example: 120, description: 'Complaints submitted in the period' })
  received!: number;

  @ApiProperty({ example: 112, description: 'Of those, verified and disposed to an agency' })
  verified!: number;

  @ApiProperty({
    type: Number, nullable: true,
    example: 92.9,
    description: 'Percent of the verified complaints whose verification deadline was never breached (no DEADLINE_BREACHED event for stage verification); null when none was verified',
  })
  verifiedOnTimePct!: number | null;

  @ApiProperty({
    example: 98,
    description:
      'Verified complaints with a first response (follow-up or final answer) by the agency holding them, after its latest disposition (VERIFIED or REDIRECTED)',
  })
  firstResponses!: number;

  @ApiProperty({ type: Number, nullable: true, example: 87.5, description: 'firstResponses as a percent of verified; null when none was verified' })
  followUpCompletionPct!: number | null;

  @ApiProperty({
    type: Number, nullable: true,
    example: 81.6,
    description: "Percent of the first responses given with the agency's first follow-up deadline never breached; null when there was none",
  })
  followUpOnTimePct!: number | null;

  @ApiProperty({ example: 70, description: 'Complaints whose answer stands: awaiting the reporter’s feedback or closed (a disputed answer no longer counts)' })
  resolved!: number;

  @ApiProperty({
    type: Number, nullable: true,
    example: 74.3,
    description: "Percent of the resolved complaints whose resolution deadline with the current agency was never breached (disputes included); null when none was resolved",
  })
  resolvedOnTimePct!: number | null;

  @ApiProperty({
    type: Number, nullable: true,
    example: 30.25,
    description:
      'Median wall-clock hours from disposition to the current agency (its latest VERIFIED or REDIRECTED event) to its first response; clarification pauses included; null when there was none',
  })
  medianFirstResponseHours!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 4.2, minimum: 1, maximum: 5, description: "Mean of the reporters' ratings (1 to 5); null when none rated" })
  meanSatisfaction!: number | null;

  @ApiProperty({ example: 40, description: 'Complaints the reporter rated' })
  ratings!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { 1: 9, 2: 3, 3: 1 },
    description: 'Escalations fired on these complaints (any stage, redirections included), by level; levels 1 to 3 always present',
  })
  escalations!: Record<string, number>;
}

export class SlaReportRow extends SlaFigures {
  @ApiProperty({
    type: String, nullable: true,
    example: 'kemendagri',
    description: 'Agency holding the complaints; null = not yet disposed (national verification), and on every row grouped by province',
  })
  agencyId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Kementerian Dalam Negeri' })
  agencyName!: string | null;

  @ApiPropertyOptional({
    example: '91',
    maxLength: 8,
    description: "groupBy=province only: the province of the complaints' place (official code), or 'unknown' for complaints without an area code",
  })
  provinceCode?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Papua', description: "groupBy=province only: the province's name from the reference data; null for 'unknown'" })
  provinceName?: string | null;
}

export class SlaReportPeriod {
  @ApiProperty({ example: '2026-10-01T00:00:00.000+07:00', description: 'Inclusive: complaints submitted at or after' })
  from!: string;

  @ApiProperty({ example: '2026-11-01T00:00:00.000+07:00', description: 'Exclusive: complaints submitted before' })
  to!: string;

  @ApiProperty({ example: 'Asia/Jakarta', description: 'Zone in which dates without a time were read (the national time zone of the SLA policy)' })
  timeZone!: string;
}

export class SlaReportView {
  @ApiProperty({ type: SlaReportPeriod })
  period!: SlaReportPeriod;

  @ApiProperty({ type: String, nullable: true, example: 'kemendagri', description: 'The agency the report is limited to; null = all the caller may see' })
  agencyId!: string | null;

  @ApiProperty({ enum: REPORT_GROUPINGS, example: 'agency', description: 'What a row stands for: an agency or a province' })
  groupBy!: ReportGrouping;

  @ApiProperty({ example: '2026-11-02T03:00:00.000Z' })
  generatedAt!: string;

  @ApiProperty({
    type: [SlaReportRow],
    description: "One row per agency with complaints in the period (national verification first), or per province ('unknown' first)",
  })
  rows!: SlaReportRow[];

  @ApiProperty({ type: SlaFigures, description: 'All rows together' })
  totals!: SlaFigures;
}
