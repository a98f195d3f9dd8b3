// The Ombudsman evidence pack as data: built from a complaint's facts (PostgreSQL) and the steps decoded
// from its workflow history (Temporal), with nothing else — no clock, no randomness — so the same
// history and facts always give the same pack, byte for byte, and its digest can be reproduced later.
// No SDK, no Nest, no Prisma: unit-tested with tables (test/unit/evidence-pack.test.ts).
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { AuditStepView } from '../audit/audit-history.dto.js';
import { wordExplanation } from '../i18n/deadline-explanation.js';
import type { Locale } from '../i18n/messages.js';
import type { DeadlineExplanation } from '../../workflows/messages.js';

export const EVIDENCE_PACK_FORMAT = 'tenggat.ombudsman-evidence-pack/1';

/** UU 37/2008 on the Ombudsman, art. 24(1)(c): a report within two years of the event. */
export const OMBUDSMAN_WINDOW_YEARS = 2;

/** What the reporter wrote and how it was filed: facts that never change after submission. */
export interface PackComplaintFacts {
  trackingId: string;
  title: string;
  chronology: string;
  occurredAt: string;
  place: { regency: string; district: string | null; village: string | null; areaCode: string | null };
  classification: string;
  channel: string;
  anonymous: boolean;
  confidential: boolean;
  submittedAt: string;
  policyVersion: string;
}

export interface PackReporterIdentity {
  name: string | null;
  phone: string | null;
  email: string | null;
  nik: string | null;
}

/** The part of the workflow history a pack covers: each run up to its last event, and the digest of those events. */
export interface PackHistoryCoverage {
  workflowId: string;
  runs: { runId: string; eventCount: number; lastEventId: number }[];
  sha256: string;
}

export interface PackInput {
  language: Locale;
  complaint: PackComplaintFacts;
  /** Names of the agencies the history mentions, by ID. */
  agencyNames: Record<string, string>;
  /** Present only when the reporter consented; identity only with consent. */
  consent: { givenAt: string; identity: PackReporterIdentity | null } | null;
  /** The workflow's steps, decoded from the covered history, oldest first. */
  steps: AuditStepView[];
  history: PackHistoryCoverage;
}

export interface PackDeadline {
  /** null in histories recorded before plans named their stage. */
  stage: string | null;
  clockId: string | null;
  startAt: string | null;
  dueAt: string;
  timeZone: string | null;
  rule: string | null;
  source: string | null;
  skippedDays: number;
  notes: string[];
  /** The history's own sentence for this plan (in the pack's language). */
  explanation: string;
  plannedAt: string;
}

export interface PackBreach {
  stage: string;
  dueAt: string | null;
  at: string;
}

export interface PackAcknowledgement {
  at: string;
  byId: string | null;
  byRole: string | null;
  comment: string | null;
}

export interface PackEscalation {
  key: string;
  stage: string;
  level: number;
  receiverRole: string;
  agencyId: string | null;
  reroutedFrom: string | null;
  dueAt: string | null;
  firedAt: string;
  acknowledgement: PackAcknowledgement | null;
}

export interface PackAction {
  at: string;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  summary: string;
}

export interface PackAnswer {
  at: string;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  text: string;
}

export interface EvidencePack {
  format: typeof EVIDENCE_PACK_FORMAT;
  language: Locale;
  /** The time of the last covered history event: what "now" means for this pack. */
  asOf: string;
  complaint: PackComplaintFacts & { state: string | null; agency: { id: string; name: string } | null };
  reporter: { consentGivenAt: string | null; identity: PackReporterIdentity | null };
  priorComplaint: {
    lodgedAt: string;
    channel: string;
    disposedTo: { agencyId: string; agencyName: string; at: string; byId: string | null; byRole: string | null } | null;
    superiors: { stage: string; level: number; receiverRole: string; agencyId: string | null; firedAt: string; acknowledgedAt: string | null; acknowledgedBy: string | null }[];
    /** Levels 1 (supervisor) and 2 (complaint manager) both fired: the agency and its superior had the complaint. */
    satisfied: boolean;
  };
  ombudsmanWindow: { occurredAt: string; closesAt: string; asOf: string; within: boolean };
  deadlines: PackDeadline[];
  breaches: PackBreach[];
  escalations: PackEscalation[];
  agencyAnswers: PackAnswer[];
  actions: PackAction[];
  history: PackHistoryCoverage;
}

