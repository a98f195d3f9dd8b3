// The numbers in the navigation, refreshed every 15 s: from GET /v1/me/counts, or, where the API has
// no such endpoint (404), the open escalations counted from the inbox itself.
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrapAs } from '../api/client';
import { reference, type NavigationCounts } from '../api/reference';
import type { EscalationItem, Page } from '../api/views';

async function countsFromInbox(): Promise<Partial<NavigationCounts>> {
  const page = await unwrapAs<Page<EscalationItem>>(api.GET('/v1/escalations', { params: { query: { limit: 200 } } }));
  return { openEscalations: page.items.length };
}

export function useNavCounts(enabled: boolean) {
  return useQuery({
    queryKey: ['nav-counts'],
    enabled,
    refetchInterval: 15_000,
    queryFn: async (): Promise<Partial<NavigationCounts>> => {
      try {
        return await reference.counts();
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return countsFromInbox();
        throw error;
      }
    },
  });
}
