import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AGENCY_TIME_ZONES, type AgencyTimeZone } from '../calendars/time-zones.js';
import type { AgencyRow, UnitRow } from '../directory/agencies.repository.js';
import { AgencyView, toAgencyView, UnitView } from '../reference/reference.dto.js';
import { worded } from '../i18n/validation-messages.js';
import { REFERENCE_ID_PATTERN } from './officers.dto.js';

/** New agency and unit IDs: lower-case, as the seed writes them (e.g. pemprov-sulsel). */
export const NEW_REFERENCE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;

export class AgencyIdParam {
  @ApiProperty({ example: 'pemprov-sulsel', pattern: REFERENCE_ID_PATTERN.source })
  @MaxLength(64)
  @Matches(REFERENCE_ID_PATTERN, worded('validation.referenceId'))
  id!: string;
}

export class CreateAgencyDto {
  @ApiProperty({ example: 'pemkab-gowa', pattern: NEW_REFERENCE_ID_PATTERN.source, minLength: 2, maxLength: 64 })
  @Matches(NEW_REFERENCE_ID_PATTERN, worded('validation.newReferenceId'))
  id!: string;

  @ApiProperty({ example: 'Pemerintah Kabupaten Gowa', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: AGENCY_TIME_ZONES, description: 'WIB (Asia/Jakarta), WITA (Asia/Makassar) or WIT (Asia/Jayapura); fixed once complaints are disposed to it' })
  @IsIn(AGENCY_TIME_ZONES)
  timeZone!: AgencyTimeZone;
}

export class UpdateAgencyDto {
  @ApiPropertyOptional({ example: 'Pemerintah Kabupaten Gowa', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: AGENCY_TIME_ZONES, description: 'Only while no complaint was ever disposed to the agency (409 otherwise): their deadlines were counted in the old zone' })
  @IsOptional()
  @IsIn(AGENCY_TIME_ZONES)
  timeZone?: AgencyTimeZone;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'gowa-disdukcapil', pattern: NEW_REFERENCE_ID_PATTERN.source, minLength: 2, maxLength: 64 })
  @Matches(NEW_REFERENCE_ID_PATTERN, worded('validation.newReferenceId'))
  id!: string;

  @ApiProperty({ example: 'Dinas Kependudukan dan Pencatatan Sipil', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'gowa-sekretariat', pattern: REFERENCE_ID_PATTERN.source, description: 'A unit of the same agency' })
  @IsOptional()
  @Matches(REFERENCE_ID_PATTERN, worded('validation.referenceIdOrNull'))
  parentUnitId?: string | null;
}

export class AdminAgencyView extends AgencyView {
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const toAdminAgencyView = (row: AgencyRow): AdminAgencyView => ({ ...toAgencyView(row), createdAt: row.createdAt.toISOString() });

export const toUnitView = (row: UnitRow): UnitView => ({ id: row.id, name: row.name, parentUnitId: row.parentUnitId });
