// The numbers in the navigation (GET /v1/me/counts), refreshed every 15 s.
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export function useNavCounts(enabled: boolean) {
  return useQuery({ queryKey: ['nav-counts'], enabled, refetchInterval: 15_000, queryFn: () => unwrap(api.GET('/v1/me/counts')) });
}
