import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, PrismaHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators.js';
import { PrismaService } from '../database/prisma.service.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { ApiCommonErrors, ApiErrors } from '../openapi/api-errors.decorator.js';
import { HealthView } from './health.view.js';

const CHECK_TIMEOUT_MS = 2000;

@ApiTags('health')
@Public()
@ApiCommonErrors()
// The answers are documented here: terminus's own 503 schema is not what the exception filter sends.
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly prismaIndicator: PrismaHealthIndicator,
    private readonly prisma: PrismaService,
    private readonly temporal: TemporalClientService,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthView })
  live() {
    return this.health.check([]);
  }

  /** Readiness: PostgreSQL and Temporal both answer. */
  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Temporal both answer' })
  @ApiOkResponse({ type: HealthView })
  @ApiErrors([503, 'PostgreSQL or Temporal does not answer'])
  ready() {
    return this.health.check([
      () => this.prismaIndicator.pingCheck('database', this.prisma).withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('temporal')
          .attempt(() => this.temporal.ping())
          .withTimeout(CHECK_TIMEOUT_MS),
    ]);
  }
}
