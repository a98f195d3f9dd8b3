import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { TRACKING_ID_PATTERN } from '../tracking-id.js';
import { worded } from '../../i18n/validation-messages.js';

export class TrackingIdParam {
  // The pattern comes from the validator (src/openapi/validator-limits.ts); it fixes the length too.
  @ApiProperty({ example: 'LPR-7K3M-9Q2X', maxLength: 13 })
  @Matches(TRACKING_ID_PATTERN, worded('validation.trackingId'))
  trackingId!: string;
}
