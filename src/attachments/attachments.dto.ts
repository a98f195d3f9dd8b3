import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { TrackingIdParam } from '../complaints/dto/tracking-id.param.js';
import { EVIDENCE_MEDIA_TYPES } from './evidence-file.js';
import type { AttachmentRow } from './attachments.repository.js';

/** What the reporter attaches evidence to; officers attach to their follow-up and their final answer. */
export const REPORTER_PURPOSES = ['COMPLAINT', 'CLARIFICATION'] as const;
export const OFFICER_PURPOSES = ['FOLLOW_UP', 'RESOLUTION'] as const;
export const ATTACHMENT_PURPOSES = [...REPORTER_PURPOSES, ...OFFICER_PURPOSES] as const;
export type AttachmentPurposeName = (typeof ATTACHMENT_PURPOSES)[number];

export class AttachmentParam extends TrackingIdParam {
  @ApiProperty({ format: 'uuid', example: '0b0f5c1e-6f3a-4c55-9a51-3f0f5d2d8e11', maxLength: 36 })
  @IsUUID()
  fileId!: string;
}

/** The multipart form's text field; the files come in the field `files`. */
export class ReporterUploadDto {
  @ApiProperty({ enum: REPORTER_PURPOSES, description: 'COMPLAINT while the complaint awaits verification; CLARIFICATION while an officer awaits your details (before you answer)' })
  @IsIn(REPORTER_PURPOSES)
  purpose!: (typeof REPORTER_PURPOSES)[number];
}

export class OfficerUploadDto {
  @ApiProperty({ enum: OFFICER_PURPOSES, description: 'A follow-up document or the final answer, while the complaint is in progress (before resolve)' })
  @IsIn(OFFICER_PURPOSES)
  purpose!: (typeof OFFICER_PURPOSES)[number];
}

export class PublishAttachmentDto {
  @ApiProperty({ description: 'true: the public list and Open311 show the file; false: withdrawn' })
  @IsBoolean()
  public!: boolean;
}

export class AttachmentView {
  @ApiProperty({ format: 'uuid', example: '0b0f5c1e-6f3a-4c55-9a51-3f0f5d2d8e11' }) id!: string;
  @ApiProperty({ enum: ATTACHMENT_PURPOSES, example: 'COMPLAINT' }) purpose!: string;
  @ApiProperty({ example: 'jalan-rusak.jpg', maxLength: 255, description: "As sent; a neutral name (bukti-1.jpg) for an anonymous reporter's file" }) fileName!: string;
  @ApiProperty({ enum: EVIDENCE_MEDIA_TYPES, description: "From the file's content" }) mediaType!: string;
  @ApiProperty({ example: 182_334, minimum: 1 }) sizeBytes!: number;
  @ApiProperty({ example: 'c0535e4be2b79ffd93291305436bf889314e4a3faec05ecffcbb7df31ad9e51a', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the stored bytes, hex' }) sha256!: string;
  @ApiProperty({ example: 2, minimum: 0, description: 'Metadata segments (EXIF with GPS and author, XMP, IPTC, text chunks) removed from the image before it was stored' })
  removedMetadata!: number;
  @ApiProperty({ enum: ['REPORTER', 'OFFICER'], description: 'Who attached it' }) uploadedBy!: 'REPORTER' | 'OFFICER';
  @ApiProperty({ format: 'date-time', example: '2026-11-24T03:15:00.000Z' }) createdAt!: string;
  @ApiProperty({ description: 'A verifier made it public (public list, Open311 media_url)' }) public!: boolean;
}

export class AttachmentListView {
  @ApiProperty({ type: [AttachmentView], maxItems: 1000 }) items!: AttachmentView[];
}

/** What the public sees of a published file: no uploader, no hash. */
export class PublicAttachmentView {
  @ApiProperty({ format: 'uuid', example: '0b0f5c1e-6f3a-4c55-9a51-3f0f5d2d8e11' }) id!: string;
  @ApiProperty({ example: 'bukti-1.jpg', maxLength: 255 }) fileName!: string;
  @ApiProperty({ enum: EVIDENCE_MEDIA_TYPES }) mediaType!: string;
  @ApiProperty({ example: 182_334, minimum: 1 }) sizeBytes!: number;
  @ApiProperty({ format: 'uri-reference', example: '/v1/public/complaints/LPR-7K3M-9Q2X/attachments/0b0f5c1e-6f3a-4c55-9a51-3f0f5d2d8e11', description: 'Where to download it' }) url!: string;
}

export class PublicAttachmentListView {
  @ApiProperty({ type: [PublicAttachmentView], maxItems: 1000 }) items!: PublicAttachmentView[];
}

export function toAttachmentView(row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    purpose: row.purpose,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    removedMetadata: row.removedMetadata,
    uploadedBy: row.uploadedById === null ? 'REPORTER' : 'OFFICER',
    createdAt: row.createdAt.toISOString(),
    public: row.publishedAt !== null,
  };
}

/** The public download path of a published file (also Open311's media_url, made absolute there). */
export const publicAttachmentPath = (trackingId: string, fileId: string) => `/v1/public/complaints/${trackingId}/attachments/${fileId}`;

export function toPublicAttachmentView(trackingId: string, row: AttachmentRow): PublicAttachmentView {
  return { id: row.id, fileName: row.fileName, mediaType: row.mediaType, sizeBytes: row.sizeBytes, url: publicAttachmentPath(trackingId, row.id) };
}
