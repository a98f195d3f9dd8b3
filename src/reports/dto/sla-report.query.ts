import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ISO_INSTANT_MAX_LENGTH } from '../../complaints/dto/list-complaints.query.js';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_GROUPINGS = ['agency', 'province'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** Period, agency and format of the SLA compliance report. */
export class SlaReportQuery {
  @ApiPropertyOptional({
    example: '2026-10-01',
    description:
      'Start of the period, inclusive (by submission time): an ISO-8601 date (midnight in the national time zone) or instant. Default: 30 days before `to`',
  })
  @IsOptional()
  @MaxLength(ISO_INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'End of the period, exclusive: an ISO-8601 date (midnight in the national time zone) or instant. Default: now',
  })
  @IsOptional()
  @MaxLength(ISO_INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    example: 'kemendagri',
    description: "Only this agency's row. Agency admins and complaint managers see only their own agency, which is the default for them",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  agency?: string;

  @ApiPropertyOptional({
    enum: REPORT_GROUPINGS,
    default: 'agency',
    description:
      "agency: one row per agency holding the complaints; province: one row per province of the complaints' place (its area code), complaints without an area code in the group 'unknown'",
  })
  @IsOptional()
  @IsIn(REPORT_GROUPINGS)
  groupBy?: ReportGrouping;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', description: 'csv: one row per group plus a totals row, as a download' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
