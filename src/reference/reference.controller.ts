import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentOfficer } from '../auth/auth.decorators.js';
import type { Officer } from '../auth/officer.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { AgencyView, NavigationCountsView, ReferenceOfficersQuery, ReferenceOfficerView } from './reference.dto.js';
import { ReferenceService } from './reference.service.js';

@ApiTags('reference')
@ApiBearerAuth()
@ApiErrors([401, 'No valid bearer token'])
@Controller({ path: 'reference', version: '1' })
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('agencies')
  @ApiOperation({ summary: 'Agencies with their time zone (WIB/WITA/WIT) and units, by name — for the agency and unit pickers; any officer' })
  @ApiOkResponse({ type: [AgencyView] })
  listReferenceAgencies(): Promise<AgencyView[]> {
    return this.reference.listAgencies();
  }

  @Get('officers')
  @ApiOperation({
    summary:
      "Active officers for the pickers (e.g. a unit's liaisons): agency roles see their own agency's only, national roles all; SYSADMIN may include deactivated ones",
  })
  @ApiOkResponse({ type: [ReferenceOfficerView] })
  @ApiErrors([400, 'Bad filter, naming it'])
  listReferenceOfficers(@Query() query: ReferenceOfficersQuery, @CurrentOfficer() officer: Officer): Promise<ReferenceOfficerView[]> {
    return this.reference.listOfficers(query, officer);
  }
}

@ApiTags('reference')
@ApiBearerAuth()
@ApiErrors([401, 'No valid bearer token'])
@Controller({ path: 'me', version: '1' })
export class MeController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('counts')
  @ApiOperation({ summary: 'Counts for the navigation, in your scope: open escalations, your work queue, at risk, breached' })
  @ApiOkResponse({ type: NavigationCountsView })
  navigationCounts(@CurrentOfficer() officer: Officer): Promise<NavigationCountsView> {
    return this.reference.counts(officer);
  }
}
