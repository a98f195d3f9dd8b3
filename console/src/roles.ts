// What each role works on: its landing page and its navigation. The API decides what each may see and
// do; this only decides where each starts.
import type { Role } from '../../workflows/lifecycle/vocabulary';
import type { Schema } from './api/schemas';
import type { Messages } from './i18n/id';

export interface NavLink {
  path: string;
  label: Exclude<keyof Messages['nav'], 'label' | 'countLabel' | 'submit' | 'track' | 'publicList' | 'signIn' | 'signOut'>;
  /** Which of the navigation counts (GET /v1/me/counts) shows beside it. */
  counts?: keyof Schema<'NavigationCountsView'>;
}

const escalations: NavLink = { path: '/eskalasi', label: 'escalations', counts: 'openEscalations' };
const reports: NavLink = { path: '/laporan', label: 'reports' };
const allComplaints: NavLink = { path: '/antrian', label: 'allComplaints' };
const atRisk: NavLink = { path: '/antrian/berisiko', label: 'atRisk', counts: 'atRisk' };
const breached: NavLink = { path: '/antrian/terlambat', label: 'breached', counts: 'breached' };
const timeline: NavLink = { path: '/riwayat', label: 'timeline' };
const whatIf: NavLink = { path: '/simulasi', label: 'whatIf' };

export const ROLE_NAVIGATION: Record<Role, NavLink[]> = {
  VERIFIER: [{ path: '/antrian/verifikasi', label: 'verifierInbox', counts: 'workQueue' }, allComplaints, escalations],
  AGENCY_ADMIN: [{ path: '/antrian/instansi', label: 'agencyQueue', counts: 'workQueue' }, reports],
  LIAISON: [{ path: '/antrian/tugas-saya', label: 'myTasks', counts: 'workQueue' }],
  SUPERVISOR: [atRisk, breached, escalations, allComplaints],
  COMPLAINT_MANAGER: [atRisk, breached, escalations, reports, allComplaints],
  OMBUDSMAN: [escalations, allComplaints, reports],
  AUDITOR: [timeline, reports, whatIf, allComplaints],
  SYSADMIN: [{ path: '/admin', label: 'administration' }, reports, whatIf, timeline, allComplaints],
};

export const isRole = (role: string): role is Role => role in ROLE_NAVIGATION;

export function homeOf(role: string): string {
  return isRole(role) ? ROLE_NAVIGATION[role][0].path : '/';
}

/** Roles that see more than one agency, and so may filter by agency. */
export const NATIONAL_VIEW_ROLES: readonly string[] = ['VERIFIER', 'OMBUDSMAN', 'AUDITOR', 'SYSADMIN'];
