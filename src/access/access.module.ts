import { Global, Module } from '@nestjs/common';
import { ComplaintAccessService } from './complaint-access.service.js';

@Global()
@Module({ providers: [ComplaintAccessService], exports: [ComplaintAccessService] })
export class AccessModule {}
