// Encryption of everything Temporal stores for Tenggat (workflow inputs, update arguments, activity
// inputs and results, query answers, failure messages): a PayloadCodec used by the API's client, the
// worker and the scripts, so reporter text is ciphertext to anyone who reads Temporal directly.
import { METADATA_ENCODING_KEY, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error.js';
import { projectRoot } from '../project-root.js';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const CIPHER = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface PayloadKey {
  id: string;
  key: Buffer;
}

/** The Payload message itself: encrypted whole, so its metadata (the encoding) is hidden too. */
const PayloadMessage = proto.temporal.api.common.v1.Payload;

const text = (value: string) => new TextEncoder().encode(value);
const metadataText = (payload: Payload, name: string) => (payload.metadata?.[name] ? Buffer.from(payload.metadata[name]).toString() : undefined);

/**
 * AES-256-GCM over each whole payload (its metadata included), with a fresh 96-bit nonce: data is
 * nonce | ciphertext | tag, and the metadata names the key. The first key encrypts; the others only
 * decrypt, which is how keys rotate. Payloads written before encryption pass through.
 */
export class EncryptionCodec implements PayloadCodec {
  private readonly keys: Map<string, Buffer>;
  private readonly current: PayloadKey;

  constructor(keys: PayloadKey[]) {
    if (keys.length === 0) throw new Error('EncryptionCodec needs at least one key');
    this.current = keys[0];
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv(CIPHER, this.current.key, nonce);
      const sealed = Buffer.concat([cipher.update(PayloadMessage.encode(payload).finish()), cipher.final()]);
      return {
        metadata: { [METADATA_ENCODING_KEY]: text(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: text(this.current.id) },
        data: Buffer.concat([nonce, sealed, cipher.getAuthTag()]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (metadataText(payload, METADATA_ENCODING_KEY) !== ENCRYPTED_ENCODING) return payload;
      const keyId = metadataText(payload, KEY_ID_METADATA) ?? '';
      const key = this.keys.get(keyId);
      if (!key) throw new Error(`payload was encrypted with key '${keyId}', which TEMPORAL_PAYLOAD_KEYS does not hold`);
      const data = Buffer.from(payload.data ?? []);
      const decipher = createDecipheriv(CIPHER, key, data.subarray(0, NONCE_BYTES));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(data.subarray(NONCE_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return PayloadMessage.decode(plain);
    });
  }
}

/** The compiled failure converter (failure-converter.ts): the SDK loads converters by path. */
export const FAILURE_CONVERTER_PATH = join(projectRoot(), 'dist', 'src', 'temporal', 'failure-converter.cjs');

/**
 * The data converter of every Temporal client and worker of Tenggat: payloads through the encryption
 * codec, and failure messages and stack traces moved into an encoded payload too (they can quote input).
 * The workflow bundle is built with the same failure converter (scripts/build-workflow-bundle.ts).
 */
export function tenggatDataConverter(keys: PayloadKey[]): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keys)], failureConverterPath: FAILURE_CONVERTER_PATH };
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** TEMPORAL_PAYLOAD_KEYS: "id:base64,id:base64", each key 32 bytes; the first encrypts. */
export function parsePayloadKeys(spec: string): PayloadKey[] {
  const refuse = (problem: string): never => {
    throw new ConfigError({ TEMPORAL_PAYLOAD_KEYS: problem });
  };
  const entries = spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) refuse('give at least one key as "id:base64 of 32 random bytes" (e.g. from: openssl rand -base64 32)');
  const keys = entries.map((entry) => {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, Math.max(separator, 0));
    if (!KEY_ID.test(id)) refuse(`'${id}' is not a key ID: 1 to 64 letters, digits, dots, dashes or underscores before the colon`);
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (key.length !== 32) refuse(`key '${id}' is ${key.length} bytes; AES-256 needs 32 (base64 of 32 random bytes)`);
    return { id, key };
  });
  const ids = keys.map((k) => k.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) refuse(`key ID '${repeated}' appears twice`);
  return keys;
}

/**
 * Outside production, without TEMPORAL_PAYLOAD_KEYS: one fixed, publicly known key, so the processes of
 * one development machine agree. It hides nothing from anyone who reads this file; production must set its own.
 */
export const developmentPayloadKeys = (): PayloadKey[] => [{ id: 'development', key: createHash('sha256').update('tenggat development payload key').digest() }];

/** The development key as TEMPORAL_PAYLOAD_KEYS spells it, for processes started in production mode by tests. */
export const developmentPayloadKeysSpec = (): string => developmentPayloadKeys().map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');

/** The keys TEMPORAL_PAYLOAD_KEYS names, or the development key when it is unset (production refuses that at boot). */
export const payloadKeysFrom = (spec: string | undefined): PayloadKey[] => (spec ? parsePayloadKeys(spec) : developmentPayloadKeys());
