// Who may see and do what with a complaint: the one place role and agency scoping is decided.
import type { Prisma } from '../generated/prisma/client.js';
import type { ComplaintAction } from '../../workflows/messages.js';
import type { Officer, Role } from '../auth/officer.js';

/** Officer actions and the roles that may take them (reporter actions go through /v1/track with the access code). */
export const ACTION_ROLES = {
  verify: ['VERIFIER'],
  requestClarification: ['VERIFIER', 'LIAISON'],
  archive: ['VERIFIER'],
  assign: ['AGENCY_ADMIN', 'SUPERVISOR'],
  redirect: ['AGENCY_ADMIN'],
  recordFollowUp: ['LIAISON'],
  resolve: ['LIAISON'],
  extendDeadline: ['SUPERVISOR', 'COMPLAINT_MANAGER'],
  acknowledgeEscalation: ['SUPERVISOR', 'COMPLAINT_MANAGER', 'OMBUDSMAN', 'VERIFIER'],
} as const satisfies Partial<Record<ComplaintAction, readonly Role[]>>;

/** Roles that type in a paper or phone report (channel OFFLINE) on the reporter's behalf. */
export const INTAKE_ROLES: Role[] = ['VERIFIER', 'AGENCY_ADMIN'];

/** The only roles that ever see who reported; every such view is written to the audit log. */
export const IDENTITY_ROLES: Role[] = ['VERIFIER', 'SYSADMIN'];

/** Read-only everywhere. */
export const READ_ALL_ROLES: Role[] = ['VERIFIER', 'AUDITOR', 'SYSADMIN'];

/** The Ombudsman sees complaints that reached the top escalation level. */
export const OMBUDSMAN_LEVEL = 3;

const NOTHING: Prisma.ComplaintWhereInput = { id: { in: [] } };

/** What the public (public list, Open311) may see: confidential complaints never. */
export const PUBLICLY_VISIBLE = { confidential: false } as const satisfies Prisma.ComplaintWhereInput;

/**
 * The complaints an officer may see, as a Prisma filter. `unitMembers` lists the officer IDs of the
 * officer's unit and the units below it (the caller loads them; see ComplaintAccessService).
 */
export function visibleComplaints(officer: Officer, unitMembers: string[]): Prisma.ComplaintWhereInput {
  if (READ_ALL_ROLES.includes(officer.role)) return {};
  switch (officer.role) {
    case 'OMBUDSMAN':
      return { escalations: { some: { level: { gte: OMBUDSMAN_LEVEL } } } };
    case 'AGENCY_ADMIN':
      return officer.agencyId ? { agencyId: officer.agencyId } : NOTHING;
    case 'COMPLAINT_MANAGER':
      // A national complaint manager oversees what has not reached an agency yet.
      return { agencyId: officer.agencyId };
    case 'SUPERVISOR':
      if (!officer.agencyId) return { agencyId: null };
      return officer.unitId
        ? { agencyId: officer.agencyId, OR: [{ assigneeId: null }, { assigneeId: { in: unitMembers } }] }
        : { agencyId: officer.agencyId };
    case 'LIAISON':
      return officer.agencyId ? { agencyId: officer.agencyId, assigneeId: { in: [officer.id, ...unitMembers] } } : NOTHING;
    default:
      return NOTHING;
  }
}
