import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { CLIENT_ID_PATTERN } from './api-key.js';
import { INTEGRATION_CHANNELS, type IntegrationChannel } from './integration-client.js';
import type { IntegrationClientRow } from './integration-clients.repository.js';
import { worded } from '../i18n/validation-messages.js';

export class RegisterIntegrationClientDto {
  @ApiProperty({ example: 'sms-1708-telkomsel', maxLength: 63, description: 'Lower-case letters, digits and dashes, 3 to 63 characters; part of every key' })
  @Matches(CLIENT_ID_PATTERN, worded('validation.clientId'))
  id!: string;

  @ApiProperty({ example: 'SMS 1708 gateway (Telkomsel)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ enum: INTEGRATION_CHANNELS, description: 'The channel of everything it files (OFFLINE is officers only)' })
  @IsIn(INTEGRATION_CHANNELS, worded('validation.integrationChannel'))
  channel!: IntegrationChannel;
}

export class IntegrationClientView {
  @ApiProperty({ example: 'sms-1708-telkomsel' }) id!: string;
  @ApiProperty({ example: 'SMS 1708 gateway (Telkomsel)' }) name!: string;
  @ApiProperty({ enum: INTEGRATION_CHANNELS }) channel!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'When the current key was issued' }) keyIssuedAt!: string;
}

export class IssuedApiKeyView extends IntegrationClientView {
  @ApiProperty({
    example: 'sms-1708-telkomsel.q3Vd…',
    description: 'Shown this once; only its hash is stored. Sent as header X-Api-Key (Open311: the api_key field).',
  })
  apiKey!: string;
}

export function toIntegrationClientView(row: IntegrationClientRow): IntegrationClientView {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    keyIssuedAt: row.keyIssuedAt.toISOString(),
  };
}
