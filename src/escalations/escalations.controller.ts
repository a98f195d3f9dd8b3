import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors, ApiErrors } from '../openapi/api-errors.decorator.js';
import { ACTION_ROLES } from '../access/complaint-access.js';
import { Audited } from '../audit/audited.decorator.js';
import { CurrentOfficer, Roles } from '../auth/auth.decorators.js';
import type { Officer } from '../auth/officer.js';
import { Idempotent } from '../common/idempotent-request.interceptor.js';
import { ActingOfficer } from '../complaints/acting-officer.decorator.js';
import { AcknowledgementDto } from '../complaints/dto/actions.dto.js';
import type { OfficerRequest } from '../complaints/complaints.service.js';
import { ComplaintStatusView } from '../complaints/dto/complaint-status.view.js';
import { EscalationIdParam, EscalationPage, ListEscalationsQuery } from './escalations.dto.js';
import { EscalationsService } from './escalations.service.js';

@ApiTags('escalations')
@ApiBearerAuth()
@ApiCommonErrors()
@Controller({ path: 'escalations', version: '1' })
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Get()
  @ApiOperation({ operationId: 'listEscalations', summary: 'Escalation inbox: by default those addressed to your role and not yet acknowledged, newest first' })
  @ApiOkResponse({ type: EscalationPage })
  @ApiErrors(400)
  list(@Query() query: ListEscalationsQuery, @CurrentOfficer() officer: Officer): Promise<EscalationPage> {
    return this.escalations.list(query, officer);
  }

  @Post(':id/acknowledge')
  @Roles(...ACTION_ROLES['acknowledge-escalation'])
  @HttpCode(HttpStatus.OK)
  @Idempotent()
  @Audited({ action: 'acknowledge-escalation', subject: 'escalation' })
  @ApiOperation({ summary: `Acknowledge an escalation addressed to your role — roles: ${ACTION_ROLES['acknowledge-escalation'].join(', ')}` })
  @ApiOkResponse({ type: ComplaintStatusView, description: 'Done; the complaint process status after it' })
  @ApiErrors(
    400,
    413,
    [403, 'Addressed to another role or agency'],
    [404, 'No such escalation on a complaint visible to you'],
    [409, 'Already acknowledged or not allowed now, or a request with this Idempotency-Key is still in progress'],
  )
  acknowledge(@Param() { id }: EscalationIdParam, @Body() { comment }: AcknowledgementDto, @ActingOfficer() by: OfficerRequest): Promise<ComplaintStatusView> {
    return this.escalations.acknowledge(id, comment, by);
  }
}
