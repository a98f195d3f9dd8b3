import { Injectable } from '@nestjs/common';
import { AGENCY_ROLES, type Officer } from '../auth/officer.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { AgenciesRepository } from '../directory/agencies.repository.js';
import { OfficersRepository } from '../directory/officers.repository.js';
import { EscalationsService } from '../escalations/escalations.service.js';
import { toAgencyView, toReferenceOfficerView, type AgencyView, type NavigationCountsView, type ReferenceOfficersQuery, type ReferenceOfficerView } from './reference.dto.js';
import { WORK_QUEUE_OF_ROLE } from './work-queue.js';

/** Longest picker list served at once: every officer of the largest agency fits. */
const MAX_PICKER_OFFICERS = 2000;

/** Reference data for the console's pickers, scoped by role, and the navigation's counts. */
@Injectable()
export class ReferenceService {
  constructor(
    private readonly agencies: AgenciesRepository,
    private readonly officers: OfficersRepository,
    private readonly complaints: ComplaintsService,
    private readonly escalations: EscalationsService,
  ) {}

  /** Every agency, to every officer: verifiers dispose to any agency, agencies redirect to any. */
  async listAgencies(): Promise<AgencyView[]> {
    return (await this.agencies.list()).map(toAgencyView);
  }

  /** Agency roles see their own agency's officers only; national roles see all; inactive ones for SYSADMIN on request. */
  async listOfficers(query: ReferenceOfficersQuery, caller: Officer): Promise<ReferenceOfficerView[]> {
    const ownAgencyOnly = AGENCY_ROLES.includes(caller.role) && caller.agencyId !== null;
    if (ownAgencyOnly && query.agencyId !== undefined && query.agencyId !== caller.agencyId) return [];
    const rows = await this.officers.list(
      {
        role: query.role,
        agencyId: ownAgencyOnly ? caller.agencyId! : query.agencyId,
        unitId: query.unitId,
        active: caller.role === 'SYSADMIN' && query.includeInactive ? undefined : true,
      },
      { limit: MAX_PICKER_OFFICERS },
    );
    return rows.map(toReferenceOfficerView);
  }

  /** The caller's navigation counts, each the count of a list the console can open (see NavigationCountsView). */
  async counts(officer: Officer): Promise<NavigationCountsView> {
    const workQueue = WORK_QUEUE_OF_ROLE[officer.role];
    const [openEscalations, queued, atRisk, breached] = await Promise.all([
      this.escalations.count({}, officer),
      workQueue ? this.complaints.count(workQueue(officer), officer) : 0,
      this.complaints.atRisk(true).then((filter) => this.complaints.count({ atRisk: filter }, officer)),
      this.complaints.count({ breached: true, open: true }, officer),
    ]);
    return { openEscalations, workQueue: queued, atRisk, breached };
  }
}
