import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module.js';
import { WhatIfController } from './what-if.controller.js';
import { WhatIfRepository } from './what-if.repository.js';
import { WhatIfService } from './what-if.service.js';

/** What-if replays of an SLA policy over past complaints (the policyReplay workflow does the work). */
@Module({
  imports: [PolicyModule],
  controllers: [WhatIfController],
  providers: [WhatIfRepository, WhatIfService],
})
export class WhatIfModule {}
