import { applyDecorators, Body, Controller, Get, HttpCode, HttpStatus, Param, Post, StreamableFile, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '../audit/audited.decorator.js';
import { CurrentOfficer, Public, Roles } from '../auth/auth.decorators.js';
import type { Officer } from '../auth/officer.js';
import { TrackingIdParam } from '../complaints/dto/tracking-id.param.js';
import { ApiCommonErrors, ApiErrors } from '../openapi/api-errors.decorator.js';
import { ReporterAccess } from '../tracking/access-code.guard.js';
import {
  AttachmentListView,
  AttachmentParam,
  AttachmentView,
  OFFICER_PURPOSES,
  OfficerUploadDto,
  PublicAttachmentListView,
  PublishAttachmentDto,
  REPORTER_PURPOSES,
  ReporterUploadDto,
} from './attachments.dto.js';
import { AttachmentsService, type DownloadableFile, type ReceivedFile } from './attachments.service.js';
import { EVIDENCE_MEDIA_TYPES } from './evidence-file.js';
import { UploadRefusalsInterceptor } from './upload-refusals.interceptor.js';

/** Multipart field that carries the files. */
const FILES_FIELD = 'files';

/** Roles that attach documents: the liaison, with the follow-up and the final answer. */
const ATTACH_ROLES = ['LIAISON'] as const;

/** An upload route: multipart/form-data with `purpose` and up to ATTACHMENT_MAX_FILES_PER_UPLOAD `files`; refusals named. */
function UploadRoute(purposes: readonly string[], summary: string, operationId: string) {
  return applyDecorators(
    Post(),
    HttpCode(HttpStatus.CREATED),
    // Outermost first: refusals of the multipart parser are worded by UploadRefusalsInterceptor.
    UseInterceptors(UploadRefusalsInterceptor, FilesInterceptor(FILES_FIELD)),
    ApiOperation({ operationId, summary }),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['purpose', FILES_FIELD],
        properties: {
          purpose: { type: 'string', enum: [...purposes] },
          [FILES_FIELD]: {
            type: 'array',
            maxItems: 1000,
            description:
              'JPEG, PNG, WebP or PDF, judged by content; each at most ATTACHMENT_MAX_FILE_BYTES (5 MiB by default), at most ATTACHMENT_MAX_FILES_PER_UPLOAD files (5) per upload and ATTACHMENT_MAX_FILES_PER_COMPLAINT (20) per complaint. Image metadata (EXIF with GPS and author, XMP, IPTC, text chunks) is removed before the file is stored',
            items: { type: 'string', format: 'binary', maxLength: 52_428_800 },
          },
        },
      },
    }),
    ApiCreatedResponse({ type: AttachmentListView, description: 'Stored: the new files (all of them or, on any refusal, none)' }),
    ApiErrors(
      [400, 'No file, too many files in the upload, a bad file name (empty, too long, control characters such as NUL), a truncated or damaged file, or a broken multipart body; nothing was stored'],
      [409, 'Not attachable in the current state (names it), or the complaint holds its maximum of files; nothing was stored'],
      [413, 'A file is larger than ATTACHMENT_MAX_FILE_BYTES; nothing was stored'],
      [415, 'A file is not JPEG, PNG, WebP or PDF by its content, or the body is not multipart/form-data; nothing was stored'],
    ),
  );
}

