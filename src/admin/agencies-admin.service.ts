import { message, type Message } from '../i18n/messages.js';
import { ConflictException, Injectable } from '@nestjs/common';
import { InvalidFieldError, NotFoundError } from '../common/domain-errors.js';
import { AgenciesRepository, type AgencyRow } from '../directory/agencies.repository.js';
import { Prisma } from '../generated/prisma/client.js';
import type { UnitView } from '../reference/reference.dto.js';
import { toAdminAgencyView, toUnitView, type AdminAgencyView, type CreateAgencyDto, type CreateUnitDto, type UpdateAgencyDto } from './agencies.dto.js';

/** SYSADMIN's administration of agencies and their units. */
@Injectable()
export class AgenciesAdminService {
  constructor(private readonly agencies: AgenciesRepository) {}

  async list(): Promise<AdminAgencyView[]> {
    return (await this.agencies.list()).map(toAdminAgencyView);
  }

  async create(dto: CreateAgencyDto): Promise<AdminAgencyView> {
    return toAdminAgencyView(await conflictAs(message('conflict.agencyExists', { id: dto.id }), () => this.agencies.create(dto)));
  }

  /** Renames it; its zone changes only while no complaint was counted in it; a reference agency changes only with its source. */
  async update(id: string, dto: UpdateAgencyDto): Promise<AdminAgencyView> {
    let agency = await this.existing(id);
    // Reference data follows its generated file: every migration run would undo an edit made here.
    const changes = (dto.name ?? agency.name) !== agency.name || (dto.timeZone ?? agency.timeZone) !== agency.timeZone;
    if (agency.kind !== null && changes) throw new ConflictException(message('conflict.referenceAgency', { id }));
    if (dto.timeZone !== undefined && dto.timeZone !== agency.timeZone) {
      const complaints = await this.agencies.complaintCount(id);
      if (complaints > 0) {
        throw new ConflictException(message('conflict.agencyZoneFixed', { id, complaints, timeZone: agency.timeZone }));
      }
      agency = await this.agencies.update(id, { timeZone: dto.timeZone });
    }
    if (dto.name !== undefined) agency = await this.agencies.update(id, { name: dto.name });
    return toAdminAgencyView(agency);
  }

  async createUnit(agencyId: string, dto: CreateUnitDto): Promise<UnitView> {
    await this.existing(agencyId);
    const parentUnitId = dto.parentUnitId ?? null;
    if (parentUnitId !== null) {
      const parent = await this.agencies.unit(parentUnitId);
      if (parent?.agencyId !== agencyId) throw new InvalidFieldError('parentUnitId', message('field.notUnitOf', { id: parentUnitId, agencyId }));
    }
    const unit = await conflictAs(message('conflict.unitExists', { id: dto.id }), () => this.agencies.createUnit({ id: dto.id, agencyId, name: dto.name, parentUnitId }));
    return toUnitView(unit);
  }

  private async existing(id: string): Promise<AgencyRow> {
    const agency = await this.agencies.byId(id);
    if (!agency) throw new NotFoundError('notFound.agency', id);
    return agency;
  }
}

/** A unique-key violation answered as 409 with a sentence, not the database's code. */
async function conflictAs<T>(refusal: Message, create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new ConflictException(refusal);
    throw error;
  }
}
