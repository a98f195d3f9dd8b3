import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ISO_INSTANT_MAX_LENGTH } from '../../complaints/dto/list-complaints.query.js';
import { TRACKING_ID_PATTERN } from '../../complaints/tracking-id.js';
import { CLASSIFICATIONS } from '../../../workflows/messages.js';
import { worded } from '../../i18n/validation-messages.js';

export const MAX_REQUESTS = 1000;
/** A comma list's raw text is bounded by the request head Node accepts (16 kB; longer is refused with 431). */
const REQUEST_HEAD_LIMIT = 16_384;
export const DEFAULT_REQUESTS = 50;
export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

/** "a, b,,c" → ['a', 'b', 'c'], and an empty parameter is an absent one; anything but a string is left for the validators. */
const commaList = (normalise: (s: string) => string) => ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const items = value.split(',').map((s) => normalise(s.trim())).filter(Boolean);
  return items.length > 0 ? items : undefined;
};

/** Query parameters of GET requests.json/.xml (GeoReport v2) plus a non-spec `limit`. */
export class ListServiceRequestsQuery {
  @ApiPropertyOptional({
    type: String,
    maxLength: REQUEST_HEAD_LIMIT,
    example: 'LPR-7K3M-9Q2X,LPR-4HTB-2Q9X',
    description: 'Comma-separated tracking IDs; when given, it overrides every other filter (per spec)',
  })
  @IsOptional()
  @Transform(commaList((s) => s.toUpperCase()))
  @ArrayMaxSize(MAX_REQUESTS)
  @Matches(TRACKING_ID_PATTERN, { each: true, ...worded('validation.trackingIdList') })
  service_request_id?: string[];

  @ApiPropertyOptional({ type: String, maxLength: REQUEST_HEAD_LIMIT, example: 'COMPLAINT,ASPIRATION', description: `Comma-separated: ${CLASSIFICATIONS.join(', ')}; an unknown code is a 404 (spec)` })
  @IsOptional()
  @Transform(commaList((s) => s.toUpperCase()))
  @ArrayMaxSize(CLASSIFICATIONS.length * 2)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  service_code?: string[];

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+07:00', description: 'Requested at or after this instant (ISO-8601 with zone); at most 90 days before end_date' })
  @IsOptional()
  @MaxLength(ISO_INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true })
  start_date?: string;

  @ApiPropertyOptional({ example: '2026-11-30T23:59:59+07:00', description: 'Requested at or before this instant (ISO-8601 with zone); without dates, the last 90 days' })
  @IsOptional()
  @MaxLength(ISO_INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true })
  end_date?: string;

  @ApiPropertyOptional({ type: String, maxLength: REQUEST_HEAD_LIMIT, example: 'open', description: 'open, closed, or both comma-separated; closed = CLOSED or ARCHIVED' })
  @IsOptional()
  @Transform(commaList((s) => s.toLowerCase()))
  @IsIn(OPEN311_STATUSES, { each: true })
  status?: Open311Status[];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_REQUESTS, default: DEFAULT_REQUESTS, description: 'Not in the spec: how many, newest first' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_REQUESTS)
  limit?: number;

  @ApiPropertyOptional({ description: 'Accepted for compatibility and ignored: this server has one jurisdiction' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  jurisdiction_id?: string;

  @ApiPropertyOptional({ description: 'Accepted for compatibility and ignored: reading needs no key' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  api_key?: string;
}
