import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { SmsController } from './sms.controller.js';
import { SmsRateLimitGuard } from './sms-rate-limit.guard.js';
import { SmsService } from './sms.service.js';

@Module({ imports: [ComplaintsModule], controllers: [SmsController], providers: [SmsService, SmsRateLimitGuard] })
export class ChannelsModule {}
