// Endpoints of the reference-data and administration work (issue 12, section 2) that the OpenAPI
// document of this branch does not describe yet: typed here by their agreed contract and called through
// fetchJson. Once openapi.d.ts describes them, these calls move to the typed client and this file goes.
import { fetchJson } from './client';

export type ZoneLabel = 'WIB' | 'WITA' | 'WIT';

export interface ReferenceUnit {
  id: string;
  name: string;
  parentUnitId: string | null;
}

export interface ReferenceAgency {
  id: string;
  name: string;
  timeZone: string;
  zoneLabel: ZoneLabel;
  units: ReferenceUnit[];
}

export interface ReferenceOfficer {
  id: string;
  displayName: string;
  role: string;
  agencyId: string | null;
  unitId: string | null;
  active: boolean;
}

export interface NavigationCounts {
  openEscalations: number;
  workQueue: number;
  atRisk: number;
  breached: number;
}

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  return search.size ? `?${search}` : '';
};

export const reference = {
  agencies: () => fetchJson<ReferenceAgency[]>('/v1/reference/agencies'),
  officers: (filter: { agencyId?: string; unitId?: string; role?: string }) => fetchJson<ReferenceOfficer[]>(`/v1/reference/officers${query(filter)}`),
  counts: () => fetchJson<NavigationCounts>('/v1/me/counts'),
};

export interface AdminOfficer extends ReferenceOfficer {
  username: string;
}

export interface OfficerDraft {
  username: string;
  displayName: string;
  role: string;
  agencyId?: string;
  unitId?: string;
}

export interface CalendarYear {
  year: number;
  decree?: string;
  days?: { date: string; reason: string }[];
  [field: string]: unknown;
}

export const admin = {
  officers: (cursor?: string) => fetchJson<{ items: AdminOfficer[]; nextCursor: string | null }>(`/v1/admin/officers${query({ cursor })}`),
  createOfficer: (draft: OfficerDraft) => fetchJson<{ officer: AdminOfficer; temporaryPassword: string }>('/v1/admin/officers', { method: 'POST', body: draft }),
  updateOfficer: (id: string, change: Partial<OfficerDraft>) => fetchJson<AdminOfficer>(`/v1/admin/officers/${encodeURIComponent(id)}`, { method: 'PATCH', body: change }),
  officerAction: (id: string, action: 'deactivate' | 'reactivate' | 'reset-password') =>
    fetchJson<{ temporaryPassword?: string }>(`/v1/admin/officers/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: {} }),
  agencies: () => fetchJson<ReferenceAgency[]>('/v1/admin/agencies'),
  createAgency: (agency: { id: string; name: string; timeZone: string }) => fetchJson<ReferenceAgency>('/v1/admin/agencies', { method: 'POST', body: agency }),
  createUnit: (agencyId: string, unit: { id: string; name: string; parentUnitId?: string }) =>
    fetchJson<ReferenceUnit>(`/v1/admin/agencies/${encodeURIComponent(agencyId)}/units`, { method: 'POST', body: unit }),
  calendars: () => fetchJson<CalendarYear[]>('/v1/admin/calendars'),
  putCalendar: (year: number, body: unknown) => fetchJson<CalendarYear>(`/v1/admin/calendars/${year}`, { method: 'PUT', body }),
  retime: (year: number, reason: string) => fetchJson<unknown>(`/v1/admin/calendars/${year}/retime`, { method: 'POST', body: { reason } }),
  policies: () => fetchJson<unknown>('/v1/admin/policies'),
};
