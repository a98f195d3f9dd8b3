import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBase64, IsObject, IsOptional, ValidateNested } from 'class-validator';

/** A payload as the codec server protocol carries it in JSON: metadata values and data base64-encoded. */
export class JsonPayloadDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: 4 * 1024 * 1024 },
    example: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==' },
    description: 'Metadata, each value base64',
  })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, string>;

  @ApiPropertyOptional({ maxLength: 4 * 1024 * 1024, description: 'Data, base64 (the 4 MB codec body limit bounds it)' })
  @IsOptional()
  @IsBase64()
  data?: string;
}

/** Body and answer of POST /codec/decode and /codec/encode (the Temporal codec server protocol). */
export class CodecPayloadsDto {
  @ApiProperty({ type: [JsonPayloadDto] })
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => JsonPayloadDto)
  payloads!: JsonPayloadDto[];
}
