// Builds the API exactly as main.ts does (createApp), against the stack from global setup.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client, Connection } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';
import { PrismaService } from '../../src/database/prisma.service.js';
import { tenggatDataConverter } from '../../src/temporal/payload-codec.js';
import type { Prisma } from '../../src/generated/prisma/client.js';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  prisma: PrismaService;
  temporal: Client;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  // Tests submit many complaints from one address; the rate-limit test sets its own limit. Tests assert
  // English texts unless they ask otherwise (DEFAULT_LOCALE or Accept-Language); the product default is id.
  const config = loadConfig({ ...process.env, MIGRATE_ON_BOOT: 'false', ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000', DEFAULT_LOCALE: 'en', ...env });
  const app = await createApp(config);
  await app.init();
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  return {
    app,
    http: app.getHttpServer(),
    prisma: app.get(PrismaService),
    // Reads what the app's client and worker encrypt (queries, results), as the API itself does.
    temporal: new Client({ connection, dataConverter: tenggatDataConverter(config.temporalPayloadKeys) }),
    async close() {
      await connection.close();
      await app.close();
    },
  };
}

/** Agencies of this test file only, with unique IDs, in each of the three zones. */
export async function createAgencies(prisma: PrismaService) {
  const suffix = randomBytes(3).toString('hex');
  const agencies = {
    jakarta: { id: `kemendagri-${suffix}`, name: 'Kementerian Dalam Negeri', timeZone: 'Asia/Jakarta' },
    makassar: { id: `pemprov-sulsel-${suffix}`, name: 'Pemerintah Provinsi Sulawesi Selatan', timeZone: 'Asia/Makassar' },
    jayapura: { id: `pemprov-papua-${suffix}`, name: 'Pemerintah Provinsi Papua', timeZone: 'Asia/Jayapura' },
  };
  await prisma.agency.createMany({ data: Object.values(agencies) });
  return agencies;
}

/** A valid complaint body; tests override what they exercise. */
export function complaintBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Pengurusan KTP-el tidak selesai setelah 3 bulan',
    chronology: 'Saya mengajukan KTP-el pada 2 Agustus di Disdukcapil; sampai kini belum dicetak.',
    occurredAt: '2026-08-02T09:00:00+07:00',
    location: { regency: 'Kota Bandung' },
    classification: 'COMPLAINT',
    channel: 'WEB',
    anonymous: false,
    confidential: false,
    reporter: { name: 'Siti Rahmawati', phone: '+6281234567890', email: 'siti@example.id', nik: '3273012345678901' },
    ...overrides,
  };
}

/**
 * A complaint row written straight to PostgreSQL, as the API stores it before starting its workflow (a
 * test then decides whether that workflow ever existed). Unique tracking ID; `overrides` for the rest.
 */
export function insertComplaintRow(prisma: PrismaService, overrides: Partial<Prisma.ComplaintUncheckedCreateInput> = {}) {
  const trackingId = `LPR-${randomBytes(2).toString('hex').toUpperCase()}-${randomBytes(2).toString('hex').toUpperCase()}`;
  return prisma.complaint.create({
    data: {
      id: randomUUID(),
      trackingId,
      workflowId: `complaint-${trackingId}`,
      title: 'Jalan berlubang',
      chronology: 'Lubang besar sejak Januari.',
      occurredAt: new Date(Date.now() - 86_400_000),
      regency: 'Kota Bandung',
      classification: 'COMPLAINT',
      channel: 'WEB',
      anonymous: false,
      confidential: false,
      policyVersion: '2026.1',
      submittedAt: new Date(),
      ...overrides,
    },
  });
}

/** Polls `probe` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
