import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ComplaintStatus } from '../../../workflows/messages.js';
import { wordStatus, type WordedStatus } from '../../i18n/deadline-explanation.js';
import type { Locale } from '../../i18n/messages.js';
import type { ComplaintRow } from '../complaints.repository.js';

export class SubmittedComplaintView {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' })
  trackingId!: string;

  @ApiProperty({ example: 'SUBMITTED' })
  status!: string;

  @ApiProperty({ example: '2026-11-20T08:00:00.000Z' })
  submittedAt!: string;
}

export class SubmittedComplaintAnswer extends SubmittedComplaintView {
  @ApiProperty({
    example: '7K3M-9Q2X-4HTB',
    description: 'Keep it: with the tracking ID it opens GET /v1/track/{trackingId} (header X-Access-Code). Stored only as a hash.',
  })
  accessCode!: string;
}

export class ReporterIdentityDto {
  @ApiPropertyOptional({ nullable: true, example: 'Siti Rahmawati' }) name!: string | null;
  @ApiPropertyOptional({ nullable: true, example: '+6281234567890' }) phone!: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'siti@example.id' }) email!: string | null;
  @ApiPropertyOptional({ nullable: true, example: '3273012345678901' }) nik!: string | null;
}

export class ComplaintView extends SubmittedComplaintView {
  @ApiProperty() title!: string;
  @ApiProperty() chronology!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ example: { regency: 'Kota Bandung' } }) location!: { regency: string };
  @ApiProperty() classification!: string;
  @ApiProperty() channel!: string;
  @ApiProperty() anonymous!: boolean;
  @ApiProperty() confidential!: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'The agency it was disposed to; null before disposal' }) agencyId!: string | null;
  @ApiPropertyOptional({ nullable: true, description: "The reporter's suggestion, for the verifier; it grants that agency no access" })
  suggestedAgencyId!: string | null;
  @ApiProperty({ example: '2026.1' }) policyVersion!: string;
  @ApiPropertyOptional({ nullable: true, example: 'usr-penghubung-dukcapil' }) assigneeId!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Officer who typed in an OFFLINE report' }) intakeOfficerId!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: ReporterIdentityDto,
    description: 'Only for VERIFIER and SYSADMIN, and each view is written to the audit log; null for every other role',
  })
  reporter!: ReporterIdentityDto | null;

  @ApiPropertyOptional({
    nullable: true,
    description:
      "The workflow's live status: state, running deadlines with explanations, escalations. Each explanation's rule, notes, " +
      "skipped days' reasons, pauses and `summary` (the whole of it in a sentence) are in the request's language",
  })
  process!: WordedStatus | null;
}

function toSubmittedFacts(row: ComplaintRow): SubmittedComplaintView {
  return { trackingId: row.trackingId, status: row.status, submittedAt: row.submittedAt.toISOString() };
}

export function toSubmittedView(row: ComplaintRow, accessCode: string): SubmittedComplaintAnswer {
  return { ...toSubmittedFacts(row), accessCode };
}

export function toComplaintView(row: ComplaintRow, process: ComplaintStatus | null, reporter: ReporterIdentityDto | null, locale: Locale): ComplaintView {
  return {
    ...toSubmittedFacts(row),
    title: row.title,
    chronology: row.chronology,
    occurredAt: row.occurredAt.toISOString(),
    location: { regency: row.regency },
    classification: row.classification,
    channel: row.channel,
    anonymous: row.anonymous,
    confidential: row.confidential,
    agencyId: row.agencyId,
    suggestedAgencyId: row.suggestedAgencyId,
    policyVersion: row.policyVersion,
    assigneeId: row.assigneeId,
    intakeOfficerId: row.intakeOfficerId,
    reporter,
    process: process && wordStatus(process, locale),
  };
}
