import { Body, Controller, Get, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AcceptsIntegrationClients, Public } from '../auth/auth.decorators.js';
import { RateLimited } from '../auth/rate-limit.guard.js';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { IDEMPOTENCY_KEY_SCHEMA, IdempotencyKey } from '../common/idempotency-key.decorator.js';
import { CreateServiceRequestDto } from './dto/create-service-request.dto.js';
import { ListServiceRequestsQuery } from './dto/list-service-requests.query.js';
import { ApiOpen311Errors } from '../openapi/api-errors.decorator.js';
import { Open311CreatedView, Open311ServiceRequestView, Open311ServiceView } from './dto/open311.views.js';
import { Open311Answer, Open311FormatInterceptor } from './open311-format.interceptor.js';
import { SERVICE_REQUESTS_XML, SERVICES_XML } from './open311-format.js';
import { Open311Service } from './open311.service.js';
import { RequestLocale } from '../i18n/locale.js';
import type { Locale } from '../i18n/messages.js';

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): no account needed. The extension picks
 * the format (.json or .xml); errors are a list of {code, description} in the same format.
 */
@ApiTags('open311')
@UseInterceptors(Open311FormatInterceptor)
@ApiOpen311Errors([400, 'Bad input: one entry per problem, naming the field'], 401, 500, 503)
@Controller('open311/v2')
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get(['services.json', 'services.xml'])
  @Public()
  @Open311Answer(SERVICES_XML)
  @ApiOperation({ summary: 'Service list: one service per classification (pengaduan, aspirasi, permintaan informasi)' })
  @ApiOkResponse({ type: [Open311ServiceView] })
  services(@RequestLocale() locale: Locale): Open311ServiceView[] {
    return this.open311.services(locale);
  }

  @Get(['requests.json', 'requests.xml'])
  @Public()
  @Open311Answer(SERVICE_REQUESTS_XML)
  @ApiOperation({
    summary:
      'Verified, non-confidential, non-archived complaints, newest first, contact data scrubbed, never reporter data; at most 90 days (default: the last 90); expected_datetime is the resolution target',
  })
  @ApiOkResponse({ type: [Open311ServiceRequestView] })
  @ApiOpen311Errors([404, 'Unknown service_code'])
  listRequests(@Query() query: ListServiceRequestsQuery, @RequestLocale() locale: Locale): Promise<Open311ServiceRequestView[]> {
    return this.open311.listRequests(query, locale);
  }

  @Get(['requests/:id.json', 'requests/:id.xml'])
  @Public()
  @Open311Answer(SERVICE_REQUESTS_XML)
  @ApiOperation({ summary: 'One request, as a one-element list' })
  @ApiParam({ name: 'id', description: 'service_request_id (tracking ID)', example: 'LPR-7K3M-9Q2X', schema: { type: 'string', maxLength: 64 } })
  @ApiOkResponse({ type: [Open311ServiceRequestView] })
  @ApiOpen311Errors([404, 'Unknown, or confidential'])
  getRequest(@Param('id') id: string, @RequestLocale() locale: Locale): Promise<Open311ServiceRequestView[]> {
    return this.open311.getRequest(id, locale);
  }

  @Post(['requests.json', 'requests.xml'])
  @AcceptsIntegrationClients({ required: true, bodyField: 'api_key', refuseWith: 403 })
  @RateLimited()
  @Open311Answer(SERVICE_REQUESTS_XML)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary:
      "Submit a complaint (registered client apps: api_key); filed under the app's channel; the answer carries the tracking ID and the access code (not in the spec) the reporter tracks it with",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, schema: IDEMPOTENCY_KEY_SCHEMA, description: 'Repeat a submission safely: same app, same key, same request' })
  @ApiCreatedResponse({ type: [Open311CreatedView] })
  @ApiOpen311Errors([403, 'api_key missing or invalid (spec)'], [404, 'Unknown service_code (spec)'], 413, 422, 429)
  async createRequest(
    @Body() dto: CreateServiceRequestDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
    @RequestLocale() locale: Locale,
  ): Promise<Open311CreatedView[]> {
    const { answer, replayed } = await this.open311.createRequest(dto, caller, locale, idempotencyKey);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return answer;
  }
}
