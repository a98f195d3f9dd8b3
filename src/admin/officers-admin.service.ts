import { message } from '../i18n/messages.js';
import { ConflictException, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { CredentialThrottles } from '../auth/credential-throttle.js';
import type { Role } from '../auth/officer.js';
import { hashSecret } from '../auth/passwords.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, toPage } from '../common/cursor.js';
import { InvalidFieldError, NotFoundError } from '../common/domain-errors.js';
import { AgenciesRepository } from '../directory/agencies.repository.js';
import { LastSysadminError, OfficersRepository, type OfficerChange, type OfficerRow } from '../directory/officers.repository.js';
import { Prisma } from '../generated/prisma/client.js';
import {
  REFERENCE_ID_PATTERN,
  toAdminOfficerView,
  type AdminOfficerPage,
  type AdminOfficersQuery,
  type AdminOfficerView,
  type CreatedOfficerView,
  type CreateOfficerDto,
  type TemporaryPasswordView,
  type UpdateOfficerDto,
} from './officers.dto.js';

/** Roles with no agency: the national level. */
const NATIONAL_ONLY: Role[] = ['VERIFIER', 'OMBUDSMAN', 'AUDITOR', 'SYSADMIN'];
/** Roles that always work for one agency. SUPERVISOR and COMPLAINT_MANAGER may be national (verification stage). */
const AGENCY_ONLY: Role[] = ['AGENCY_ADMIN', 'LIAISON'];

/** Where an officer sits: the fields whose combination the rules judge. */
interface Placement {
  role: Role;
  agencyId: string | null;
  unitId: string | null;
  supervisorId: string | null;
}

/** 24 characters from 144 random bits. */
export const temporaryPassword = (): string => randomBytes(18).toString('base64url');

/** SYSADMIN's administration of officer accounts. Every change is in the audit log (AuditTrailInterceptor). */
@Injectable()
export class OfficersAdminService {
  constructor(
    private readonly officers: OfficersRepository,
    private readonly agencies: AgenciesRepository,
    private readonly throttles: CredentialThrottles,
  ) {}

  async list(query: AdminOfficersQuery): Promise<AdminOfficerPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const { role, agencyId, active, search } = query;
    const rows = await this.officers.list({ role, agencyId, active, search }, { after: decodeCursor(query.cursor, REFERENCE_ID_PATTERN), limit: limit + 1 });
    return toPage(rows, limit, toAdminOfficerView);
  }

  /** A new account with a generated password, shown once in the answer. */
  async create(dto: CreateOfficerDto): Promise<CreatedOfficerView> {
    const placement = { role: dto.role, agencyId: dto.agencyId ?? null, unitId: dto.unitId ?? null, supervisorId: dto.supervisorId ?? null };
    await this.checkPlacement(placement);
    if (await this.officers.byUsername(dto.username)) throw usernameTaken(dto.username);
    const password = temporaryPassword();
    const id = newOfficerId(dto.username);
    try {
      const row = await this.officers.create({ id, username: dto.username, displayName: dto.displayName, passwordHash: await hashSecret(password), ...placement });
      return { officer: toAdminOfficerView(row), temporaryPassword: password };
    } catch (error) {
      // Two creations of one username at once: the unique index lets one through.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw usernameTaken(dto.username);
      throw error;
    }
  }

  /** Changes name, role, agency, unit or supervisor; the result must still be a valid placement. */
  async update(id: string, dto: UpdateOfficerDto): Promise<AdminOfficerView> {
    const current = await this.existing(id);
    const placement: Placement = {
      role: dto.role ?? current.role,
      agencyId: dto.agencyId !== undefined ? dto.agencyId : current.agencyId,
      unitId: dto.unitId !== undefined ? dto.unitId : current.unitId,
      supervisorId: dto.supervisorId !== undefined ? dto.supervisorId : current.supervisorId,
    };
    await this.checkPlacement(placement, id);
    return this.change(id, { ...placement, ...(dto.displayName !== undefined ? { displayName: dto.displayName } : {}) });
  }

  /** The account can no longer sign in, and its tokens stop working at once (the guard re-reads it on every request). */
  async deactivate(id: string): Promise<AdminOfficerView> {
    await this.existing(id);
    return this.change(id, { active: false });
  }

  async reactivate(id: string): Promise<AdminOfficerView> {
    await this.existing(id);
    return this.change(id, { active: true });
  }

  /** A new generated password, shown once; a wait imposed by wrong guesses ends with it. */
  async resetPassword(id: string): Promise<TemporaryPasswordView> {
    const officer = await this.existing(id);
    const password = temporaryPassword();
    await this.officers.update(id, { passwordHash: await hashSecret(password) });
    await this.throttles.succeeded(`login:${officer.username}`);
    return { temporaryPassword: password };
  }

  private async change(id: string, change: OfficerChange): Promise<AdminOfficerView> {
    try {
      return toAdminOfficerView(await this.officers.update(id, change));
    } catch (error) {
      if (error instanceof LastSysadminError) throw new ConflictException(message('conflict.lastSysadmin', { id }));
      throw error;
    }
  }

  private async existing(id: string): Promise<OfficerRow> {
    const officer = await this.officers.byId(id);
    if (!officer) throw new NotFoundError('notFound.officer', id);
    return officer;
  }

  /** National roles have no agency, agency roles need one, a unit belongs to the agency, a supervisor is another active officer. */
  private async checkPlacement({ role, agencyId, unitId, supervisorId }: Placement, officerId?: string): Promise<void> {
    if (NATIONAL_ONLY.includes(role) && agencyId !== null) throw new InvalidFieldError('agencyId', message('field.nationalRoleHasNoAgency', { role }));
    if (AGENCY_ONLY.includes(role) && agencyId === null) throw new InvalidFieldError('agencyId', message('field.agencyRoleNeedsAgency', { role }));
    if (agencyId !== null && !(await this.agencies.byId(agencyId))) throw new InvalidFieldError('agencyId', message('field.unknownAgency', { id: agencyId }));
    if (unitId !== null) {
      const unit = await this.agencies.unit(unitId);
      if (!unit) throw new InvalidFieldError('unitId', message('field.unknownUnit', { id: unitId }));
      if (unit.agencyId !== agencyId) throw new InvalidFieldError('unitId', message('field.unitOfOtherAgency', { id: unitId, owner: unit.agencyId, agencyId: agencyId ?? '—' }));
    }
    if (supervisorId !== null) {
      if (supervisorId === officerId) throw new InvalidFieldError('supervisorId', message('field.selfSupervision'));
      const supervisor = await this.officers.byId(supervisorId);
      if (!supervisor?.active) throw new InvalidFieldError('supervisorId', message('field.notActiveOfficer', { id: supervisorId }));
    }
  }
}

/** An officer's ID: readable from the username, unique by its random tail. */
export const newOfficerId = (username: string): string => `usr-${username.replace(/[^a-z0-9]+/g, '-')}-${randomBytes(3).toString('hex')}`;

const usernameTaken = (username: string) => new ConflictException(message('conflict.usernameTaken', { username }));
