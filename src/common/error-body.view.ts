import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTION_NAMES, COMPLAINT_STATES, type ComplaintAction, type ComplaintState } from '../../workflows/messages.js';

/** Longest message list a validation refusal carries (one entry per failed constraint). */
export const MAX_ERROR_MESSAGES = 100;

/** An official regency/city (or district, or village) a refused place could have meant. */
export class PlaceCandidateView {
  @ApiProperty({ type: String, maxLength: 8, example: '32.73', description: 'Official area code' }) areaCode!: string;
  @ApiProperty({ type: String, maxLength: 120, example: 'Kota Bandung' }) name!: string;
  @ApiProperty({ type: String, maxLength: 250, example: 'Jawa Barat', description: 'Where it lies: the province of a regency/city; the regency/city and province of a district; the district, regency/city and province of a village' })
  within!: string;
}

/** Every error answer of the JSON API, as AllExceptionsFilter writes it (Open311 has its own list). */
export class ErrorBodyView {
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 409, description: 'The HTTP status, repeated' })
  statusCode!: number;

  @ApiProperty({ type: String, maxLength: 64, example: 'Conflict', description: 'The status in words' })
  error!: string;

  @ApiProperty({
    oneOf: [
      { type: 'string', maxLength: 4000 },
      { type: 'array', items: { type: 'string', maxLength: 4000 }, maxItems: MAX_ERROR_MESSAGES },
    ],
    example: 'cannot verify: complaint is CLOSED; allowed actions: none',
    description: 'What went wrong; validation refusals list one message per field problem, each naming the field',
  })
  message!: string | string[];

  @ApiPropertyOptional({ enum: COMPLAINT_STATES, example: 'CLOSED', description: '409 on a lifecycle action: the state the complaint is in' })
  state?: ComplaintState;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', enum: [...ACTION_NAMES] },
    maxItems: ACTION_NAMES.length,
    example: [],
    description: '409 on a lifecycle action: what the current state allows',
  })
  allowedActions?: ComplaintAction[];

  @ApiPropertyOptional({
    type: String,
    maxLength: 128,
    example: 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    description: '500 and 503: the request ID to quote to the operator (the same as in the logs)',
  })
  requestId?: string;

  @ApiPropertyOptional({
    type: () => PlaceCandidateView,
    isArray: true,
    maxItems: 5,
    description: '400 on a place (location.regency, location.district, location.village, address_string, the SMS LAPOR#<regency># prefix) that names no single official regency/city, district or village: the nearest ones, to choose from',
  })
  candidates?: PlaceCandidateView[];
}
