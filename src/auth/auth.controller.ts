import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AnonymousRateLimitGuard } from './anonymous-rate-limit.guard.js';
import { AuthService } from './auth.service.js';
import { CurrentOfficer, Public } from './auth.decorators.js';
import { LoginDto, LoginView, OfficerView } from './login.dto.js';
import type { Officer } from './officer.js';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(AnonymousRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Officer sign-in: a bearer token for the other endpoints (safe to repeat; Idempotency-Key not needed)' })
  @ApiOkResponse({ type: LoginView })
  @ApiUnauthorizedResponse({ description: 'Username or password is wrong, or the account is not active' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  login(@Body() dto: LoginDto): Promise<LoginView> {
    return this.auth.login(dto.username, dto.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in officer: ID, role, agency and unit' })
  @ApiOkResponse({ type: OfficerView })
  me(@CurrentOfficer() officer: Officer): OfficerView {
    return officer;
  }
}
