import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AcceptsIntegrationClients, Public } from '../auth/auth.decorators.js';
import { RateLimited } from '../auth/rate-limit.guard.js';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { IdempotencyKey } from '../common/idempotency-key.decorator.js';
import { InboundSmsDto, SmsReplyView } from './sms.dto.js';
import { SmsRateLimitGuard } from './sms-rate-limit.guard.js';
import { SmsService } from './sms.service.js';
import { RequestLocale } from '../i18n/locale.js';
import type { Locale } from '../i18n/messages.js';

@ApiTags('channels')
@Controller({ path: 'channels', version: '1' })
export class SmsController {
  constructor(private readonly sms: SmsService) {}

  @Post('sms')
  @Public()
  @AcceptsIntegrationClients({ required: true, channels: ['SMS'] })
  @RateLimited('caller', SmsRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'SMS 1708 gateway: an inbound message becomes a complaint (channel SMS); answers the reply text. Registered SMS gateways only.' })
  @ApiHeader({ name: 'X-Api-Key', required: true, description: "The gateway's key (SYSADMIN registers gateways: POST /v1/integration-clients)" })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: "The gateway's message ID: a redelivered SMS is filed once" })
  @ApiOkResponse({ type: SmsReplyView })
  @ApiUnauthorizedResponse({ description: 'No key, or not the key of an active integration client' })
  @ApiForbiddenResponse({ description: 'The key belongs to a client of another channel' })
  receive(@Body() sms: InboundSmsDto, @CurrentCaller() caller: Caller, @RequestLocale() locale: Locale, @IdempotencyKey() idempotencyKey?: string): Promise<SmsReplyView> {
    return this.sms.receive(sms, caller, locale, idempotencyKey);
  }
}
