import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { COMPLAINT_STATES, type ComplaintState } from '../../../workflows/messages.js';

/** Query strings carry 'true'/'false'; anything else stays as sent and fails @IsBoolean naming the field. */
export const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
/** Longest ISO-8601 instant or date a query takes (2026-12-01T00:00:00.000000+07:00 is 32). */
export const ISO_INSTANT_MAX_LENGTH = 40;

export class PageQuery {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** Filters of an officer's work queue; sorted by next deadline, soonest first. */
export class ListComplaintsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COMPLAINT_STATES })
  @IsOptional()
  @IsIn(COMPLAINT_STATES)
  status?: ComplaintState;

  @ApiPropertyOptional({ example: 'kemendagri' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  agencyId?: string;

  @ApiPropertyOptional({ example: 'liaison-0107' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  assigneeId?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+07:00', description: 'Next deadline before this instant (ISO-8601)' })
  @IsOptional()
  @MaxLength(ISO_INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true })
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'Only complaints with an unacknowledged escalation (true) or without (false)' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  breached?: boolean;

  @ApiPropertyOptional({
    description:
      'At risk (true) or not (false): an officer deadline (verification, assignment, follow-up, resolution) still running and due by the end of the next working day in the complaint\'s zone (national holidays and joint leave skipped)',
  })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  atRisk?: boolean;

  @ApiPropertyOptional({ description: 'Only complaints whose process still runs (true: not CLOSED or ARCHIVED) or only ended ones (false)' })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 3, description: 'At least this escalation level' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3)
  escalationLevel?: number;
}
