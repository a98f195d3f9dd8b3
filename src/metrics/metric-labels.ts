// Label values of /metrics come only from fixed sets, so no tracking ID or personal data can leak into them.
import type { ComplaintState } from '../../workflows/messages.js';

/** The lifecycle stage a complaint in each state is in: whose move the open clock is waiting for. */
const STAGE_OF_STATUS: Record<ComplaintState, string> = {
  SUBMITTED: 'verification',
  AWAITING_CLARIFICATION: 'reporter_clarification',
  DISPOSED: 'agency_follow_up',
  IN_PROGRESS: 'agency_answer',
  AWAITING_FEEDBACK: 'reporter_feedback',
  CLOSED: 'ended',
  ARCHIVED: 'ended',
};

export function stageOfStatus(status: ComplaintState): string {
  return STAGE_OF_STATUS[status];
}

/** Notification kinds and channels are code-defined upper-case words; anything else is reported as OTHER. */
export function outboxLabel(value: string | null): string {
  if (value === null) return 'WEBHOOK';
  return /^[A-Z][A-Z_]{0,39}$/.test(value) ? value : 'OTHER';
}

/** A catch-all (`{/*splat}`, `*`) matches any path: it names no route. */
const CATCH_ALL = /^\/?\{?\/?\*/;

/** The route template Express matched (`/v1/complaints/:trackingId`), never the raw path; `unmatched` for 404s and catch-alls. */
export function routeTemplate(route: { path?: unknown } | undefined, baseUrl: string): string {
  if (!route || typeof route.path !== 'string' || CATCH_ALL.test(route.path)) return 'unmatched';
  return `${baseUrl}${route.path}` || '/';
}
