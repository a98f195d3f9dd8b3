// Officer accounts for a test file: every agency role in each of the file's agencies, plus the
// national roles, each with a signed bearer token (signing directly spares argon2 per login).
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import type { Officer, Role } from '../../src/auth/officer.js';
import { hashSecret } from '../../src/auth/passwords.js';
import type { TestApp } from './app.js';

export const TEST_PASSWORD = 'tenggat-test-password';

export interface TestOfficer extends Officer {
  username: string;
  token: string;
  /** `Authorization` header for supertest's `.set(...)`. */
  auth: { Authorization: string };
}

export const AGENCY_ROLE_NAMES = ['AGENCY_ADMIN', 'LIAISON', 'SUPERVISOR', 'COMPLAINT_MANAGER'] as const;
export const NATIONAL_ROLE_NAMES = ['VERIFIER', 'OMBUDSMAN', 'AUDITOR', 'SYSADMIN'] as const;

export interface AgencyOfficers {
  AGENCY_ADMIN: TestOfficer;
  LIAISON: TestOfficer;
  SUPERVISOR: TestOfficer;
  COMPLAINT_MANAGER: TestOfficer;
  /** A liaison of another unit of the same agency. */
  otherUnitLiaison: TestOfficer;
}

export interface Officers {
  national: Record<(typeof NATIONAL_ROLE_NAMES)[number], TestOfficer>;
  /** Supervisor and complaint manager of national verification (complaints not yet disposed). */
  nationalSupervision: { SUPERVISOR: TestOfficer; COMPLAINT_MANAGER: TestOfficer };
  byAgency: Record<string, AgencyOfficers>;
  /** The officer of `role` for a complaint at `agencyId` (national roles ignore the agency). */
  forRole(role: Role, agencyId: string | null): TestOfficer;
}

export async function createOfficers(t: TestApp, agencyIds: string[]): Promise<Officers> {
  const suffix = randomBytes(3).toString('hex');
  const passwordHash = await hashSecret(TEST_PASSWORD);
  const jwt = t.app.get(JwtService);
  const make = async (role: Role, agencyId: string | null, unitId: string | null, name: string, supervisorId: string | null = null): Promise<TestOfficer> => {
    const id = `usr-${name}-${suffix}`;
    await t.prisma.user.create({ data: { id, username: id, passwordHash, displayName: name, role, agencyId, unitId, supervisorId } });
    const token = await jwt.signAsync({ sub: id, role });
    return { id, displayName: name, role, agencyId, unitId, username: id, token, auth: { Authorization: `Bearer ${token}` } };
  };
  const national = {} as Officers['national'];
  for (const role of NATIONAL_ROLE_NAMES) national[role] = await make(role, null, null, role.toLowerCase());
  const nationalManager = await make('COMPLAINT_MANAGER', null, null, 'manager-national');
  const nationalSupervision = {
    COMPLAINT_MANAGER: nationalManager,
    SUPERVISOR: await make('SUPERVISOR', null, null, 'supervisor-national', nationalManager.id),
  };
  const byAgency: Record<string, AgencyOfficers> = {};
  for (const agencyId of agencyIds) {
    const unit = await t.prisma.unit.create({ data: { id: `unit-${agencyId}-pengaduan`, agencyId, name: 'Bagian Pengaduan' } });
    const otherUnit = await t.prisma.unit.create({ data: { id: `unit-${agencyId}-lain`, agencyId, name: 'Bagian Lain' } });
    const manager = await make('COMPLAINT_MANAGER', agencyId, null, `manager-${agencyId}`);
    const supervisor = await make('SUPERVISOR', agencyId, unit.id, `supervisor-${agencyId}`, manager.id);
    byAgency[agencyId] = {
      COMPLAINT_MANAGER: manager,
      SUPERVISOR: supervisor,
      AGENCY_ADMIN: await make('AGENCY_ADMIN', agencyId, null, `admin-${agencyId}`, manager.id),
      LIAISON: await make('LIAISON', agencyId, unit.id, `liaison-${agencyId}`, supervisor.id),
      otherUnitLiaison: await make('LIAISON', agencyId, otherUnit.id, `liaison2-${agencyId}`),
    };
  }
  return {
    national,
    nationalSupervision,
    byAgency,
    forRole(role, agencyId) {
      if (role in national) return national[role as keyof Officers['national']];
      if (!agencyId && role in nationalSupervision) return nationalSupervision[role as keyof Officers['nationalSupervision']];
      // A complaint not yet disposed: an agency role of the first agency (it will not see the complaint).
      const agency = byAgency[agencyId ?? Object.keys(byAgency)[0]];
      if (!agency) throw new Error(`no ${role} for agency ${agencyId}`);
      return agency[role as keyof AgencyOfficers];
    },
  };
}
