import { applyDecorators, Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { Audited } from '../audit/audited.decorator.js';
import { CurrentOfficer, Roles } from '../auth/auth.decorators.js';
import type { Officer } from '../auth/officer.js';
import { CalendarsService } from '../calendars/calendars.service.js';
import { SlaPolicy } from '../policy/sla-policy.js';
import { UnitView } from '../reference/reference.dto.js';
import { AdminAgencyView, AgencyIdParam, CreateAgencyDto, CreateUnitDto, UpdateAgencyDto } from './agencies.dto.js';
import { AgenciesAdminService } from './agencies-admin.service.js';
import { CalendarYearDto, CalendarYearParam, CalendarYearView, RetimeDto, RetimeResultView, toCalendarYearView } from './calendars.dto.js';
import {
  AdminOfficerPage,
  AdminOfficersQuery,
  AdminOfficerView,
  CreatedOfficerView,
  CreateOfficerDto,
  OfficerIdParam,
  TemporaryPasswordView,
  UpdateOfficerDto,
} from './officers.dto.js';
import { OfficersAdminService } from './officers-admin.service.js';
import { PolicyVersionView, toPolicyVersionView } from './policies.dto.js';

/** SYSADMIN only; the answers every administration endpoint may give besides its own. */
const Administration = () =>
  applyDecorators(
    ApiTags('admin'),
    ApiBearerAuth(),
    Roles('SYSADMIN'),
    ApiErrors([401, 'No valid bearer token']),
  );

/** A change: in the audit log with who, what (the body) and when; 400 names the field and changes nothing. */
const Change = (action: string, summary: string) =>
  applyDecorators(
    Audited({ action, withBody: true }),
    ApiOperation({ summary: `${summary} — role: SYSADMIN` }),
    ApiErrors([400, 'Bad input, naming the field; nothing changed']),
  );

@Administration()
@Controller({ path: 'admin/officers', version: '1' })
export class AdminOfficersController {
  constructor(private readonly officers: OfficersAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Officer accounts by name, in pages; filter by role, agency, active; search by name or username — role: SYSADMIN' })
  @ApiOkResponse({ type: AdminOfficerPage })
  @ApiErrors([400, 'Bad filter, naming it'])
  listOfficers(@Query() query: AdminOfficersQuery): Promise<AdminOfficerPage> {
    return this.officers.list(query);
  }

  @Post()
  @Change('create-officer', 'Create an officer account; its generated password is in this answer only')
  @ApiCreatedResponse({ type: CreatedOfficerView })
  @ApiErrors([409, 'The username is taken'])
  createOfficer(@Body() dto: CreateOfficerDto): Promise<CreatedOfficerView> {
    return this.officers.create(dto);
  }

  @Patch(':id')
  @Change('update-officer', "Change an officer's name, role, agency, unit or supervisor")
  @ApiOkResponse({ type: AdminOfficerView })
  @ApiErrors([404, 'No such officer'])
  @ApiErrors([409, 'It would demote the last active SYSADMIN'])
  updateOfficer(@Param() { id }: OfficerIdParam, @Body() dto: UpdateOfficerDto): Promise<AdminOfficerView> {
    return this.officers.update(id, dto);
  }

  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  @Change('deactivate-officer', 'Deactivate: no more sign-in, and the tokens already given stop working at once')
  @ApiOkResponse({ type: AdminOfficerView })
  @ApiErrors([404, 'No such officer'])
  @ApiErrors([409, 'The last active SYSADMIN'])
  deactivateOfficer(@Param() { id }: OfficerIdParam): Promise<AdminOfficerView> {
    return this.officers.deactivate(id);
  }

  @Post(':id/reactivate')
  @HttpCode(HttpStatus.OK)
  @Change('reactivate-officer', 'Reactivate a deactivated officer')
  @ApiOkResponse({ type: AdminOfficerView })
  @ApiErrors([404, 'No such officer'])
  reactivateOfficer(@Param() { id }: OfficerIdParam): Promise<AdminOfficerView> {
    return this.officers.reactivate(id);
  }

  @Post(':id/reset-password')
  @HttpCode(HttpStatus.OK)
  @Change('reset-officer-password', 'A new generated password, shown once in this answer; a sign-in wait after wrong guesses ends')
  @ApiOkResponse({ type: TemporaryPasswordView })
  @ApiErrors([404, 'No such officer'])
  resetOfficerPassword(@Param() { id }: OfficerIdParam): Promise<TemporaryPasswordView> {
    return this.officers.resetPassword(id);
  }
}

@Administration()
@Controller({ path: 'admin/agencies', version: '1' })
export class AdminAgenciesController {
  constructor(private readonly agencies: AgenciesAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Agencies with their zone and units — role: SYSADMIN' })
  @ApiOkResponse({ type: [AdminAgencyView] })
  listAgencies(): Promise<AdminAgencyView[]> {
    return this.agencies.list();
  }

  @Post()
  @Change('create-agency', 'Add an agency (K/L/D) in one of the three zones')
  @ApiCreatedResponse({ type: AdminAgencyView })
  @ApiErrors([409, 'An agency with this ID exists'])
  createAgency(@Body() dto: CreateAgencyDto): Promise<AdminAgencyView> {
    return this.agencies.create(dto);
  }

  @Patch(':id')
  @Change('update-agency', 'Rename an agency; its time zone only while no complaint was disposed to it')
  @ApiOkResponse({ type: AdminAgencyView })
  @ApiErrors([404, 'No such agency'])
  @ApiErrors([409, 'Time zone of an agency with complaints'])
  updateAgency(@Param() { id }: AgencyIdParam, @Body() dto: UpdateAgencyDto): Promise<AdminAgencyView> {
    return this.agencies.update(id, dto);
  }

  @Post(':id/units')
  @Change('create-unit', 'Add a unit to an agency, optionally below another of its units')
  @ApiCreatedResponse({ type: UnitView })
  @ApiErrors([404, 'No such agency'])
  @ApiErrors([409, 'A unit with this ID exists'])
  createUnit(@Param() { id }: AgencyIdParam, @Body() dto: CreateUnitDto): Promise<UnitView> {
    return this.agencies.createUnit(id, dto);
  }
}

@Administration()
@Controller({ path: 'admin/calendars', version: '1' })
export class AdminCalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Get()
  @ApiOperation({ summary: 'Calendar years known, where each comes from, and its counts of holidays and joint leave — role: SYSADMIN' })
  @ApiOkResponse({ type: [CalendarYearView] })
  async listCalendarYears(): Promise<CalendarYearView[]> {
    return (await this.calendars.list()).map(toCalendarYearView);
  }

  @Put(':year')
  @Change('upload-calendar-year', 'Upload a decree year (the shape of config/calendars/<year>.json); it overrides the shipped file, and workers count with it from their next deadline computation')
  @ApiOkResponse({ type: CalendarYearView })
  async uploadCalendarYear(@Param() { year }: CalendarYearParam, @Body() dto: CalendarYearDto, @CurrentOfficer() officer: Officer): Promise<CalendarYearView> {
    return toCalendarYearView(await this.calendars.upload(year, dto, officer));
  }

  @Post(':year/retime')
  @HttpCode(HttpStatus.OK)
  @Change('retime-deadlines', "Re-time every running complaint's deadlines on the calendar as it now stands (after an upload); the reason goes into each explanation")
  @ApiOkResponse({ type: RetimeResultView })
  @ApiErrors([404, 'No calendar data for this year'])
  retimeCalendarYear(@Param() { year }: CalendarYearParam, @Body() { reason }: RetimeDto, @CurrentOfficer() officer: Officer): Promise<RetimeResultView> {
    return this.calendars.retime(year, reason, officer);
  }
}

@Administration()
@Controller({ path: 'admin/policies', version: '1' })
export class AdminPoliciesController {
  constructor(private readonly policy: SlaPolicy) {}

  @Get()
  @ApiOperation({ summary: 'SLA policy versions (read-only), newest first: stage targets with their sources, reminder, escalation ladder — role: SYSADMIN' })
  @ApiOkResponse({ type: [PolicyVersionView] })
  listPolicyVersions(): PolicyVersionView[] {
    const inForce = this.policy.inForceAt(new Date()).version;
    return this.policy.all().map((version) => toPolicyVersionView(version, version.version === inForce));
  }
}
