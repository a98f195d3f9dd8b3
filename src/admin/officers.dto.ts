import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Role } from '../auth/officer.js';
import { booleanQuery, PageQuery } from '../complaints/dto/list-complaints.query.js';
import type { OfficerRow } from '../directory/officers.repository.js';
import { worded } from '../i18n/validation-messages.js';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
/** Officer, agency and unit IDs as the seed and this API write them. */
export const REFERENCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const ROLES = Object.values(Role);

/** A nullable reference in a body: absent (unchanged), null (none) or an ID. */
const OptionalReference = () =>
  applyDecorators(
    IsOptional(), // also lets null through: "no agency / unit / supervisor"
    Matches(REFERENCE_ID_PATTERN, worded('validation.referenceIdOrNull')),
  );

export class OfficerIdParam {
  @ApiProperty({ example: 'usr-penghubung-dukcapil', pattern: REFERENCE_ID_PATTERN.source })
  @MaxLength(64)
  @Matches(REFERENCE_ID_PATTERN, worded('validation.referenceId'))
  id!: string;
}

export class CreateOfficerDto {
  @ApiProperty({ example: 'penghubung.disdukcapil', pattern: USERNAME_PATTERN.source, minLength: 3, maxLength: 64 })
  @Matches(USERNAME_PATTERN, worded('validation.username'))
  username!: string;

  @ApiProperty({ example: 'Pejabat Penghubung Disdukcapil', maxLength: 120 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  displayName!: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'kemendagri',
    pattern: REFERENCE_ID_PATTERN.source,
    description: 'Required for AGENCY_ADMIN and LIAISON; none for VERIFIER, OMBUDSMAN, AUDITOR, SYSADMIN; SUPERVISOR and COMPLAINT_MANAGER without one serve national verification',
  })
  @OptionalReference()
  agencyId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'kemendagri-dukcapil-layanan', pattern: REFERENCE_ID_PATTERN.source, description: 'A unit of the agency' })
  @OptionalReference()
  unitId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'usr-atasan-dukcapil', pattern: REFERENCE_ID_PATTERN.source, description: 'An active officer, next up the chain' })
  @OptionalReference()
  supervisorId?: string | null;
}

export class UpdateOfficerDto {
  @ApiPropertyOptional({ example: 'Pejabat Penghubung Disdukcapil', maxLength: 120 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  displayName?: string;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role', description: 'The last active SYSADMIN cannot be given another role (409)' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: String, nullable: true, pattern: REFERENCE_ID_PATTERN.source, description: 'null: no agency (national roles)' })
  @OptionalReference()
  agencyId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, pattern: REFERENCE_ID_PATTERN.source })
  @OptionalReference()
  unitId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, pattern: REFERENCE_ID_PATTERN.source })
  @OptionalReference()
  supervisorId?: string | null;
}

export class AdminOfficersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: 'kemendagri', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  agencyId?: string;

  @ApiPropertyOptional({ description: 'Only active (true) or deactivated (false) accounts; both when absent' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: 'dukcapil', maxLength: 100, description: 'Part of the display name or username, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class AdminOfficerView {
  @ApiProperty({ example: 'usr-penghubung-dukcapil' }) id!: string;
  @ApiProperty({ example: 'penghubung.dukcapil' }) username!: string;
  @ApiProperty({ example: 'Pejabat Penghubung Layanan KTP-el' }) displayName!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ type: String, nullable: true, example: 'kemendagri' }) agencyId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'kemendagri-dukcapil-layanan' }) unitId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'usr-atasan-dukcapil' }) supervisorId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AdminOfficerPage {
  @ApiProperty({ type: [AdminOfficerView] }) items!: AdminOfficerView[];
  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class TemporaryPasswordView {
  @ApiProperty({ example: 'k3VdQ9…', description: 'Shown this once; only its argon2 hash is stored. The officer signs in with it at POST /v1/auth/login.' })
  temporaryPassword!: string;
}

export class CreatedOfficerView extends TemporaryPasswordView {
  @ApiProperty({ type: AdminOfficerView }) officer!: AdminOfficerView;
}

export const toAdminOfficerView = (row: OfficerRow): AdminOfficerView => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role,
  agencyId: row.agencyId,
  unitId: row.unitId,
  supervisorId: row.supervisorId,
  active: row.active,
  createdAt: row.createdAt.toISOString(),
});
