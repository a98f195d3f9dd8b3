// Request bodies of the lifecycle actions, one class per action. Officers are named by ID and role
// only; reporter actions carry no identity at all.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
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

export const OFFICER_ROLES = ['VERIFIER', 'AGENCY_ADMIN', 'LIAISON', 'SUPERVISOR', 'COMPLAINT_MANAGER', 'NATIONAL_ADMIN', 'OMBUDSMAN', 'SYSADMIN'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export class OfficerActionDto {
  @ApiProperty({ example: 'officer-0042', description: 'ID of the acting officer (never a name)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  officerId!: string;

  @ApiPropertyOptional({ enum: OFFICER_ROLES, description: "Acting role; defaults to the action's usual role" })
  @IsOptional()
  @IsIn(OFFICER_ROLES)
  officerRole?: OfficerRole;
}

const text = (max: number) => [IsString(), IsNotEmpty(), MaxLength(max)];
function Text(max: number): PropertyDecorator {
  return (target, key) => text(max).forEach((decorate) => decorate(target, key));
}

export class VerifyComplaintDto extends OfficerActionDto {
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

export class RequestClarificationDto extends OfficerActionDto {
  @ApiProperty({ example: 'Di kelurahan mana lokasi jalan rusak tersebut?' })
  @Text(4000)
  question!: string;
}

export class ProvideClarificationDto {
  @ApiProperty({ example: 'Kelurahan Pa’baeng-baeng, depan Puskesmas.' })
  @Text(20000)
  answer!: string;
}

export class ArchiveComplaintDto extends OfficerActionDto {
  @ApiProperty({ enum: ARCHIVE_REASONS })
  @IsIn(ARCHIVE_REASONS)
  reason!: ArchiveReason;

  @ApiPropertyOptional({ example: 'Same report as LPR-7K3M-9Q2X' })
  @IsOptional()
  @Text(2000)
  note?: string;
}

export class AssignLiaisonDto extends OfficerActionDto {
  @ApiProperty({ example: 'liaison-0107', description: 'ID of the liaison officer (pejabat penghubung)' })
  @Text(64)
  liaisonId!: string;
}

export class RedirectComplaintDto extends OfficerActionDto {
  @ApiProperty({ example: 'pemprov-sulsel', description: 'The agency with authority (no wrong door: never back to the citizen)' })
  @Text(64)
  toAgencyId!: string;

  @ApiProperty({ example: 'Jalan provinsi, bukan jalan kota (bukan wewenang)' })
  @Text(2000)
  reason!: string;
}

export class RecordFollowUpDto extends OfficerActionDto {
  @ApiProperty({ example: 'Tim sudah meninjau lokasi; perbaikan dijadwalkan.' })
  @Text(20000)
  text!: string;
}

export class ResolveComplaintDto extends OfficerActionDto {
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

export class ExtraTimeDto {
  @ApiPropertyOptional({ example: 5, description: 'Extra working days (capped by the policy)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  workingDays?: number;

  @ApiPropertyOptional({ example: 'PT30M', description: 'Extra exact time as ISO-8601 (capped by the policy)' })
  @IsOptional()
  @Matches(/^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/, { message: 'extra.duration must be an ISO-8601 duration such as PT30M' })
  duration?: string;
}

export class ExtendDeadlineDto extends OfficerActionDto {
  @ApiProperty({ enum: OFFICER_STAGES })
  @IsIn(OFFICER_STAGES)
  stage!: OfficerStage;

  @ApiProperty({ type: ExtraTimeDto })
  @ValidateNested()
  @Type(() => ExtraTimeDto)
  extra!: ExtraTimeDto;

  @ApiProperty({ example: 'Menunggu hasil uji laboratorium' })
  @Text(2000)
  reason!: string;

  @ApiProperty({ example: 'supervisor-0003', description: 'ID of the approving supervisor' })
  @Text(64)
  approvedBy!: string;
}

export class AcknowledgeEscalationDto extends OfficerActionDto {
  @ApiProperty({ example: 'complaint-LPR-7K3M-9Q2X:verification-1:1' })
  @Text(300)
  escalationKey!: string;
}
