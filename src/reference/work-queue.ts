// What each role acts on now, as work-queue filters (the navigation's "work queue" count). Read-only
// roles have none; the national supervisor and complaint manager act on escalations, counted apart.
import type { Officer, Role } from '../auth/officer.js';
import type { WorkQueueFilter } from '../complaints/complaints.repository.js';

export const WORK_QUEUE_OF_ROLE: Record<Role, ((officer: Officer) => WorkQueueFilter) | null> = {
  VERIFIER: () => ({ status: 'SUBMITTED' }),
  AGENCY_ADMIN: () => ({ status: 'DISPOSED' }),
  SUPERVISOR: () => ({ status: 'DISPOSED' }),
  LIAISON: (officer) => ({ status: 'IN_PROGRESS', assigneeId: officer.id }),
  COMPLAINT_MANAGER: () => ({ breached: true, open: true }),
  OMBUDSMAN: () => ({ open: true }),
  AUDITOR: null,
  SYSADMIN: null,
};
