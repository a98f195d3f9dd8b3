// Who may see and do what with a complaint: the one place role and agency scoping is decided.
import type { Prisma } from '../generated/prisma/client.js';
import { ESCALATION_RECEIVER_ROLES } from '../../workflows/lifecycle/ladder.js';
import { NATIONAL_ROLES, type ComplaintAction } from '../../workflows/messages.js';
import type { Officer, Role } from '../auth/officer.js';

/** Officer actions and the roles that may take them (reporter actions go through /v1/track with the access code). */
export const ACTION_ROLES = {
  verify: ['VERIFIER'],
  'request-clarification': ['VERIFIER', 'LIAISON'],
  archive: ['VERIFIER'],
  assign: ['AGENCY_ADMIN', 'SUPERVISOR'],
  redirect: ['AGENCY_ADMIN'],
  'follow-up': ['LIAISON'],
  resolve: ['LIAISON'],
  'extend-deadline': ['SUPERVISOR', 'COMPLAINT_MANAGER'],
  'acknowledge-escalation': ESCALATION_RECEIVER_ROLES,
} as const satisfies Partial<Record<ComplaintAction, readonly Role[]>>;

export type OfficerAction = keyof typeof ACTION_ROLES;

/** Roles that type in a paper or phone report (channel OFFLINE) on the reporter's behalf. */
export const INTAKE_ROLES: Role[] = ['VERIFIER', 'AGENCY_ADMIN'];

/** The only roles that ever see who reported; every such view is written to the audit log. */
export const IDENTITY_ROLES: Role[] = ['VERIFIER', 'SYSADMIN'];

/** Read-only everywhere. */
export const READ_ALL_ROLES: Role[] = ['VERIFIER', 'AUDITOR', 'SYSADMIN'];

/** The Ombudsman sees complaints that reached the top escalation level. */
export const OMBUDSMAN_LEVEL = 3;

const NOTHING: Prisma.ComplaintWhereInput = { id: { in: [] } };

/**
 * What the public (public list, Open311) may see: complaints a verifier has disposed to an agency — never
 * one still unverified (it may be spam), one archived, or a confidential one. Their text is scrubbed
 * of contact data before it is shown (publication/public-text.ts).
 */
export const PUBLICLY_VISIBLE = {
  confidential: false,
  disposedAt: { not: null },
  status: { not: 'ARCHIVED' },
} as const satisfies Prisma.ComplaintWhereInput;

/**
 * The escalations addressed to an officer: their role, and for agency roles their agency (null = the
 * national level). National roles receive them whatever the agency.
 */
export function escalationsAddressedTo(officer: Pick<Officer, 'role' | 'agencyId'>): Prisma.EscalationWhereInput {
  return NATIONAL_ROLES.includes(officer.role) ? { receiverRole: officer.role } : { receiverRole: officer.role, agencyId: officer.agencyId };
}

/**
 * The complaints an officer may see, as a Prisma filter. `unitMembers` lists the officer IDs of the
 * officer's unit and the units below it (the caller loads them; see ComplaintAccessService).
 */
export function visibleComplaints(officer: Officer, unitMembers: string[]): Prisma.ComplaintWhereInput {
  if (READ_ALL_ROLES.includes(officer.role)) return {};
  const scoped = scopedComplaints(officer, unitMembers);
  // Whoever receives an escalation sees its complaint, wherever the complaint went since: they must act on it.
  return ESCALATION_RECEIVER_ROLES.includes(officer.role) ? { OR: [scoped, { escalations: { some: escalationsAddressedTo(officer) } }] } : scoped;
}

function scopedComplaints(officer: Officer, unitMembers: string[]): Prisma.ComplaintWhereInput {
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
