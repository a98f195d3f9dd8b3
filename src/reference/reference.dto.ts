import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCY_KINDS, type AgencyKind } from '../areas/reference-agencies.js';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Role } from '../auth/officer.js';
import { ROLES } from '../admin/officers.dto.js';
import { AGENCY_TIME_ZONES, ZONE_LABELS, zoneLabelOf, type ZoneLabel } from '../calendars/time-zones.js';
import { booleanQuery } from '../complaints/dto/list-complaints.query.js';
import type { AgencyRow } from '../directory/agencies.repository.js';
import type { OfficerRow } from '../directory/officers.repository.js';

export class UnitView {
  @ApiProperty({ example: 'kemendagri-dukcapil-layanan', maxLength: 64 }) id!: string;
  @ApiProperty({ example: 'Subdirektorat Layanan KTP-el', maxLength: 200 }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'kemendagri-dukcapil', description: 'The unit above it; null at the top of the agency' })
  parentUnitId!: string | null;
}

export class AgencyView {
  @ApiProperty({ example: 'kemendagri', maxLength: 64 }) id!: string;
  @ApiProperty({ example: 'Kementerian Dalam Negeri', maxLength: 200 }) name!: string;
  @ApiProperty({ enum: AGENCY_TIME_ZONES, example: 'Asia/Jakarta', description: 'IANA zone its deadlines are counted in' }) timeZone!: string;
  @ApiProperty({ enum: ZONE_LABELS, example: 'WIB' }) zoneLabel!: ZoneLabel;
  @ApiProperty({
    enum: AGENCY_KINDS,
    nullable: true,
    example: 'MINISTRY',
    description: 'Ministry, national institution, or the government of a province, regency or city (reference data, config/reference/agencies.json); null for a demo agency or one created by SYSADMIN',
  })
  kind!: AgencyKind | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 8, example: null, description: 'Official area code of the government (`32` a province, `32.73` a regency/city); a demo stand-in carries the code of the government it plays' })
  areaCode!: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 2, example: null, description: 'Code of its province' })
  provinceCode!: string | null;
  @ApiProperty({ type: [UnitView], description: 'Its units, by name' }) units!: UnitView[];
}

export class ReferenceOfficersQuery {
  @ApiPropertyOptional({ example: 'kemendagri', maxLength: 64, description: 'Agency roles always see their own agency only' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  agencyId?: string;

  @ApiPropertyOptional({ example: 'kemendagri-dukcapil-layanan', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unitId?: string;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ default: false, description: 'SYSADMIN only: deactivated officers too (ignored for other roles)' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  includeInactive?: boolean;
}

export class ReferenceOfficerView {
  @ApiProperty({ example: 'usr-penghubung-dukcapil' }) id!: string;
  @ApiProperty({ example: 'Pejabat Penghubung Layanan KTP-el' }) displayName!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ type: String, nullable: true, example: 'kemendagri', description: 'null for national officers' }) agencyId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'kemendagri-dukcapil-layanan' }) unitId!: string | null;
  @ApiProperty() active!: boolean;
}

export class NavigationCountsView {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Escalations addressed to your role (and agency) not yet acknowledged — the escalation inbox' })
  openEscalations!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description:
      'Complaints your role acts on now: VERIFIER those SUBMITTED; AGENCY_ADMIN and SUPERVISOR those DISPOSED (to assign); LIAISON those IN_PROGRESS assigned to you; COMPLAINT_MANAGER open ones with an unacknowledged breach; OMBUDSMAN open ones at level 3; AUDITOR and SYSADMIN none (read-only)',
  })
  workQueue!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Open complaints you may see with an officer deadline due by the end of the next working day — GET /v1/complaints?atRisk=true' })
  atRisk!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Open complaints you may see with a missed deadline not yet acknowledged — GET /v1/complaints?breached=true&open=true' })
  breached!: number;
}

export const toAgencyView = (row: AgencyRow): AgencyView => ({
  id: row.id,
  name: row.name,
  timeZone: row.timeZone,
  zoneLabel: zoneLabelOf(row.timeZone),
  kind: row.kind,
  areaCode: row.areaCode,
  provinceCode: row.provinceCode,
  units: row.units.map((u) => ({ id: u.id, name: u.name, parentUnitId: u.parentUnitId })),
});

export const toReferenceOfficerView = (row: OfficerRow): ReferenceOfficerView => ({
  id: row.id,
  displayName: row.displayName,
  role: row.role,
  agencyId: row.agencyId,
  unitId: row.unitId,
  active: row.active,
});
