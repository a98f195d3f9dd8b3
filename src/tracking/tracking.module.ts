import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { EvidencePackModule } from '../evidence-pack/evidence-pack.module.js';
import { AccessCodeGuard } from './access-code.guard.js';
import { TrackingController } from './tracking.controller.js';
import { TrackingService } from './tracking.service.js';

@Module({ imports: [ComplaintsModule, EvidencePackModule], controllers: [TrackingController], providers: [TrackingService, AccessCodeGuard] })
export class TrackingModule {}
