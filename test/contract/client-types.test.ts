// The lines a console writes against the generated client (console/src/api/openapi.d.ts) with openapi-fetch.
// What matters is that they type-check: `npm run lint` compiles this file with tsc. Jest only checks the
// client can be built from the types (no server is called).
import createClient from 'openapi-fetch';
import type { components, paths } from '../../console/src/api/openapi.js';

type Schemas = components['schemas'];

const api = createClient<paths>({ baseUrl: 'http://127.0.0.1:1' });

/** The work queue with filters: status, stage deadline, escalation level, paging. */
async function overdueQueue(cursor: string | null): Promise<{ ids: string[]; next: string | null }> {
  const { data, error } = await api.GET('/v1/complaints', {
    params: { query: { status: 'DISPOSED', breached: true, escalationLevel: 1, dueBefore: '2026-12-01T00:00:00+07:00', limit: 50, ...(cursor ? { cursor } : {}) } },
  });
  if (error) throw new Error([error.message].flat().join('; '));
  return { ids: data.items.map((item) => item.trackingId), next: data.nextCursor };
}

/** A complaint's deadlines with their explanations, and its nullable fields. */
async function deadlinesOf(trackingId: string): Promise<string[]> {
  const { data } = await api.GET('/v1/complaints/{trackingId}', { params: { path: { trackingId } } });
  if (!data) return [];
  const assignee: string | null = data.assigneeId;
  const reporterName: string | null | undefined = data.reporter?.name;
  const deadlines: Schemas['RunningDeadlineView'][] = data.process?.deadlines ?? [];
  return deadlines.map((d) => `${d.stage} ${d.dueAt} ${d.explanation.rule} ${d.explanation.skipped.length} ${assignee ?? '-'} ${reporterName ?? '-'} ${d.remindAt ?? ''}`);
}

/** Verify and read the answer: the process status after it. */
async function verify(trackingId: string, agencyId: string): Promise<Schemas['ComplaintStatusView']['state'] | undefined> {
  const { data } = await api.POST('/v1/complaints/{trackingId}/verify', {
    params: { path: { trackingId }, header: { 'Idempotency-Key': 'verify-1' } },
    body: { agencyId, complexity: 'SIMPLE' },
  });
  const allowed: Schemas['ComplaintStatusView']['allowedActions'] | undefined = data?.allowedActions;
  return allowed?.includes('assign') && data ? data.state : undefined;
}

/** A 409 names the state and what is allowed, for a plain sentence. */
async function refusalOf(trackingId: string): Promise<string | null> {
  const { error, response } = await api.POST('/v1/complaints/{trackingId}/archive', {
    params: { path: { trackingId } },
    body: { reason: 'DUPLICATE', note: 'Same report as LPR-7K3M-9Q2X' },
  });
  if (!error || response.status !== 409) return null;
  const state: Schemas['ErrorBodyView']['state'] = error.state;
  const allowed: string[] = error.allowedActions ?? [];
  return `${[error.message].flat().join('; ')} (${state ?? '?'}; ${allowed.join(', ') || 'none'})`;
}

/** The console's lines above, referenced so the compiler keeps checking them. */
const consoleLines = { overdueQueue, deadlinesOf, verify, refusalOf };

describe('generated client types', () => {
  it('builds an openapi-fetch client from the generated paths for the console lines', () => {
    expect(typeof api.GET).toBe('function');
    expect(typeof api.POST).toBe('function');
    expect(Object.values(consoleLines).every((line) => typeof line === 'function')).toBe(true);
  });
});
