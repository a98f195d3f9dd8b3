import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars/calendars.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { PolicyModule } from '../policy/policy.module.js';
import { AdminAgenciesController, AdminCalendarsController, AdminOfficersController, AdminPoliciesController } from './admin.controller.js';
import { AgenciesAdminService } from './agencies-admin.service.js';
import { OfficersAdminService } from './officers-admin.service.js';

/** SYSADMIN's administration: officers, agencies and units, calendar years, policy versions (read-only). */
@Module({
  imports: [CalendarsModule, DirectoryModule, PolicyModule],
  controllers: [AdminOfficersController, AdminAgenciesController, AdminCalendarsController, AdminPoliciesController],
  providers: [AgenciesAdminService, OfficersAdminService],
})
export class AdminModule {}
