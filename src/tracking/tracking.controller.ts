import { applyDecorators, Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { Audited } from '../audit/audited.decorator.js';
import { IdempotencyKey } from '../common/idempotency-key.decorator.js';
import { Idempotent } from '../common/idempotent-request.interceptor.js';
import { AcceptAnswerDto, DisputeAnswerDto, ProvideClarificationDto } from '../complaints/dto/actions.dto.js';
import { TrackingIdParam } from '../complaints/dto/tracking-id.param.js';
import type { ReporterAction } from '../../workflows/messages.js';
import { RequestLocale } from '../i18n/locale.js';
import type { Locale } from '../i18n/messages.js';
import { ComplaintStatusView } from '../complaints/dto/complaint-status.view.js';
import { traceOf } from '../common/request-trace.js';
import { EvidencePackQuery, OmbudsmanConsentDto, OmbudsmanConsentView } from '../evidence-pack/evidence-pack.dto.js';
import { PACK_RESPONSE, sendPack } from '../evidence-pack/evidence-pack.controller.js';
import { EvidencePackService } from '../evidence-pack/evidence-pack.service.js';
import { ReporterAccess } from './access-code.guard.js';
import { TrackingService } from './tracking.service.js';
import { TrackingView } from './tracking.view.js';

/** What every reporter action shares: its URL is its name, Idempotency-Key, and the audit log entry. */
function ReporterActionRoute(action: ReporterAction, summary: string) {
  return applyDecorators(
    Post(action),
    HttpCode(HttpStatus.OK),
    Idempotent(),
    Audited({ action }),
    ApiOperation({ summary }),
    ApiOkResponse({ type: ComplaintStatusView, description: 'Done; the complaint process status after it' }),
    ApiErrors(413, [409, 'Not allowed in the current state (names it and the allowed actions), or a request with this Idempotency-Key is still in progress']),
  );
}

/** The reporter, without an account: tracking ID plus the access code given at submission. */
@ReporterAccess(400)
@Controller({ path: 'track/:trackingId', version: '1' })
export class TrackingController {
  constructor(
    private readonly tracking: TrackingService,
    private readonly packs: EvidencePackService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'trackComplaint', summary: 'Reporter: status, the deadlines that apply, questions and answers' })
  @ApiOkResponse({ type: TrackingView })
  track(@Param() { trackingId }: TrackingIdParam, @RequestLocale() locale: Locale): Promise<TrackingView> {
    return this.tracking.track(trackingId, locale);
  }

  @ReporterActionRoute('provide-clarification', 'Reporter: answer the request for details; the paused deadlines resume')
  provideClarification(
    @Param() { trackingId }: TrackingIdParam,
    @Body() dto: ProvideClarificationDto,
    @RequestLocale() locale: Locale,
    @IdempotencyKey() key?: string,
  ): Promise<ComplaintStatusView> {
    return this.tracking.provideClarification(trackingId, dto, locale, key);
  }

  @ReporterActionRoute('accept', 'Reporter: accept and rate the answer (1 to 5); the complaint closes')
  accept(
    @Param() { trackingId }: TrackingIdParam,
    @Body() dto: AcceptAnswerDto,
    @RequestLocale() locale: Locale,
    @IdempotencyKey() key?: string,
  ): Promise<ComplaintStatusView> {
    return this.tracking.accept(trackingId, dto, locale, key);
  }

  @ReporterActionRoute('dispute', 'Reporter: dispute the answer; the complaint reopens at the agency')
  dispute(
    @Param() { trackingId }: TrackingIdParam,
    @Body() dto: DisputeAnswerDto,
    @RequestLocale() locale: Locale,
    @IdempotencyKey() key?: string,
  ): Promise<ComplaintStatusView> {
    return this.tracking.dispute(trackingId, dto, locale, key);
  }

  @Post('ombudsman-consent')
  @HttpCode(HttpStatus.OK)
  @Audited({ action: 'ombudsman-consent' })
  @ApiOperation({
    operationId: 'giveOmbudsmanConsent',
    summary: 'Reporter: agree that the Ombudsman evidence pack names you (name, phone, e-mail, NIK); kept with its time, audited',
  })
  @ApiOkResponse({ type: OmbudsmanConsentView })
  consent(@Param() { trackingId }: TrackingIdParam, @Body() _consent: OmbudsmanConsentDto): Promise<OmbudsmanConsentView> {
    return this.packs.consent(trackingId);
  }

  @Get('evidence-pack')
  @ApiOperation({ operationId: 'getOwnEvidencePack', summary: 'Reporter: the Ombudsman evidence pack of your complaint (PDF or JSON), to take it to the Ombudsman yourself; audited' })
  @ApiProduces('application/pdf', 'application/json')
  @ApiOkResponse(PACK_RESPONSE)
  async evidencePack(
    @Param() { trackingId }: TrackingIdParam,
    @Query() { format }: EvidencePackQuery,
    @RequestLocale() locale: Locale,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.packs.forReporter(trackingId, format ?? 'pdf', locale, { path: request.originalUrl.split('?')[0], ...traceOf(request) });
    return sendPack(file, response);
  }
}
