import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsNotInFuture } from '../common/not-in-future.validator.js';
import { worded } from '../i18n/validation-messages.js';
import { ISO_INSTANT_MAX_LENGTH } from '../complaints/dto/list-complaints.query.js';

/** One inbound SMS to 1708, as the operator's gateway delivers it. */
export class InboundSmsDto {
  @ApiProperty({ example: '+6281234567890', maxLength: 16, description: "Sender's number: kept as the reporter's phone, in PostgreSQL only" })
  @Matches(/^\+?[0-9]{8,15}$/, worded('validation.phone'))
  from!: string;

  @ApiProperty({
    example: 'LAPOR#Kota Makassar#Jalan Poros Gowa rusak parah depan SDN 12 sejak Oktober',
    description: 'Free text, or LAPOR#<regency/city>#<report> to name the place (matched to an official regency/city, else 400 with the candidates)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1600)
  text!: string;

  @ApiPropertyOptional({ example: '2026-11-23T08:15:00+08:00', description: 'When the gateway received it; now if absent' })
  @IsOptional()
  @MaxLength(ISO_INSTANT_MAX_LENGTH)
  @IsISO8601({ strict: true })
  @IsNotInFuture()
  receivedAt?: string;
}

export class SmsReplyView {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' }) trackingId!: string;
  @ApiProperty({
    example: 'LAPOR! Laporan Anda diterima. No. LPR-7K3M-9Q2X, kode akses 7K3M-9Q2X-4HTB. Simpan untuk memantau laporan.',
    description: 'Text for the gateway to send back to the sender',
  })
  reply!: string;
}
