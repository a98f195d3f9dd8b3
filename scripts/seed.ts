// npm run db:seed: loads the reference agencies of the whole country (config/reference/agencies.json, also
// loaded by every migration run), the demo agencies (config/agencies.json: kemendagri and kemenkes are
// reference ministries, with demo days off; pemkot-bandung, pemprov-sulsel, pemkot-denpasar and pemprov-papua
// are demo stand-ins carrying the area code of the government they play) and the demo officers with their
// units (config/officers.json, password DEMO_PASSWORD or tenggat-demo) into DATABASE_URL; safe to repeat.
// With NODE_ENV=production only the agencies: no demo officer and no demo password ever reach production,
// where the first account comes from npm run admin:bootstrap.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { prismaAdapter } from '../src/database/database-url.js';
import { PrismaClient } from '../src/generated/prisma/client.js';
import { projectRoot } from '../src/project-root.js';
import { hashSecret } from '../src/auth/passwords.js';
import type { Role } from '../src/auth/officer.js';
import { loadSlaPolicy } from '../src/policy/sla-policy.js';
import { describeUncovered, uncoveredReceivers } from '../src/policy/receiver-coverage.js';
import { loadReferenceAgencies } from '../src/areas/reference-agencies.js';
import { loadReferenceAgenciesAt } from '../src/database/reference-agencies-loader.js';

interface AgencySeed {
  id: string;
  name: string;
  timeZone: string;
  /** The area a demo stand-in plays (the reference government of that area has its own ID). */
  areaCode?: string;
  provinceCode?: string;
  daysOff?: { date: string; reason: string }[];
}

interface OfficerSeeds {
  units: { id: string; agencyId: string; name: string; parentUnitId?: string }[];
  officers: { id: string; username: string; displayName: string; role: Role; agencyId?: string; unitId?: string; supervisorId?: string }[];
}

export const DEFAULT_DEMO_PASSWORD = 'tenggat-demo';

const readConfig = <T>(file: string): T => JSON.parse(readFileSync(join(projectRoot(), 'config', file), 'utf8')) as T;

/** The demo data must give every escalation a receiver: refuse to seed data that would not. */
function assertEveryReceiverHeld(agencies: AgencySeed[], officers: OfficerSeeds['officers']): void {
  const policy = loadSlaPolicy(resolve(projectRoot(), process.env.SLA_POLICY_FILE ?? join('config', 'sla-policy.json')));
  const accounts = officers.map((o) => ({ role: o.role, agencyId: o.agencyId ?? null }));
  const uncovered = uncoveredReceivers(policy.all(), agencies.map((a) => a.id), accounts);
  if (uncovered.length) throw new Error(`config/officers.json leaves escalations without a receiver:\n${uncovered.map(describeUncovered).join('\n')}`);
}

/** Whether the demo officers may be seeded: never in production. */
export const demoOfficersAllowed = (env: NodeJS.ProcessEnv = process.env): boolean => env.NODE_ENV !== 'production';

export async function seedAgencies(databaseUrl: string, demoPassword = process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD): Promise<number> {
  const agencies = readConfig<AgencySeed[]>('agencies.json');
  const withOfficers = demoOfficersAllowed();
  const { units, officers } = withOfficers ? readConfig<OfficerSeeds>('officers.json') : { units: [], officers: [] };
  if (withOfficers) assertEveryReceiverHeld(agencies, officers);
  const reference = new Set(loadReferenceAgencies().agencies.map((a) => a.id));
  const referenceAgencies = reference.size;
  await loadReferenceAgenciesAt(databaseUrl);
  const prisma = new PrismaClient({ adapter: prismaAdapter(databaseUrl, 1) });
  try {
    for (const { daysOff = [], ...agency } of agencies) {
      await prisma.agency.upsert({ where: { id: agency.id }, create: agency, update: agency });
      await prisma.agencyDayOff.createMany({
        data: daysOff.map((d) => ({ agencyId: agency.id, date: new Date(`${d.date}T00:00:00Z`), reason: d.reason })),
        skipDuplicates: true,
      });
    }
    for (const unit of units) await prisma.unit.upsert({ where: { id: unit.id }, create: unit, update: unit });
    const seeded = referenceAgencies + agencies.filter((a) => !reference.has(a.id)).length;
    if (!withOfficers) return seeded;
    const passwordHash = await hashSecret(demoPassword);
    // Supervisors first: the chain refers to them.
    for (const { supervisorId: _setBelow, ...officer } of officers) {
      await prisma.user.upsert({ where: { id: officer.id }, create: { ...officer, passwordHash }, update: officer });
    }
    for (const { id, supervisorId } of officers) {
      if (supervisorId) await prisma.user.update({ where: { id }, data: { supervisorId } });
    }
    return seeded;
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
  const seeded = await seedAgencies(url);
  console.log(
    demoOfficersAllowed()
      ? `seeded ${seeded} agencies (reference and demo) and the demo officers (config/officers.json)`
      : `seeded ${seeded} agencies; no demo officers in production (create the first SYSADMIN with npm run admin:bootstrap)`,
  );
}
