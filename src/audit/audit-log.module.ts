import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditLogService } from './audit-log.service.js';
import { AuditTrailInterceptor } from './audit-trail.interceptor.js';

@Global()
@Module({
  providers: [AuditLogService, { provide: APP_INTERCEPTOR, useClass: AuditTrailInterceptor }],
  exports: [AuditLogService],
})
export class AuditLogModule {}
