import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, CLASSIFICATIONS, COMPLAINT_STATES, type ComplaintStatus } from '../../../workflows/messages.js';
import type { Locale } from '../../i18n/messages.js';
import type { ComplaintRow } from '../complaints.repository.js';
import { ComplaintLocationView } from './complaint-list.view.js';
import { ComplaintStatusView, toComplaintStatusView } from './complaint-status.view.js';

export class SubmittedComplaintView {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' })
  trackingId!: string;

  @ApiProperty({ enum: COMPLAINT_STATES, example: 'SUBMITTED' })
  status!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-20T08:00:00.000Z' })
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
  @ApiProperty({ type: String, nullable: true, example: 'Siti Rahmawati' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+6281234567890' }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'siti@example.id' }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '3273012345678901' }) nik!: string | null;
}

export class ComplaintView extends SubmittedComplaintView {
  @ApiProperty({ example: 'Pengurusan KTP-el tidak selesai setelah 3 bulan' }) title!: string;
  @ApiProperty({ example: 'Saya mengajukan KTP-el pada 2 Agustus di Disdukcapil; sampai kini belum dicetak.' }) chronology!: string;
  @ApiProperty({ format: 'date-time', example: '2026-08-02T02:00:00.000Z' }) occurredAt!: string;
  @ApiProperty({ type: ComplaintLocationView }) location!: ComplaintLocationView;
  @ApiProperty({ enum: CLASSIFICATIONS, example: 'COMPLAINT' }) classification!: string;
  @ApiProperty({ enum: CHANNELS, example: 'WEB' }) channel!: string;
  @ApiProperty() anonymous!: boolean;
  @ApiProperty() confidential!: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'kemendagri', description: 'The agency it was disposed to; null before disposal' }) agencyId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: "The reporter's suggestion, for the verifier; it grants that agency no access" })
  suggestedAgencyId!: string | null;
  @ApiProperty({ example: '2026.1' }) policyVersion!: string;
  @ApiProperty({ type: String, nullable: true, example: 'usr-penghubung-dukcapil' }) assigneeId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Officer who typed in an OFFLINE report' }) intakeOfficerId!: string | null;

  @ApiProperty({
    type: ReporterIdentityDto,
    nullable: true,
    description: 'Only for VERIFIER and SYSADMIN, and each view is written to the audit log; null for every other role',
  })
  reporter!: ReporterIdentityDto | null;

  @ApiProperty({
    type: ComplaintStatusView,
    nullable: true,
    description:
      "The workflow's live status: state, running deadlines with explanations, escalations; null while its workflow is not started. " +
      "Each explanation's rule, notes, skipped days' reasons, pauses and `summary` (the whole of it in a sentence) are in the request's language",
  })
  process!: ComplaintStatusView | null;
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
    location: {
      regency: row.regency,
      areaCode: row.areaCode,
      district: row.district,
      districtCode: row.districtCode,
      village: row.village,
      villageCode: row.villageCode,
    },
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
    process: process && toComplaintStatusView(process, locale),
  };
}
