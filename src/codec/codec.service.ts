import { Injectable } from '@nestjs/common';
import type { Payload } from '@temporalio/common';
import { InvalidFieldError } from '../common/domain-errors.js';
import { AppConfig } from '../config/app-config.js';
import { EncryptionCodec } from '../temporal/payload-codec.js';
import type { CodecPayloadsDto, JsonPayloadDto } from './codec.dto.js';
import { message } from '../i18n/messages.js';

/** The codec server: the same encryption the API and workers use, over the JSON payload format. */
@Injectable()
export class CodecService {
  private readonly codec: EncryptionCodec;

  constructor(config: AppConfig) {
    this.codec = new EncryptionCodec(config.temporalPayloadKeys);
  }

  async decode({ payloads }: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    const decoded: Payload[] = [];
    for (const [i, payload] of payloads.map(fromJson).entries()) {
      try {
        decoded.push(...(await this.codec.decode([payload])));
      } catch (error) {
        throw new InvalidFieldError(`payloads[${i}]`, message('field.notDecrypted', { reason: (error as Error).message }));
      }
    }
    return { payloads: decoded.map(toJson) };
  }

  async encode({ payloads }: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    return { payloads: (await this.codec.encode(payloads.map(fromJson))).map(toJson) };
  }
}

function fromJson(payload: JsonPayloadDto, index: number): Payload {
  const metadata: Record<string, Uint8Array> = {};
  for (const [key, value] of Object.entries(payload.metadata ?? {})) {
    if (typeof value !== 'string') throw new InvalidFieldError(`payloads[${index}].metadata.${key}`, message('field.notBase64'));
    metadata[key] = Buffer.from(value, 'base64');
  }
  return { metadata, data: Buffer.from(payload.data ?? '', 'base64') };
}

function toJson(payload: Payload): JsonPayloadDto {
  return {
    metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value ?? []).toString('base64')])),
    data: Buffer.from(payload.data ?? []).toString('base64'),
  };
}
