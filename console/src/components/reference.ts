// Agencies with their zone, units and officers, for pickers and for showing each date in its zone.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Schema } from '../api/schemas';
import { NATIONAL_TIME_ZONE } from '../time';

type Agency = Schema<'AgencyView'>;

export function useAgencies() {
  return useQuery({ queryKey: ['reference', 'agencies'], queryFn: () => unwrap(api.GET('/v1/reference/agencies')), staleTime: 5 * 60_000 });
}

/** The zone a complaint's dates are read in: its agency's, or the national zone before disposal. */
export function zoneOf(agencies: Agency[] | undefined, agencyId: string | null | undefined): string {
  return agencies?.find((a) => a.id === agencyId)?.timeZone ?? NATIONAL_TIME_ZONE;
}

export function agencyName(agencies: Agency[] | undefined, agencyId: string | null | undefined): string {
  if (!agencyId) return '—';
  return agencies?.find((a) => a.id === agencyId)?.name ?? agencyId;
}

export function useOfficers(filter: { agencyId?: string; unitId?: string; role?: Schema<'Role'> }, enabled = true) {
  return useQuery({ queryKey: ['reference', 'officers', filter], queryFn: () => unwrap(api.GET('/v1/reference/officers', { params: { query: filter } })), enabled, staleTime: 60_000 });
}