/** A download route: the stored bytes (images without their metadata), as an attachment. */
function DownloadRoute(summary: string, operationId: string) {
  return applyDecorators(
    Get(':fileId'),
    ApiOperation({ operationId, summary }),
    // The file's own type on success only: refusals stay JSON (ErrorBodyView), as everywhere.
    ApiOkResponse({
      description: 'The file; Content-Type from its content, Content-Disposition: attachment',
      content: Object.fromEntries(EVIDENCE_MEDIA_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary', maxLength: 52_428_800 } }])),
    }),
    ApiErrors(400, [404, 'No such file (or complaint) visible to you']),
  );
}

/** Sent as a download (never rendered in the API's origin), with its name in ASCII and in UTF-8 (RFC 6266). */
export function asDownload(file: DownloadableFile): StreamableFile {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return new StreamableFile(file.content, {
    type: file.mediaType,
    length: file.content.length,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}

@ApiTags('attachments')
@ApiBearerAuth()
@ApiCommonErrors()
@Controller({ path: 'complaints/:trackingId/attachments', version: '1' })
export class OfficerAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @UploadRoute(OFFICER_PURPOSES, `Liaison: attach documents to the follow-up or the final answer, while the complaint is in progress — roles: ${ATTACH_ROLES.join(', ')}`, 'attachOfficerFiles')
  @Roles(...ATTACH_ROLES)
  @Audited({ action: 'attach-files' })
  attach(
    @Param() { trackingId }: TrackingIdParam,
    @Body() dto: OfficerUploadDto,
    @UploadedFiles() files: ReceivedFile[] | undefined,
    @CurrentOfficer() officer: Officer,
  ): Promise<AttachmentListView> {
    return this.attachments.attachByOfficer(trackingId, officer, dto.purpose, files);
  }

  @Get()
  @ApiOperation({ operationId: 'listComplaintAttachments', summary: "The complaint's evidence files (metadata), for every officer who sees the complaint" })
  @ApiOkResponse({ type: AttachmentListView })
  @ApiErrors(400, [404, 'No complaint with this tracking ID visible to you'])
  list(@Param() { trackingId }: TrackingIdParam, @CurrentOfficer() officer: Officer): Promise<AttachmentListView> {
    return this.attachments.listForOfficer(trackingId, officer);
  }

  @DownloadRoute('Download an evidence file of a complaint you see (images without metadata, for every role)', 'downloadComplaintAttachment')
  async download(@Param() { trackingId, fileId }: AttachmentParam, @CurrentOfficer() officer: Officer): Promise<StreamableFile> {
    return asDownload(await this.attachments.downloadForOfficer(trackingId, fileId, officer));
  }

  @Post(':fileId/publication')
  @HttpCode(HttpStatus.OK)
  @Roles('VERIFIER')
  @Audited({ action: 'publish-attachment', withBody: true })
  @ApiOperation({ operationId: 'publishComplaintAttachment', summary: 'Verifier: show a file on the public list and Open311 (media_url), or withdraw it; audited — roles: VERIFIER' })
  @ApiOkResponse({ type: AttachmentView })
  @ApiErrors(400, [404, 'No such file (or complaint) visible to you'])
  publish(@Param() { trackingId, fileId }: AttachmentParam, @Body() dto: PublishAttachmentDto, @CurrentOfficer() officer: Officer): Promise<AttachmentView> {
    return this.attachments.publish(trackingId, fileId, officer, dto.public);
  }
}

/** The reporter, with the access code: attach evidence, list and download the complaint's files (the agency's documents too). */
@ReporterAccess()
@Controller({ path: 'track/:trackingId/attachments', version: '1' })
export class ReporterAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @UploadRoute(
    REPORTER_PURPOSES,
    "Reporter: attach photos or documents to the complaint (while it awaits verification) or to a clarification answer (while it is awaited, before answering); an anonymous reporter's file names are replaced",
    'attachReporterFiles',
  )
  @Audited({ action: 'attach-files' })
  attach(@Param() { trackingId }: TrackingIdParam, @Body() dto: ReporterUploadDto, @UploadedFiles() files: ReceivedFile[] | undefined): Promise<AttachmentListView> {
    return this.attachments.attachByReporter(trackingId, dto.purpose, files);
  }

  @Get()
  @ApiOperation({ operationId: 'listTrackedAttachments', summary: "Reporter: the complaint's files, yours and the agency's" })
  @ApiOkResponse({ type: AttachmentListView })
  @ApiErrors(400)
  list(@Param() { trackingId }: TrackingIdParam): Promise<AttachmentListView> {
    return this.attachments.listForReporter(trackingId);
  }

  @DownloadRoute("Reporter: download one of the complaint's files", 'downloadTrackedAttachment')
  async download(@Param() { trackingId, fileId }: AttachmentParam): Promise<StreamableFile> {
    return asDownload(await this.attachments.downloadForReporter(trackingId, fileId));
  }
}

/** Everyone: the files a verifier published, of complaints the public list shows. */
@ApiTags('public')
@Public()
@ApiCommonErrors()
@Controller({ path: 'public/complaints/:trackingId/attachments', version: '1' })
export class PublicAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get()
  @ApiOperation({ operationId: 'listPublicAttachments', summary: 'Public: the files a verifier published of a complaint on the public list (none until one is published)' })
  @ApiOkResponse({ type: PublicAttachmentListView })
  @ApiErrors(400, [404, 'No public complaint with this tracking ID'])
  list(@Param() { trackingId }: TrackingIdParam): Promise<PublicAttachmentListView> {
    return this.attachments.listPublic(trackingId);
  }

  @DownloadRoute('Public: download a published file', 'downloadPublicAttachment')
  async download(@Param() { trackingId, fileId }: AttachmentParam): Promise<StreamableFile> {
    return asDownload(await this.attachments.downloadPublic(trackingId, fileId));
  }
}
