import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsNotInFuture } from '../../common/not-in-future.validator.js';
import { ISO_INSTANT_MAX_LENGTH } from './list-complaints.query.js';
import { CHANNELS, CLASSIFICATIONS, type Channel, type Classification } from '../../../workflows/messages.js';
import { worded } from '../../i18n/validation-messages.js';

export class LocationDto {
  @ApiProperty({
    example: 'Kota Bandung',
    description:
      'Regency or city (kabupaten/kota) where it happened, matched to an official one ("Kab. Bandung", "kota bdg"); one that fits several or none answers 400 with the nearest in candidates',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  regency!: string;

  @ApiPropertyOptional({ example: 'Kec. Coblong', maxLength: 120, description: 'District (kecamatan) of that regency/city, matched to an official one like the regency' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  district?: string;

  @ApiPropertyOptional({ example: 'Kel. Dago', maxLength: 120, description: 'Village (kelurahan/desa) of that district (give the district too), matched to an official one' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  village?: string;
}

/** Reporter contact. Stored in PostgreSQL only; never sent to Temporal or written to logs. */
export class ReporterContactDto {
  @ApiPropertyOptional({ example: 'Siti Rahmawati' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ example: '+6281234567890', maxLength: 16, description: '8 to 15 digits, optionally starting with +' })
  @IsOptional()
  @Matches(/^\+?[0-9]{8,15}$/, worded('validation.phone'))
  phone?: string;

  @ApiPropertyOptional({ example: 'siti@example.id' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '3273012345678901', maxLength: 16, description: 'NIK (16-digit national identity number)' })
  @IsOptional()
  @Matches(/^[0-9]{16}$/, worded('validation.nik'))
  nik?: string;
}

export class CreateComplaintDto {
  @ApiProperty({ example: 'Pengurusan KTP-el tidak selesai setelah 3 bulan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'Saya mengajukan KTP-el pada 2 Agustus di Disdukcapil; sampai kini belum dicetak.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  chronology!: string;

  @ApiProperty({ example: '2026-08-02T09:00:00+07:00', description: 'When it happened (ISO-8601)' })
  @MaxLength(ISO_INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true })
  @IsNotInFuture()
  occurredAt!: string;

  @ApiProperty({ type: LocationDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  location!: LocationDto;

  @ApiPropertyOptional({ example: 'kemendagri', description: 'Agency the reporter addresses, if known' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  agencyId?: string;

  @ApiProperty({ enum: CLASSIFICATIONS, example: 'COMPLAINT' })
  @IsIn(CLASSIFICATIONS)
  classification!: Classification;

  @ApiPropertyOptional({
    enum: CHANNELS,
    example: 'WEB',
    description: "Set by the server from who files: WEB without a key, the integration client's channel with X-Api-Key, OFFLINE for an officer typing in a report. Claiming another is refused (403).",
  })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiProperty({ description: 'Hide the reporter identity from the reported agency and the public' })
  @IsBoolean()
  anonymous!: boolean;

  @ApiProperty({ description: 'Hide the content from the public' })
  @IsBoolean()
  confidential!: boolean;

  @ApiPropertyOptional({ type: ReporterContactDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReporterContactDto)
  reporter?: ReporterContactDto;
}
