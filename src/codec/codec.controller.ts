import { Body, Controller, HttpCode, HttpStatus, Post, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors, ApiErrors } from '../openapi/api-errors.decorator.js';
import type { Response } from 'express';
import { Audited } from '../audit/audited.decorator.js';
import { AcceptsSessionCookie, Roles } from '../auth/auth.decorators.js';
import { CODEC_SESSION_COOKIE, codecSessionCookie } from '../auth/session-cookie.js';
import { AppConfig } from '../config/app-config.js';
import { CodecPayloadsDto } from './codec.dto.js';
import { CodecService } from './codec.service.js';
import { message } from '../i18n/messages.js';

/**
 * Codec server for the Temporal Web UI and CLI (`--codec-endpoint`): payloads Temporal stores are
 * encrypted, and only AUDITOR and SYSADMIN may have them decoded here; every use is in the audit log.
 * The Web UI sends the session cookie from POST /codec/session ("Include cross-origin credentials");
 * the CLI sends the bearer token. CORS admits the Web UI's origin only (TEMPORAL_UI_URL).
 */
@ApiTags('codec')
@ApiBearerAuth()
@ApiCommonErrors()
@ApiErrors([413, 'Body larger than the 4 MB codec limit'])
@Roles('AUDITOR', 'SYSADMIN')
@AcceptsSessionCookie()
@Controller('codec')
export class CodecController {
  constructor(
    private readonly codec: CodecService,
    private readonly config: AppConfig,
  ) {}

  @Post('decode')
  @HttpCode(HttpStatus.OK)
  @Audited({ action: 'PAYLOADS_DECODED' })
  @ApiOperation({ summary: 'Decrypt payloads (Temporal codec server protocol) — roles: AUDITOR, SYSADMIN' })
  @ApiHeader({ name: 'X-Namespace', required: false, description: 'Sent by the Web UI; recorded with the audit entry', schema: { type: 'string', maxLength: 255 } })
  @ApiOkResponse({ type: CodecPayloadsDto })
  @ApiErrors(400)
  decode(@Body() body: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    return this.codec.decode(body);
  }

  @Post('encode')
  @HttpCode(HttpStatus.OK)
  @Audited({ action: 'PAYLOADS_ENCODED' })
  @ApiOperation({ summary: 'Encrypt payloads (for the CLI: signals or queries typed by hand) — roles: AUDITOR, SYSADMIN' })
  @ApiOkResponse({ type: CodecPayloadsDto })
  @ApiErrors(400)
  encode(@Body() body: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    return this.codec.encode(body);
  }

  @Post('session')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audited({ action: 'CODEC_SESSION_OPENED' })
  @ApiOperation({
    summary: `Sets the ${CODEC_SESSION_COOKIE} cookie (HttpOnly, SameSite=Strict, path /codec) so the Temporal Web UI can call the codec with "Include cross-origin credentials" — roles: AUDITOR, SYSADMIN`,
  })
  @ApiNoContentResponse({ description: 'The cookie is set (Set-Cookie)' })
  openSession(@Res({ passthrough: true }) res: Response): void {
    const token = /^Bearer\s+(\S+)$/i.exec(res.req.headers.authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedException(message('auth.codecSession'));
    res.setHeader('Set-Cookie', codecSessionCookie(token, this.config.authTokenTtlSeconds, res.req.secure));
  }
}
