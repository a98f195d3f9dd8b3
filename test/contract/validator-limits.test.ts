// What each class-validator decorator adds to a request schema (src/openapi/validator-limits.ts).
import { ArrayMaxSize, IsEmail, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { addBodyLimits } from '../../src/openapi/validator-limits.js';

class ValidatorLimitsProbe {
  @IsString() @IsNotEmpty() @MaxLength(64) text!: string;
  @Length(1, 4000) described!: string;
  @Matches(/^\+?[0-9]{8,15}$/) phone!: string;
  @IsInt() @Min(1) @Max(5) rating!: number;
  @IsIn(['open', 'closed']) status!: string;
  @IsEmail() email!: string;
  @IsUUID('4') id!: string;
  @ArrayMaxSize(10) @MaxLength(13, { each: true }) ids!: string[];
  /** Received as text, parsed into a list: the list's validators do not describe the text. */
  @ArrayMaxSize(10) @Matches(/^LPR-/, { each: true }) commaList!: string;
  /** Documented as a number: string keywords do not apply. */
  @MaxLength(3) count!: number;
}

const string = { type: 'string' } as const;

describe('validator limits in request schemas', () => {
  const schema = {
    type: 'object',
    properties: {
      text: { ...string },
      described: { ...string },
      phone: { ...string },
      rating: { type: 'number' },
      status: { ...string },
      email: { ...string },
      id: { ...string },
      ids: { type: 'array', items: { ...string } },
      commaList: { ...string },
      count: { type: 'number' },
    },
  };
  addBodyLimits({ [ValidatorLimitsProbe.name]: schema });

  it.each([
    ['text', { type: 'string', minLength: 1, maxLength: 64 }],
    ['described', { type: 'string', minLength: 1, maxLength: 4000 }],
    ['phone', { type: 'string', pattern: '^\\+?[0-9]{8,15}$' }],
    ['rating', { type: 'integer', format: 'int32', minimum: 1, maximum: 5 }],
    ['status', { type: 'string', enum: ['open', 'closed'] }],
    ['email', { type: 'string', format: 'email' }],
    ['id', { type: 'string', format: 'uuid' }],
    ['ids', { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 13 } }],
    ['commaList', { type: 'string' }],
    ['count', { type: 'number' }],
  ])('%s', (property, expected) => {
    expect(schema.properties[property as keyof typeof schema.properties]).toEqual(expected);
  });
});
