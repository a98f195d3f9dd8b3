import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';

const unitSelect = { id: true, name: true, parentUnitId: true, agencyId: true } satisfies Prisma.UnitSelect;

const agencySelect = {
  id: true,
  name: true,
  timeZone: true,
  kind: true,
  areaCode: true,
  provinceCode: true,
  createdAt: true,
  units: { select: unitSelect, orderBy: [{ name: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.AgencySelect;

export type AgencyRow = Prisma.AgencyGetPayload<{ select: typeof agencySelect }>;
export type UnitRow = Prisma.UnitGetPayload<{ select: typeof unitSelect }>;

/** Agencies (K/L/D) and their units: the pickers' reference data and SYSADMIN's administration of them. */
@Injectable()
export class AgenciesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Every agency with its units, by name. Two flat queries joined here: with the whole country (~620
   * agencies, their units) about half the time of Prisma's nested relation load (bench: agencyScale).
   */
  async list(): Promise<AgencyRow[]> {
    const { units: _units, ...flat } = agencySelect;
    const [agencies, units] = await Promise.all([
      this.prisma.agency.findMany({ select: flat, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
      this.prisma.unit.findMany({ select: unitSelect, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    ]);
    const unitsOf = new Map<string, UnitRow[]>();
    for (const unit of units) unitsOf.set(unit.agencyId, [...(unitsOf.get(unit.agencyId) ?? []), unit]);
    return agencies.map((a) => ({ ...a, units: unitsOf.get(a.id) ?? [] }));
  }

  /**
   * The agencies of an area (`32.73` a regency/city, `32` a province): its reference government first,
   * then any demo stand-in playing it (the demo officers sit there).
   */
  async byAreaCode(areaCode: string): Promise<AgencyRow[]> {
    const rows = await this.prisma.agency.findMany({ where: { areaCode }, select: agencySelect, orderBy: { id: 'asc' } });
    return rows.sort((a, b) => Number(a.kind === null) - Number(b.kind === null));
  }

  /** Demo stand-ins (agencies without a kind) playing the governments of these area codes. */
  standInsFor(areaCodes: string[]): Promise<{ id: string; name: string; timeZone: string; areaCode: string | null }[]> {
    return this.prisma.agency.findMany({
      where: { areaCode: { in: areaCodes }, kind: null },
      select: { id: true, name: true, timeZone: true, areaCode: true },
      orderBy: { id: 'asc' },
    });
  }

  byId(id: string): Promise<AgencyRow | null> {
    return this.prisma.agency.findUnique({ where: { id }, select: agencySelect });
  }

  create(agency: { id: string; name: string; timeZone: string }): Promise<AgencyRow> {
    return this.prisma.agency.create({ data: agency, select: agencySelect });
  }

  update(id: string, change: { name?: string; timeZone?: string }): Promise<AgencyRow> {
    return this.prisma.agency.update({ where: { id }, data: change, select: agencySelect });
  }

  /** Complaints ever disposed to the agency: their deadlines were counted in its zone. */
  complaintCount(agencyId: string): Promise<number> {
    return this.prisma.complaint.count({ where: { agencyId } });
  }

  unit(id: string): Promise<UnitRow | null> {
    return this.prisma.unit.findUnique({ where: { id }, select: unitSelect });
  }

  createUnit(unit: { id: string; agencyId: string; name: string; parentUnitId: string | null }): Promise<UnitRow> {
    return this.prisma.unit.create({ data: unit, select: unitSelect });
  }
}
