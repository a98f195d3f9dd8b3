import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AcceptsIntegrationClients } from '../auth/auth.decorators.js';
import { ApiCommonErrors, ApiErrors } from '../openapi/api-errors.decorator.js';
import { RateLimited } from '../auth/rate-limit.guard.js';
import { CurrentCaller, type Caller } from '../common/caller.js';
import { IDEMPOTENCY_KEY_SCHEMA, IdempotencyKey } from '../common/idempotency-key.decorator.js';
import { InboundSmsDto, SmsReplyView } from './sms.dto.js';
import { SmsRateLimitGuard } from './sms-rate-limit.guard.js';
import { SmsService } from './sms.service.js';
import { RequestLocale } from '../i18n/locale.js';
import type { Locale } from '../i18n/messages.js';

@ApiTags('channels')
@ApiCommonErrors()
@Controller({ path: 'channels', version: '1' })
export class SmsController {
  constructor(private readonly sms: SmsService) {}

  @Post('sms')
  @AcceptsIntegrationClients({ required: true, channels: ['SMS'] })
  @RateLimited('caller', SmsRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'SMS 1708 gateway: an inbound message becomes a complaint (channel SMS); answers the reply text. Registered SMS gateways only.' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, schema: IDEMPOTENCY_KEY_SCHEMA, description: "The gateway's message ID: a redelivered SMS is filed once" })
  @ApiOkResponse({ type: SmsReplyView })
  @ApiErrors(400, [401, 'No X-Api-Key, or not the key of an active integration client'], [403, 'The key belongs to a client of another channel'], 413, 422)
  receive(@Body() sms: InboundSmsDto, @CurrentCaller() caller: Caller, @RequestLocale() locale: Locale, @IdempotencyKey() idempotencyKey?: string): Promise<SmsReplyView> {
    return this.sms.receive(sms, caller, locale, idempotencyKey);
  }
}
