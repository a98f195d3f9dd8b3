import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ComplaintStatus } from '../../../workflows/messages.js';
import type { ComplaintRow } from '../complaints.repository.js';

export class SubmittedComplaintView {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' })
  trackingId!: string;

  @ApiProperty({ example: 'SUBMITTED' })
  status!: string;

  @ApiProperty({ example: '2026-11-20T08:00:00.000Z' })
  submittedAt!: string;
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
  @ApiPropertyOptional({ nullable: true }) agencyId!: string | null;
  @ApiProperty({ example: '2026.1' }) policyVersion!: string;

  @ApiPropertyOptional({
    nullable: true,
    description: "The workflow's live status: state, running deadlines with explanations, escalations",
  })
  process!: ComplaintStatus | null;
}

export function toSubmittedView(row: ComplaintRow): SubmittedComplaintView {
  return { trackingId: row.trackingId, status: row.status, submittedAt: row.submittedAt.toISOString() };
}

export function toComplaintView(row: ComplaintRow, process: ComplaintStatus | null): ComplaintView {
  return {
    ...toSubmittedView(row),
    title: row.title,
    chronology: row.chronology,
    occurredAt: row.occurredAt.toISOString(),
    location: { regency: row.regency },
    classification: row.classification,
    channel: row.channel,
    anonymous: row.anonymous,
    confidential: row.confidential,
    agencyId: row.agencyId,
    policyVersion: row.policyVersion,
    process,
  };
}
