// Request bodies of the lifecycle actions, one class per action. The acting officer comes from the
// bearer token (ID and role only, never a name); reporter actions carry no identity at all.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  ARCHIVE_REASONS,
  CLASSIFICATIONS,
  COMPLEXITIES,
  OFFICER_STAGES,
  type ArchiveReason,
  type Classification,
  type Complexity,
  type OfficerStage,
} from '../../../workflows/messages.js';
import { worded } from '../../i18n/validation-messages.js';

const text = (max: number) => [IsString(), IsNotEmpty(), MaxLength(max)];
function Text(max: number): PropertyDecorator {
  return (target, key) => text(max).forEach((decorate) => decorate(target, key));
}

export class VerifyComplaintDto {
  @ApiProperty({ example: 'kemendagri', description: 'Authorised agency the complaint is disposed to' })
  @Text(64)
  agencyId!: string;

  @ApiPropertyOptional({ enum: CLASSIFICATIONS })
  @IsOptional()
  @IsIn(CLASSIFICATIONS)
  classification?: Classification;

  @ApiPropertyOptional({ enum: COMPLEXITIES, description: 'Sets the resolution target; NORMAL when omitted' })
  @IsOptional()
  @IsIn(COMPLEXITIES)
  complexity?: Complexity;
}

export class RequestClarificationDto {
  @ApiProperty({ example: 'Di kelurahan mana lokasi jalan rusak tersebut?' })
  @Text(4000)
  question!: string;
}

export class ProvideClarificationDto {
  @ApiProperty({ example: 'Kelurahan Pa’baeng-baeng, depan Puskesmas.' })
  @Text(20000)
  answer!: string;
}

export class ArchiveComplaintDto {
  @ApiProperty({ enum: ARCHIVE_REASONS })
  @IsIn(ARCHIVE_REASONS)
  reason!: ArchiveReason;

  @ApiPropertyOptional({ example: 'Same report as LPR-7K3M-9Q2X' })
  @IsOptional()
  @Text(2000)
  note?: string;
}

export class AssignLiaisonDto {
  @ApiProperty({ example: 'liaison-0107', description: 'User ID of a liaison officer (pejabat penghubung) of the complaint\'s agency' })
  @Text(64)
  liaisonId!: string;
}

export class RedirectComplaintDto {
  @ApiProperty({ example: 'pemprov-sulsel', description: 'The agency with authority (no wrong door: never back to the citizen)' })
  @Text(64)
  toAgencyId!: string;

  @ApiProperty({ example: 'Jalan provinsi, bukan jalan kota (bukan wewenang)' })
  @Text(2000)
  reason!: string;
}

export class RecordFollowUpDto {
  @ApiProperty({ example: 'Tim sudah meninjau lokasi; perbaikan dijadwalkan.' })
  @Text(20000)
  text!: string;
}

export class ResolveComplaintDto {
  @ApiProperty({ example: 'Jalan telah diperbaiki pada 12 November.' })
  @Text(20000)
  answer!: string;
}

export class AcceptAnswerDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 4 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiPropertyOptional({ example: 'Terima kasih, sudah diperbaiki.' })
  @IsOptional()
  @Text(4000)
  comment?: string;
}

export class DisputeAnswerDto {
  @ApiProperty({ example: 'Lubang di sisi timur belum ditambal.' })
  @Text(4000)
  reason!: string;
}

/** Far beyond any policy's cap (the policy refuses more than its maxWorkingDays); bounds the input. */
const MAX_EXTRA_WORKING_DAYS = 365;

export class ExtraTimeDto {
  @ApiPropertyOptional({ example: 5, description: 'Extra working days (capped by the policy)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_EXTRA_WORKING_DAYS)
  workingDays?: number;

  @ApiPropertyOptional({ example: 'PT30M', description: 'Extra exact time as ISO-8601 (capped by the policy)' })
  @IsOptional()
  @MaxLength(32)
  @Matches(/^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/, worded('validation.isoDuration'))
  duration?: string;
}

export class ExtendDeadlineDto {
  @ApiProperty({ enum: OFFICER_STAGES })
  @IsIn(OFFICER_STAGES)
  stage!: OfficerStage;

  @ApiProperty({ type: ExtraTimeDto })
  @IsDefined(worded('validation.extraRequired'))
  @IsObject()
  @ValidateNested()
  @Type(() => ExtraTimeDto)
  extra!: ExtraTimeDto;

  @ApiProperty({ example: 'Menunggu hasil uji laboratorium' })
  @Text(2000)
  reason!: string;
}

/** What a receiver may say when acknowledging an escalation (both acknowledgement endpoints). */
export class AcknowledgementDto {
  @ApiPropertyOptional({ example: 'Sudah ditegur; verifikasi dijadwalkan hari ini.', description: 'Optional note, kept with the acknowledgement and shown in the timeline' })
  @IsOptional()
  @Text(2000)
  comment?: string;
}

export class AcknowledgeEscalationDto extends AcknowledgementDto {
  @ApiProperty({ example: 'complaint-LPR-7K3M-9Q2X:verification-1:1' })
  @Text(300)
  escalationKey!: string;
}
