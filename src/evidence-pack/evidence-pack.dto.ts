import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { worded } from '../i18n/validation-messages.js';

export const PACK_FORMATS = ['pdf', 'json'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

export class EvidencePackQuery {
  @ApiPropertyOptional({ enum: PACK_FORMATS, default: 'pdf', description: 'pdf for people, json for systems; both carry the same digests' })
  @IsOptional()
  @IsIn(PACK_FORMATS)
  format?: PackFormat;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export class VerifyEvidencePackDto {
  @ApiProperty({ description: "The pack's content digest, as printed in the PDF and in the JSON's digests.contentSha256", pattern: SHA256_HEX.source, maxLength: 64, example: 'f'.repeat(64) })
  @Matches(SHA256_HEX, worded('validation.sha256'))
  contentSha256!: string;

  @ApiProperty({ description: "The digest of the workflow history the pack was made from (digests.historySha256)", pattern: SHA256_HEX.source, maxLength: 64, example: '0'.repeat(64) })
  @Matches(SHA256_HEX, worded('validation.sha256'))
  historySha256!: string;
}

export class EvidencePackIssueView {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' }) trackingId!: string;
  @ApiProperty({ description: 'When the pack was first downloaded' }) issuedAt!: string;
  @ApiProperty({ example: 'OMBUDSMAN', description: 'The role of who downloaded it (REPORTER for the reporter)' }) issuedToRole!: string;
  @ApiProperty({ enum: PACK_FORMATS }) format!: string;
}

export class EvidencePackVerificationView {
  @ApiProperty({ description: 'Tenggat issued a pack with this content digest (its download is in the audit log)' }) issued!: boolean;
  @ApiProperty({ type: EvidencePackIssueView, nullable: true }) issue!: EvidencePackIssueView | null;
  @ApiProperty({ description: 'The history digest is the one recorded when the pack was issued, and the digest of the history Temporal holds now, cut where the pack ended' })
  historyMatches!: boolean;
  @ApiProperty({ description: 'Made again now from that history and the complaint, the pack has this content digest: it is what Tenggat produces' })
  contentReproduced!: boolean;
}

export class OmbudsmanConsentDto {
  @ApiProperty({ description: 'true: the reporter agrees that the Ombudsman evidence pack names them (name, phone, e-mail, NIK)', example: true })
  @IsBoolean()
  @Equals(true, worded('validation.consent'))
  consent!: boolean;
}

export class OmbudsmanConsentView {
  @ApiProperty({ example: '2026-11-30T05:12:00.000Z', description: 'When the reporter consented (the first time, if asked again)' })
  consentGivenAt!: string;
}
