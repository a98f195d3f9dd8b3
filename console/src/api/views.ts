// The answers the console reads, field for field as the API's response DTOs define them
// (src/**/dto, *.view.ts). Requests are typed by the generated document (openapi.d.ts); these answer
// types stand in where this branch's document still types a field loosely (nullable strings as
// objects), and give way to the generated schemas once the document is exact.
import type { ComplaintStatus } from './process';

export interface Officer {
  id: string;
  role: string;
  agencyId: string | null;
  unitId: string | null;
}

export interface LoginView {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  officer: Officer;
}

export interface WorkQueueItem {
  trackingId: string;
  status: string;
  title: string;
  location: { regency: string };
  classification: string;
  channel: string;
  agencyId: string | null;
  assigneeId: string | null;
  complexity: string | null;
  nextDeadlineAt: string | null;
  escalationLevel: number;
  submittedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ReporterIdentity {
  name: string | null;
  phone: string | null;
  email: string | null;
  nik: string | null;
}

export interface ComplaintView {
  trackingId: string;
  status: string;
  submittedAt: string;
  title: string;
  chronology: string;
  occurredAt: string;
  location: { regency: string };
  classification: string;
  channel: string;
  anonymous: boolean;
  confidential: boolean;
  agencyId: string | null;
  suggestedAgencyId: string | null;
  policyVersion: string;
  assigneeId: string | null;
  intakeOfficerId: string | null;
  reporter: ReporterIdentity | null;
  process: ComplaintStatus | null;
}

export interface EscalationItem {
  id: string;
  key: string;
  trackingId: string;
  stage: string;
  level: number;
  receiverRole: string;
  agencyId: string | null;
  dueAt: string;
  firedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgementComment: string | null;
  reroutedFrom: string | null;
}

export interface AuditStep {
  at: string;
  source: 'workflow' | 'api';
  kind: string;
  summary: string;
  actorId: string | null;
  actorRole: string | null;
  detail: Record<string, unknown>;
}

export interface AuditHistoryView {
  trackingId: string;
  workflowId: string;
  status: string;
  workflowStatus: string | null;
  temporalUiUrl: string;
  runIds: string[];
  steps: AuditStep[];
}

export interface SlaFigures {
  received: number;
  verified: number;
  verifiedOnTimePct: number | null;
  firstResponses: number;
  followUpCompletionPct: number | null;
  followUpOnTimePct: number | null;
  resolved: number;
  resolvedOnTimePct: number | null;
  medianFirstResponseHours: number | null;
  meanSatisfaction: number | null;
  ratings: number;
  escalations: Record<string, number>;
}

export interface SlaReportRow extends SlaFigures {
  agencyId: string | null;
  agencyName: string | null;
}

export interface SlaReportView {
  period: { from: string; to: string; timeZone: string };
  agencyId: string | null;
  generatedAt: string;
  rows: SlaReportRow[];
  totals: SlaFigures;
}

export interface SubmittedComplaint {
  trackingId: string;
  status: string;
  submittedAt: string;
  accessCode: string;
}

export interface CitizenDeadline {
  stage: string;
  awaiting: 'YOU' | 'VERIFIER' | 'AGENCY';
  dueAt: string;
  paused: boolean;
  overdue: boolean;
  provisional: boolean;
}

export interface TrackingView {
  trackingId: string;
  status: string;
  title: string;
  submittedAt: string;
  agency: { id: string; name: string } | null;
  deadlines: CitizenDeadline[];
  messages: { at: string; type: string; text: string }[];
  allowedActions: string[];
  rating: number | null;
}

export interface PublicComplaintItem {
  trackingId: string;
  title: string;
  location: { regency: string };
  classification: string;
  status: string;
  agency: { id: string; name: string } | null;
  submittedAt: string;
}
