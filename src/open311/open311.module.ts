import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { Open311Controller } from './open311.controller.js';
import { Open311FormatInterceptor } from './open311-format.interceptor.js';
import { Open311Service } from './open311.service.js';

/** Open311 GeoReport v2: the service list, public service requests, and intake through the complaint service. */
@Module({
  imports: [ComplaintsModule, AttachmentsModule],
  controllers: [Open311Controller],
  providers: [Open311Service, Open311FormatInterceptor],
})
export class Open311Module {}
