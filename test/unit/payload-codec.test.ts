import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../../src/config/app-config.js';
import { ENCRYPTED_ENCODING, EncryptionCodec, KEY_ID_METADATA, parsePayloadKeys } from '../../src/temporal/payload-codec.js';

const key = (id: string) => ({ id, key: randomBytes(32) });
const payload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value)!;
const text = (p: Payload) => Buffer.from(p.data!).toString('utf8');
const metadata = (p: Payload, name: string) => Buffer.from(p.metadata![name]!).toString();

describe('EncryptionCodec (AES-256-GCM)', () => {
  const current = key('2026-11');
  const previous = key('2026-05');

  it('encrypts each payload whole, naming the key, and decodes it back', async () => {
    const codec = new EncryptionCodec([current]);
    const original = payload({ answer: 'Jalan sudah diperbaiki pada 3 Desember' });
    const [encrypted] = await codec.encode([original]);
    expect(metadata(encrypted, 'encoding')).toBe(ENCRYPTED_ENCODING);
    expect(metadata(encrypted, KEY_ID_METADATA)).toBe('2026-11');
    expect(text(encrypted)).not.toContain('diperbaiki');
    expect(JSON.stringify(encrypted.metadata)).not.toContain('json/plain');
    const [decoded] = await codec.decode([encrypted]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual({ answer: 'Jalan sudah diperbaiki pada 3 Desember' });
  });

  it('uses a fresh nonce each time: the same value never encrypts the same way twice', async () => {
    const codec = new EncryptionCodec([current]);
    const [a] = await codec.encode([payload('sama')]);
    const [b] = await codec.encode([payload('sama')]);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
  });

  it('rotates keys: encrypts with the first, still decrypts what older keys wrote', async () => {
    const [old] = await new EncryptionCodec([previous]).encode([payload('lama')]);
    const rotated = new EncryptionCodec([current, previous]);
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([old]))[0])).toBe('lama');
    const [fresh] = await rotated.encode([payload('baru')]);
    expect(metadata(fresh, KEY_ID_METADATA)).toBe('2026-11');
  });

  it('fails loudly on a key it does not hold, and on tampered ciphertext', async () => {
    const [old] = await new EncryptionCodec([previous]).encode([payload('lama')]);
    await expect(new EncryptionCodec([current]).decode([old])).rejects.toThrow(/key '2026-05'/);
    const tampered = { ...old, data: Uint8Array.from(old.data!, (byte, i) => (i === 20 ? byte ^ 1 : byte)) };
    await expect(new EncryptionCodec([previous]).decode([tampered])).rejects.toThrow(/unable to authenticate data/);
  });

  it('passes through payloads written before encryption was turned on', async () => {
    const plain = payload({ trackingId: 'LPR-7K3M-9Q2X' });
    const [decoded] = await new EncryptionCodec([current]).decode([plain]);
    expect(decoded).toBe(plain);
  });
});

describe('parsePayloadKeys (TEMPORAL_PAYLOAD_KEYS)', () => {
  const b64 = () => randomBytes(32).toString('base64');

  it('reads "id:base64" pairs, the first being the key that encrypts', () => {
    const keys = parsePayloadKeys(`2026-11:${b64()}, 2026-05:${b64()}`);
    expect(keys.map((k) => k.id)).toEqual(['2026-11', '2026-05']);
    expect(keys.every((k) => k.key.length === 32)).toBe(true);
  });

  it.each([
    ['an empty list', ''],
    ['a key that is not 32 bytes', `k1:${randomBytes(16).toString('base64')}`],
    ['a pair without id', `:${randomBytes(32).toString('base64')}`],
    ['a repeated id', `k1:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`],
    ['an id with odd characters', `k 1:${randomBytes(32).toString('base64')}`],
  ])('refuses %s, naming the variable', (_, spec) => {
    expect(() => parsePayloadKeys(spec)).toThrow(ConfigError);
    expect(() => parsePayloadKeys(spec)).toThrow(/TEMPORAL_PAYLOAD_KEYS/);
  });
});