/** The document systems read: the pack and its digests. */
export interface EvidencePackDocument {
  pack: EvidencePack;
  digests: { contentSha256: string; historySha256: string };
}

/** Officers' actions whose text is the agency's answer to the reporter. */
const ANSWER_FIELDS: Record<string, string> = { 'follow-up': 'text', resolve: 'answer', 'request-clarification': 'question' };

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Only what the workflow finished: completions of activities (remote or local), never their scheduling. */
const completedActivity = (step: AuditStepView, type: string) =>
  (step.kind === 'activity-completed' || step.kind === 'local-activity') && step.detail.activityType === type;

export function buildEvidencePack(input: PackInput): EvidencePack {
  const { steps, complaint } = input;
  const failedUpdates = new Set(steps.filter((s) => s.kind === 'update-failed').map((s) => str(s.detail.updateId)));
  const updates = steps.filter((s) => s.kind === 'update' && !failedUpdates.has(str(s.detail.updateId)));
  const asOf = steps.length ? steps[steps.length - 1].at : complaint.submittedAt;

  const deadlines: PackDeadline[] = steps
    .filter((s) => completedActivity(s, 'planDeadline') && str(s.detail.dueAt))
    .map((s) => ({
      stage: str(s.detail.stage),
      clockId: str(s.detail.clockId),
      startAt: str(s.detail.startAt),
      dueAt: str(s.detail.dueAt)!,
      timeZone: str(s.detail.timeZone),
      rule: typeof s.detail.rule === 'string' ? s.detail.rule : s.detail.rule == null ? null : JSON.stringify(s.detail.rule),
      source: str(s.detail.source),
      skippedDays: Array.isArray(s.detail.skipped) ? s.detail.skipped.length : 0,
      notes: Array.isArray(s.detail.notes) ? s.detail.notes.map((n) => (typeof n === 'string' ? n : JSON.stringify(n))) : [],
      explanation: explanationOf(s, input.language),
      plannedAt: s.at,
    }));

  const breaches: PackBreach[] = steps
    .filter((s) => completedActivity(s, 'projectTransition') && s.detail.transition === 'DEADLINE_BREACHED')
    .map((s) => {
      const detail = (s.detail.transitionDetail ?? {}) as Record<string, unknown>;
      return { stage: str(detail.stage) ?? '?', dueAt: str(detail.dueAt), at: s.at };
    });

  const acknowledgements = new Map<string, PackAcknowledgement>();
  for (const s of updates) {
    const key = str(s.detail.escalationKey);
    if (s.detail.action === 'acknowledge-escalation' && key && !acknowledgements.has(key)) {
      acknowledgements.set(key, { at: s.at, byId: s.actorId, byRole: s.actorRole, comment: str(s.detail.comment) });
    }
  }
  const escalations = new Map<string, PackEscalation>();
  for (const s of steps.filter((step) => completedActivity(step, 'recordEscalation'))) {
    const key = str(s.detail.key);
    const level = num(s.detail.level);
    if (!key || level === null || escalations.has(key)) continue;
    escalations.set(key, {
      key,
      stage: str(s.detail.stage) ?? '?',
      level,
      receiverRole: str(s.detail.receiverRole) ?? '?',
      agencyId: str(s.detail.agencyId),
      reroutedFrom: str(s.detail.reroutedFrom),
      dueAt: str(s.detail.dueAt),
      firedAt: str(s.detail.firedAt) ?? s.at,
      acknowledgement: acknowledgements.get(key) ?? null,
    });
  }
  const ladder = [...escalations.values()];

  const agencyAnswers: PackAnswer[] = updates
    .filter((s) => typeof s.detail.action === 'string' && ANSWER_FIELDS[s.detail.action] && str(s.detail[ANSWER_FIELDS[s.detail.action]]))
    .map((s) => ({ at: s.at, action: s.detail.action as string, actorId: s.actorId, actorRole: s.actorRole, text: str(s.detail[ANSWER_FIELDS[s.detail.action as string]])! }));

  const actions: PackAction[] = updates.map((s) => ({ at: s.at, action: str(s.detail.action) ?? '?', actorId: s.actorId, actorRole: s.actorRole, summary: s.summary }));

  const agencyName = (id: string) => input.agencyNames[id] ?? id;
  const disposals = updates.filter((s) => (s.detail.action === 'verify' || s.detail.action === 'redirect') && str(s.detail.agencyId));
  const firstDisposal = disposals[0];
  const lastDisposal = disposals[disposals.length - 1];
  const states = steps.filter((s) => completedActivity(s, 'projectTransition') && str(s.detail.status));
  const superiors = ladder
    .filter((e) => e.level < 3)
    .map((e) => ({ stage: e.stage, level: e.level, receiverRole: e.receiverRole, agencyId: e.agencyId, firedAt: e.firedAt, acknowledgedAt: e.acknowledgement?.at ?? null, acknowledgedBy: e.acknowledgement?.byId ?? null }));

  const closesAt = ombudsmanWindowCloses(complaint.occurredAt);
  return {
    format: EVIDENCE_PACK_FORMAT,
    language: input.language,
    asOf,
    complaint: {
      ...complaint,
      state: states.length ? str(states[states.length - 1].detail.status) : null,
      agency: lastDisposal ? { id: str(lastDisposal.detail.agencyId)!, name: agencyName(str(lastDisposal.detail.agencyId)!) } : null,
    },
    reporter: { consentGivenAt: input.consent?.givenAt ?? null, identity: input.consent?.identity ?? null },
    priorComplaint: {
      lodgedAt: complaint.submittedAt,
      channel: complaint.channel,
      disposedTo: firstDisposal
        ? { agencyId: str(firstDisposal.detail.agencyId)!, agencyName: agencyName(str(firstDisposal.detail.agencyId)!), at: firstDisposal.at, byId: firstDisposal.actorId, byRole: firstDisposal.actorRole }
        : null,
      superiors,
      satisfied: superiors.some((e) => e.level === 1) && superiors.some((e) => e.level === 2),
    },
    ombudsmanWindow: { occurredAt: complaint.occurredAt, closesAt, asOf, within: Date.parse(asOf) <= Date.parse(closesAt) },
    deadlines,
    breaches,
    escalations: ladder,
    agencyAnswers,
    actions,
    history: input.history,
  };
}

