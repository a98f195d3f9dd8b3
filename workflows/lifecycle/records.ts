// What the lifecycle hands to the outside world: read-model transitions, escalation records and
// notifications. The activities take exactly these; none carries reporter identity.
import type { Actor } from './types.js';
import type { ComplaintState, Complexity, EscalationSubject, EventType } from './vocabulary.js';

/** The queryable columns of the complaint row, as the workflow sees them after the transition. */
export interface ReadModelFields {
  complexity: Complexity | null;
  assigneeId: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  rating: number | null;
  redirectCount: number;
  nextDeadlineAt: string | null;
  escalationLevel: number;
  /** The resolution target citizens are promised (kept while it is overdue); absent before it was projected. */
  resolutionDueAt?: string | null;
  /** When a verifier first disposed it: from then on it may be public. Absent in records made before it was projected. */
  disposedAt?: string | null;
}

export interface TransitionRecord {
  complaintId: string;
  seq: number;
  type: EventType;
  status: ComplaintState;
  /** The agency it is disposed to; null before disposal (a reporter's suggestion is not an agency's case). */
  agencyId: string | null;
  actor: Actor | null;
  detail: Record<string, unknown>;
  occurredAt: string;
  readModel: ReadModelFields;
}

/** What projectTransition answers: the transition without the free text it carried (history has that once already). */
export interface ProjectedTransition {
  seq: number;
  type: EventType;
  status: ComplaintState;
  detail: Record<string, unknown>;
}

export interface NotificationRecord {
  key: string;
  complaintId: string;
  trackingId: string;
  kind: 'REMINDER' | 'ESCALATION' | 'OPERATOR_ALERT';
  stage: EscalationSubject | null;
  level: number;
  receiverRole: string;
  agencyId: string | null;
  dueAt: string;
  /** What went wrong, for an operator alert. */
  detail?: string;
}

export interface EscalationRecord {
  key: string;
  complaintId: string;
  trackingId: string;
  stage: EscalationSubject;
  level: number;
  receiverRole: string;
  agencyId: string | null;
  /** The deadline that was missed. */
  dueAt: string;
  firedAt: string;
  /** Set by the recorder when nobody holds `receiverRole` for `agencyId` and it went to the national admin instead. */
  reroutedFrom?: string;
}

export interface AcknowledgementRecord {
  key: string;
  acknowledgedBy: string;
  acknowledgedAt: string;
  comment?: string | null;
}

/** The search attributes Tenggat registers on the Temporal server. Never reporter data. */
export const SEARCH_ATTRIBUTES = {
  ComplaintStatus: 'Keyword',
  AgencyId: 'Keyword',
  NextDeadline: 'Datetime',
  EscalationLevel: 'Int',
} as const;

export interface SearchAttributeValues {
  ComplaintStatus: [ComplaintState];
  AgencyId: string[];
  /** ISO instants; the workflow turns them into dates. */
  NextDeadline: string[];
  EscalationLevel: [number];
}
