import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { EscalationsModule } from '../escalations/escalations.module.js';
import { MeController, ReferenceController } from './reference.controller.js';
import { ReferenceService } from './reference.service.js';

/** Reference data for pickers and the navigation's counts (any signed-in officer, scoped by role). */
@Module({ imports: [ComplaintsModule, DirectoryModule, EscalationsModule], controllers: [ReferenceController, MeController], providers: [ReferenceService] })
export class ReferenceModule {}