/**
 * A planned deadline's explanation in the pack's language, as the complaint page words it: due when, by which
 * rule, counted from when in which zone, the days not counted and why, pauses and extensions. A plan whose
 * step lacks the explanation's fields keeps the history's own sentence.
 */
function explanationOf(step: AuditStepView, language: Locale): string {
  const d = step.detail;
  if (typeof d.dueAt !== 'string' || typeof d.startAt !== 'string' || typeof d.rule !== 'string' || typeof d.timeZone !== 'string' || !Array.isArray(d.skipped)) return step.summary;
  const explanation = {
    dueAt: d.dueAt,
    startAt: d.startAt,
    rule: d.rule,
    source: typeof d.source === 'string' ? d.source : '',
    timeZone: d.timeZone,
    skipped: d.skipped,
    notes: Array.isArray(d.notes) ? d.notes : [],
    ...(Array.isArray(d.pauses) ? { pauses: d.pauses } : {}),
    ...(d.provisional === true ? { provisional: true } : {}),
    ...(d.basis && typeof d.basis === 'object' ? { basis: d.basis } : {}),
  } as DeadlineExplanation;
  try {
    return wordExplanation(explanation, language).summary;
  } catch {
    return step.summary;
  }
}

/** The last instant a report to the Ombudsman may be made: two calendar years after the event. */
export function ombudsmanWindowCloses(occurredAt: string): string {
  return DateTime.fromISO(occurredAt, { zone: 'utc' }).plus({ years: OMBUDSMAN_WINDOW_YEARS }).toISO()!;
}

/**
 * JSON with object keys sorted at every depth and no whitespace (arrays keep their order): the form a
 * digest is taken of, so that any system re-serialising the pack can recompute it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The pack with its digests: of its canonical JSON, and of the history it was made from. */
export function packDocument(pack: EvidencePack): EvidencePackDocument {
  return { pack, digests: { contentSha256: sha256Hex(canonicalJson(pack)), historySha256: pack.history.sha256 } };
}

/** Whether a document's content digest is the digest of its pack: what anyone holding the JSON can check. */
export function contentDigestHolds(document: EvidencePackDocument): boolean {
  return sha256Hex(canonicalJson(document.pack)) === document.digests.contentSha256;
}
