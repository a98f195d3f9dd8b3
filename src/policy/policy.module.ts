import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { SlaPolicy, loadSlaPolicy } from './sla-policy.js';

/** The SLA policy, read and validated once at boot: an invalid policy file stops startup naming the field. */
@Module({
  providers: [{ provide: SlaPolicy, useFactory: (config: AppConfig) => loadSlaPolicy(config.slaPolicyFile), inject: [AppConfig] }],
  exports: [SlaPolicy],
})
export class PolicyModule {}
