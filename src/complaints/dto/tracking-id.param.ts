import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { TRACKING_ID_PATTERN } from '../tracking-id.js';
import { worded } from '../../i18n/validation-messages.js';

export class TrackingIdParam {
  @ApiProperty({ example: 'LPR-7K3M-9Q2X' })
  @Matches(TRACKING_ID_PATTERN, worded('validation.trackingId'))
  trackingId!: string;
}
