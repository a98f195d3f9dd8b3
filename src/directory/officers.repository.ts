import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../auth/officer.js';

/** What administration shows of an account; never its password hash. */
const officerSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  agencyId: true,
  unitId: true,
  supervisorId: true,
  active: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

export type OfficerRow = Prisma.UserGetPayload<{ select: typeof officerSelect }>;

export interface OfficerFilter {
  role?: Role;
  agencyId?: string;
  unitId?: string;
  active?: boolean;
  /** Part of the display name or username, any case. */
  search?: string;
}

export interface NewOfficer {
  id: string;
  username: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  unitId: string | null;
  supervisorId: string | null;
}

export type OfficerChange = Partial<Pick<NewOfficer, 'displayName' | 'role' | 'agencyId' | 'unitId' | 'supervisorId' | 'passwordHash'>> & { active?: boolean };

/** Thrown inside the transaction: the change would leave no active SYSADMIN. */
export class LastSysadminError extends Error {
  constructor(readonly officerId: string) {
    super(`${officerId} is the last active SYSADMIN: make another officer SYSADMIN first`);
    this.name = 'LastSysadminError';
  }
}

/** Officer accounts: the pickers' lists and SYSADMIN's administration. */
@Injectable()
export class OfficersRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Active officers of `role` per agency, for these agencies (an agency without any is absent). */
  async activeCounts(role: Role, agencyIds: string[]): Promise<Map<string, number>> {
    const groups = await this.prisma.user.groupBy({ by: ['agencyId'], where: { role, active: true, agencyId: { in: agencyIds } }, _count: { _all: true } });
    return new Map(groups.flatMap((g) => (g.agencyId ? [[g.agencyId, g._count._all] as const] : [])));
  }

  /** By display name, then ID; keyset pages after the officer `after`. */
  list(filter: OfficerFilter, page: { after?: string; limit: number }): Promise<OfficerRow[]> {
    return this.prisma.user.findMany({
      select: officerSelect,
      where: officerWhere(filter),
      orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
      take: page.limit,
      ...(page.after ? { cursor: { id: page.after }, skip: 1 } : {}),
    });
  }

  byId(id: string): Promise<OfficerRow | null> {
    return this.prisma.user.findUnique({ where: { id }, select: officerSelect });
  }

  byUsername(username: string): Promise<OfficerRow | null> {
    return this.prisma.user.findUnique({ where: { username }, select: officerSelect });
  }

  create(officer: NewOfficer): Promise<OfficerRow> {
    return this.prisma.user.create({ data: officer, select: officerSelect });
  }

  /**
   * Applies the change; when it takes an active SYSADMIN away (demotion or deactivation), the active
   * SYSADMIN rows are locked first so that two such changes at once cannot remove the last two.
   */
  update(id: string, change: OfficerChange): Promise<OfficerRow> {
    return this.prisma.$transaction(async (tx) => {
      const current = await tx.user.findUniqueOrThrow({ where: { id }, select: { role: true, active: true } });
      const removesSysadmin = current.role === 'SYSADMIN' && current.active && ((change.role ?? 'SYSADMIN') !== 'SYSADMIN' || change.active === false);
      if (removesSysadmin) {
        const active = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE role = 'SYSADMIN' AND active ORDER BY id FOR UPDATE`;
        if (active.every((row) => row.id === id)) throw new LastSysadminError(id);
      }
      return tx.user.update({ where: { id }, data: change, select: officerSelect });
    });
  }
}

function officerWhere({ role, agencyId, unitId, active, search }: OfficerFilter): Prisma.UserWhereInput {
  return {
    role,
    agencyId,
    unitId,
    active,
    ...(search
      ? { OR: [{ displayName: { contains: search, mode: 'insensitive' } }, { username: { contains: search, mode: 'insensitive' } }] }
      : {}),
  };
}
