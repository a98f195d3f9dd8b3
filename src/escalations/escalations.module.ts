import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { EscalationsController } from './escalations.controller.js';
import { EscalationsService } from './escalations.service.js';

@Module({ imports: [ComplaintsModule], controllers: [EscalationsController], providers: [EscalationsService], exports: [EscalationsService] })
export class EscalationsModule {}
