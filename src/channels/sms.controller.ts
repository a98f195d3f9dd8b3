import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { IdempotencyKey } from '../common/idempotency-key.decorator.js';
import { InboundSmsDto, SmsReplyView } from './sms.dto.js';
import { SmsSenderRateLimitGuard } from './sms-sender-rate-limit.guard.js';
import { SmsService } from './sms.service.js';

@ApiTags('channels')
@Controller({ path: 'channels', version: '1' })
export class SmsController {
  constructor(private readonly sms: SmsService) {}

  @Post('sms')
  @Public()
  @UseGuards(SmsSenderRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'SMS 1708 gateway: an inbound message becomes a complaint (channel SMS); answers the reply text' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: "The gateway's message ID: a redelivered SMS is filed once" })
  @ApiOkResponse({ type: SmsReplyView })
  @ApiTooManyRequestsResponse({ description: 'Too many messages from this sender' })
  receive(@Body() sms: InboundSmsDto, @IdempotencyKey() idempotencyKey?: string): Promise<SmsReplyView> {
    return this.sms.receive(sms, idempotencyKey);
  }
}
