import { Global, Module } from '@nestjs/common';
import { TemporalClientService } from './temporal-client.service.js';

@Global()
@Module({ providers: [TemporalClientService], exports: [TemporalClientService] })
export class TemporalClientModule {}
