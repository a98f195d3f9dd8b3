import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { Allow, IsBoolean, IsEmail, IsISO8601, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsNotInFuture } from '../../common/not-in-future.validator.js';
import { ISO_INSTANT_MAX_LENGTH } from '../../complaints/dto/list-complaints.query.js';
import { CLASSIFICATIONS } from '../../../workflows/messages.js';
import { worded } from '../../i18n/validation-messages.js';

type Transformed = { value: unknown };

const IGNORED_FIELD_MAX_LENGTH = 200;

const trimmed = ({ value }: Transformed) => (typeof value === 'string' ? value.trim() : value);
/** Form clients send empty fields for what they do not have: an empty optional field is an absent one. */
const blankIsAbsent = ({ value }: Transformed) => (typeof value === 'string' && value.trim() === '' ? undefined : trimmed({ value }));
/** Form values are text: "true"/"false" are booleans; JSON clients may send real booleans. */
const formBoolean = ({ value }: Transformed) => (value === 'true' ? true : value === 'false' ? false : value);
/** People write phone numbers with spaces, dashes, dots and brackets. */
const phoneDigits = ({ value }: Transformed) => {
  const v = blankIsAbsent({ value });
  return typeof v === 'string' ? v.replace(/[\s\-.()]/g, '') : v;
};

const SERVICE_CODE_WORDING = worded('validation.serviceCode', { values: CLASSIFICATIONS.join(', ') });

/** Open311 attribute[code] values: what the spec's base fields cannot say. */
export class Open311AttributesDto {
  @ApiPropertyOptional({ example: '2026-08-02T09:00:00+07:00', description: 'When it happened (ISO-8601 with zone); default: now' })
  @Transform(blankIsAbsent)
  @IsOptional()
  @MaxLength(ISO_INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true })
  @IsNotInFuture()
  occurred_at?: string;

  @ApiPropertyOptional({ example: false, description: 'Hide the reporter identity from the reported agency and the public' })
  @Transform(formBoolean)
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Hide the content from the public (never listed in GET requests)' })
  @Transform(formBoolean)
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;
}

/**
 * POST requests.json/.xml, as form fields (application/x-www-form-urlencoded, attribute[occurred_at]=…)
 * or JSON. Contact fields are stored with the complaint in PostgreSQL only, never shown by Open311.
 */
export class CreateServiceRequestDto {
  @ApiProperty({ enum: CLASSIFICATIONS, example: 'COMPLAINT', description: 'From GET services; an unknown code is a 404 (spec)' })
  @Transform(trimmed)
  @IsString(SERVICE_CODE_WORDING)
  @Length(1, 64, SERVICE_CODE_WORDING)
  service_code!: string;

  @ApiProperty({
    example: 'Saya mengajukan KTP-el pada 2 Agustus di Disdukcapil; sampai kini belum dicetak.',
    description: 'What happened, in order (the chronology); its first 120 characters become the title',
  })
  @Transform(trimmed)
  @Length(1, 4000)
  description!: string;

  @ApiProperty({
    example: 'Kota Bandung',
    description: 'Regency or city (kabupaten/kota) where it happened, or an address naming it between commas; matched to an official one, else 400',
  })
  @Transform(trimmed)
  @Length(1, 120)
  address_string!: string;

  @ApiPropertyOptional({
    type: Open311AttributesDto,
    description: 'Form encoding: attribute[occurred_at]=…&attribute[anonymous]=true&attribute[confidential]=true',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => Open311AttributesDto)
  attribute?: Open311AttributesDto;

  @ApiPropertyOptional({ example: 'siti@example.id' })
  @Transform(blankIsAbsent)
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'Siti' })
  @Transform(blankIsAbsent)
  @IsOptional()
  @IsString()
  @MaxLength(60)
  first_name?: string;

  @ApiPropertyOptional({ example: 'Rahmawati' })
  @Transform(blankIsAbsent)
  @IsOptional()
  @IsString()
  @MaxLength(60)
  last_name?: string;

  @ApiPropertyOptional({ example: '+6281234567890', maxLength: 64, description: '8 to 15 digits, optionally starting with +; spaces, dashes, dots and brackets are removed before the check' })
  @Transform(phoneDigits)
  @IsOptional()
  @Matches(/^\+?[0-9]{8,15}$/, worded('validation.phone'))
  phone?: string;

  @ApiProperty({ type: String, description: 'The client app\'s key, issued by SYSADMIN (POST /v1/integration-clients); header X-Api-Key works too. Missing or invalid: 403 (spec)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  api_key?: string;

  @ApiPropertyOptional({ type: String, maxLength: IGNORED_FIELD_MAX_LENGTH, description: 'Accepted and ignored: this server has one jurisdiction' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  jurisdiction_id?: string;

  // Spec fields this server does not use: accepted so standard clients work, and not stored (the
  // documented length is what clients should keep to; the body limit bounds what is read).
  @ApiPropertyOptional({ type: String, maxLength: IGNORED_FIELD_MAX_LENGTH, description: 'Accepted and ignored (the regency in address_string is what counts)' }) @Allow() lat?: unknown;
  @ApiPropertyOptional({ type: String, maxLength: IGNORED_FIELD_MAX_LENGTH, description: 'Accepted and ignored (the regency in address_string is what counts)' }) @Allow() long?: unknown;
  @ApiPropertyOptional({ type: String, maxLength: IGNORED_FIELD_MAX_LENGTH, description: 'Accepted and ignored' }) @Allow() address_id?: unknown;
  @ApiPropertyOptional({ type: String, maxLength: IGNORED_FIELD_MAX_LENGTH, description: 'Accepted and ignored' }) @Allow() device_id?: unknown;
  @ApiPropertyOptional({ type: String, maxLength: IGNORED_FIELD_MAX_LENGTH, description: 'Accepted and ignored' }) @Allow() account_id?: unknown;
  @ApiPropertyOptional({ type: String, maxLength: IGNORED_FIELD_MAX_LENGTH, description: 'Accepted and ignored: evidence files go through the complaint API' }) @Allow() media_url?: unknown;
}
