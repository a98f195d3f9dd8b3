import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Audited } from '../audit/audited.decorator.js';
import { CurrentOfficer, Roles } from '../auth/auth.decorators.js';
import type { Officer } from '../auth/officer.js';
import { traceOf } from '../common/request-trace.js';
import { TrackingIdParam } from '../complaints/dto/tracking-id.param.js';
import { RequestLocale } from '../i18n/locale.js';
import type { Locale } from '../i18n/messages.js';
import { ApiCommonErrors, ApiErrors } from '../openapi/api-errors.decorator.js';
import { EvidencePackQuery, EvidencePackVerificationView, VerifyEvidencePackDto } from './evidence-pack.dto.js';
import { EvidencePackService, type EvidencePackFile } from './evidence-pack.service.js';

export const PACK_DIGEST_HEADERS = { content: 'X-Evidence-Pack-Content-Sha256', history: 'X-Evidence-Pack-History-Sha256' } as const;

/** The answer of every pack download: the file as an attachment, its digests also in headers. */
export function sendPack(file: EvidencePackFile, response: Response): StreamableFile {
  response.setHeader(PACK_DIGEST_HEADERS.content, file.digests.contentSha256);
  response.setHeader(PACK_DIGEST_HEADERS.history, file.digests.historySha256);
  return new StreamableFile(file.body, { type: file.contentType, disposition: `attachment; filename="${file.filename}"`, length: file.body.length });
}

export const PACK_RESPONSE = {
  description: 'The evidence pack: a PDF for people, or JSON for systems ({ pack, digests }); both carry the content and history SHA-256 digests, also sent as headers',
  headers: {
    [PACK_DIGEST_HEADERS.content]: { description: "SHA-256 of the pack's canonical JSON", schema: { type: 'string' as const, pattern: '^[0-9a-f]{64}$', maxLength: 64 } },
    [PACK_DIGEST_HEADERS.history]: { description: 'SHA-256 of the workflow history it was made from', schema: { type: 'string' as const, pattern: '^[0-9a-f]{64}$', maxLength: 64 } },
  },
  content: {
    'application/pdf': { schema: { type: 'string' as const, format: 'binary', maxLength: 20_000_000 } },
    'application/json': { schema: { type: 'object' as const, additionalProperties: true } },
  },
};

@ApiTags('evidence-pack')
@ApiBearerAuth()
@ApiCommonErrors()
@Controller({ version: '1' })
export class EvidencePackController {
  constructor(private readonly packs: EvidencePackService) {}

  @Get('complaints/:trackingId/evidence-pack')
  @Roles('OMBUDSMAN', 'AUDITOR')
  @ApiOperation({
    operationId: 'getEvidencePack',
    summary: 'Ombudsman (complaints that reached level 3) or auditor (any): the evidence pack for undue delay, made now from the workflow history; every download is audited',
  })
  @ApiProduces('application/pdf', 'application/json')
  @ApiOkResponse(PACK_RESPONSE)
  @ApiErrors([400, 'Bad query, naming the field (format must be pdf or json)'], [404, 'No complaint with this tracking ID that you may see'])
  async get(
    @Param() { trackingId }: TrackingIdParam,
    @Query() { format }: EvidencePackQuery,
    @CurrentOfficer() officer: Officer,
    @RequestLocale() locale: Locale,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.packs.forOfficer(trackingId, officer, format ?? 'pdf', locale, { path: request.originalUrl.split('?')[0], ...traceOf(request) });
    return sendPack(file, response);
  }

  @Post('evidence-packs/verify')
  @Roles('OMBUDSMAN', 'AUDITOR')
  @HttpCode(HttpStatus.OK)
  @Audited({ action: 'verify-evidence-pack', withBody: true })
  @ApiOperation({
    operationId: 'verifyEvidencePack',
    summary: "Ombudsman or auditor: is a copy of an evidence pack genuine? Give the two digests printed on it (or in its JSON's digests)",
  })
  @ApiOkResponse({ type: EvidencePackVerificationView })
  @ApiErrors(400)
  verify(@Body() dto: VerifyEvidencePackDto): Promise<EvidencePackVerificationView> {
    return this.packs.verify(dto);
  }
}
