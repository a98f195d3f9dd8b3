import { Controller, Get, Header, Headers, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { OwnAuthorization } from '../auth/auth.decorators.js';
import { message } from '../i18n/messages.js';
import { AppConfig } from '../config/app-config.js';
import { MetricsService } from './metrics.service.js';

/**
 * Prometheus scrape endpoint: fixed-enum labels only, no personal data. Open like /health unless
 * METRICS_TOKEN is set; then Prometheus sends it as a bearer token. Not part of the public API document.
 */
@ApiExcludeController()
@OwnAuthorization()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', MetricsService.contentType)
  @Header('Cache-Control', 'no-store')
  scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    if (this.config.metricsToken && !bearerMatches(authorization, this.config.metricsToken)) {
      throw new UnauthorizedException(message('auth.metricsToken'));
    }
    return this.metrics.scrape();
  }
}

function bearerMatches(authorization: string | undefined, token: string): boolean {
  const sent = Buffer.from(authorization?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}
