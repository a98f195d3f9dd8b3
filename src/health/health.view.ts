import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';

const INDICATORS: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'object', required: ['status'], properties: { status: { type: 'string', example: 'up' } }, additionalProperties: true },
  example: { database: { status: 'up' }, temporal: { status: 'up' } },
};

/** @nestjs/terminus's health check result. */
export class HealthView {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'], example: 'ok' }) status!: string;
  @ApiPropertyOptional({ ...INDICATORS, description: 'Checks that are up' }) info?: Record<string, unknown>;
  @ApiPropertyOptional({ ...INDICATORS, description: 'Checks that are down' }) error?: Record<string, unknown>;
  @ApiProperty({ ...INDICATORS, description: 'Every check' }) details!: Record<string, unknown>;
}
