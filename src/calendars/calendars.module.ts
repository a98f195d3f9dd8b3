import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module.js';
import { CalendarYearsRepository } from './calendar-years.repository.js';
import { CalendarsService } from './calendars.service.js';

/** The national calendar in the API: shipped years, SYSADMIN's uploads, re-timing, "due soon" horizons. */
@Module({ imports: [PolicyModule], providers: [CalendarYearsRepository, CalendarsService], exports: [CalendarsService] })
export class CalendarsModule {}
