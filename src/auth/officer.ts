import type { Role } from '../generated/prisma/enums.js';

export { Role } from '../generated/prisma/enums.js';

/** The signed-in officer, as loaded from PostgreSQL on every request (a deactivated account stops at once). */
export interface Officer {
  id: string;
  /** The name the console shows; never in workflow inputs (officers are not reporters, but the ID suffices there). */
  displayName: string;
  role: Role;
  /** null for national roles: verifier, Ombudsman, auditor, sysadmin (and national supervisors). */
  agencyId: string | null;
  unitId: string | null;
}

/** Roles whose work is tied to one agency. */
export const AGENCY_ROLES: readonly Role[] = ['AGENCY_ADMIN', 'LIAISON', 'SUPERVISOR', 'COMPLAINT_MANAGER'];
