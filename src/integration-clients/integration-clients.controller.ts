import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors, ApiErrors } from '../openapi/api-errors.decorator.js';
import { Matches } from 'class-validator';
import { Audited } from '../audit/audited.decorator.js';
import { Roles } from '../auth/auth.decorators.js';
import { CLIENT_ID_PATTERN } from './api-key.js';
import { IntegrationClientView, IssuedApiKeyView, RegisterIntegrationClientDto } from './integration-clients.dto.js';
import { IntegrationClientsService } from './integration-clients.service.js';
import { worded } from '../i18n/validation-messages.js';

class IntegrationClientIdParam {
  @ApiProperty({ example: 'sms-1708-telkomsel', maxLength: 63 })
  @Matches(CLIENT_ID_PATTERN, worded('validation.clientId'))
  id!: string;
}

/** SYSADMIN registers the systems that file complaints for citizens, and manages their keys. */
@ApiTags('integration clients')
@ApiBearerAuth()
@ApiCommonErrors()
@Roles('SYSADMIN')
@Controller({ path: 'integration-clients', version: '1' })
export class IntegrationClientsController {
  constructor(private readonly clients: IntegrationClientsService) {}

  @Post()
  @Audited({ action: 'register-integration-client' })
  @ApiOperation({ summary: 'Register an SMS gateway, partner app or Open311 app; its API key is in this answer only — role: SYSADMIN' })
  @ApiCreatedResponse({ type: IssuedApiKeyView })
  @ApiErrors(400, [409, 'A client with this ID exists'], 413)
  register(@Body() dto: RegisterIntegrationClientDto): Promise<IssuedApiKeyView> {
    return this.clients.register(dto);
  }

  @Get()
  @ApiOperation({ operationId: 'listIntegrationClients', summary: 'Registered integrations (never their keys) — role: SYSADMIN' })
  @ApiOkResponse({ type: [IntegrationClientView] })
  list(): Promise<IntegrationClientView[]> {
    return this.clients.list();
  }

  @Post(':id/rotate-key')
  @HttpCode(HttpStatus.OK)
  @Audited({ action: 'rotate-integration-key' })
  @ApiOperation({ summary: 'Issue a new key; the old one stops working at once — role: SYSADMIN' })
  @ApiOkResponse({ type: IssuedApiKeyView })
  @ApiErrors(400, [404, 'No such client'])
  rotateKey(@Param() { id }: IntegrationClientIdParam): Promise<IssuedApiKeyView> {
    return this.clients.rotateKey(id);
  }

  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  @Audited({ action: 'deactivate-integration-client' })
  @ApiOperation({ summary: 'Stop accepting its key (complaints it filed stay) — role: SYSADMIN' })
  @ApiOkResponse({ type: IntegrationClientView })
  @ApiErrors(400, [404, 'No such client'])
  deactivate(@Param() { id }: IntegrationClientIdParam): Promise<IntegrationClientView> {
    return this.clients.deactivate(id);
  }
}
