import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors, ApiErrors } from '../openapi/api-errors.decorator.js';
import type { Request } from 'express';
import { traceOf } from '../common/request-trace.js';
import { RateLimited } from './rate-limit.guard.js';
import { AuthService } from './auth.service.js';
import { CurrentOfficer, Public } from './auth.decorators.js';
import { LoginDto, LoginView, OfficerView } from './login.dto.js';
import type { Officer } from './officer.js';

@ApiTags('auth')
@ApiCommonErrors()
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @RateLimited('address')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Officer sign-in: a bearer token for the other endpoints. After a few wrong passwords for an account, each further try waits (429, Retry-After), the wait doubling; the owner and SYSADMIN are told.',
  })
  @ApiOkResponse({ type: LoginView })
  @ApiErrors(400, [401, 'Username or password is wrong, or the account is not active'], 413)
  login(@Body() dto: LoginDto, @Req() request: Request): Promise<LoginView> {
    return this.auth.login(dto.username, dto.password, { path: request.originalUrl.split('?')[0], address: request.ip ?? 'unknown', ...traceOf(request) });
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in officer: ID, display name, role, agency and unit' })
  @ApiOkResponse({ type: OfficerView })
  me(@CurrentOfficer() officer: Officer): OfficerView {
    return { id: officer.id, displayName: officer.displayName, role: officer.role, agencyId: officer.agencyId, unitId: officer.unitId };
  }
}
