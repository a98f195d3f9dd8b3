// npm run db:seed: loads reference agencies (config/agencies.json) into DATABASE_URL; safe to repeat.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prismaAdapter } from '../src/database/database-url.js';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { projectRoot } from '../src/project-root.js';

interface AgencySeed {
  id: string;
  name: string;
  timeZone: string;
  daysOff?: { date: string; reason: string }[];
}

export async function seedAgencies(databaseUrl: string): Promise<number> {
  const agencies: AgencySeed[] = JSON.parse(readFileSync(join(projectRoot(), 'config', 'agencies.json'), 'utf8'));
  const prisma = new PrismaClient({ adapter: prismaAdapter(databaseUrl, 1) });
  try {
    for (const { daysOff = [], ...agency } of agencies) {
      await prisma.agency.upsert({ where: { id: agency.id }, create: agency, update: agency });
      await prisma.agencyDayOff.createMany({
        data: daysOff.map((d) => ({ agencyId: agency.id, date: new Date(`${d.date}T00:00:00Z`), reason: d.reason })),
        skipDuplicates: true,
      });
    }
    return agencies.length;
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is required');
    process.exit(2);
  }
  console.log(`seeded ${await seedAgencies(url)} agencies`);
}
