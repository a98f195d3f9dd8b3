import { Injectable } from '@nestjs/common';
import { ComplaintAccessService, type TracedRequest } from '../access/complaint-access.service.js';
import type { AuditStepView } from '../audit/audit-history.dto.js';
import { AuditLogService } from '../audit/audit-log.service.js';
import { WorkflowHistoryDecoder } from '../audit/workflow-history.decoder.js';
import { WorkflowHistoryReader } from '../audit/workflow-history.reader.js';
import type { Officer } from '../auth/officer.js';
import { NotFoundError } from '../common/domain-errors.js';
import type { Locale } from '../i18n/messages.js';
import { LOCALES } from '../i18n/messages.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import type { EvidencePackVerificationView, PackFormat, VerifyEvidencePackDto } from './evidence-pack.dto.js';
import { buildEvidencePack, packDocument, sha256Hex, type EvidencePackDocument, type PackHistoryCoverage } from './evidence-pack.js';
import { renderEvidencePackPdf } from './evidence-pack.pdf.js';
import { historyDigest } from './history-digest.js';
import { EVIDENCE_PACK_DOWNLOADED, EvidencePackRepository, type PackComplaintRow } from './evidence-pack.repository.js';

export interface EvidencePackFile {
  filename: string;
  contentType: string;
  body: Buffer;
  digests: EvidencePackDocument['digests'];
}

/** Who asked for a pack, for the audit log: an officer, or the reporter with the access code. */
export type PackRequester = { officer: Officer } | { reporter: true };

/** How a pack was made, kept in the audit entry of its download so it can be made again to verify a copy. */
interface PackRecipe {
  language: Locale;
  /** Each run's last covered event: the history is cut there when the pack is made again. */
  runs?: PackHistoryCoverage['runs'];
  /** Whether the reporter's identity was in it (the reporter had consented). */
  identityIncluded?: boolean;
}

/**
 * The Ombudsman evidence pack (issue 16): made on demand from the complaint's workflow history as
 * Temporal holds it — so the pack exists as soon as the complaint reaches level 3, and is the same for
 * the same history — and from the complaint's facts; every download is written to the audit log with
 * its digests and how it was made, which is what a later copy is verified against.
 */
@Injectable()
export class EvidencePackService {
  constructor(
    private readonly packs: EvidencePackRepository,
    private readonly reader: WorkflowHistoryReader,
    private readonly temporal: TemporalClientService,
    private readonly access: ComplaintAccessService,
    private readonly audit: AuditLogService,
  ) {}

  /** OMBUDSMAN: complaints that reached level 3; AUDITOR: any. Others never get here (roles), and an unseen complaint is 404. */
  async forOfficer(trackingId: string, officer: Officer, format: PackFormat, locale: Locale, trace: TracedRequest): Promise<EvidencePackFile> {
    const complaint = await this.packs.findComplaint(trackingId, await this.access.visibleWhere(officer));
    if (!complaint) throw new NotFoundError('notFound.complaint', trackingId);
    return this.issue(complaint, format, locale, { actorId: officer.id, actorRole: officer.role }, trace);
  }

  /** The reporter (access code already checked): the own complaint's pack. */
  async forReporter(trackingId: string, format: PackFormat, locale: Locale, trace: TracedRequest): Promise<EvidencePackFile> {
    const complaint = await this.packs.findComplaint(trackingId);
    if (!complaint) throw new NotFoundError('notFound.complaint', trackingId);
    return this.issue(complaint, format, locale, { actorId: 'reporter', actorRole: 'REPORTER' }, trace);
  }

  /** The reporter consents, on the tracking page, to be named in the pack. The POST itself is audited (AuditTrailInterceptor). */
  async consent(trackingId: string): Promise<{ consentGivenAt: string }> {
    const complaint = await this.packs.findComplaint(trackingId);
    if (!complaint) throw new NotFoundError('notFound.complaint', trackingId);
    return { consentGivenAt: (await this.packs.giveConsent(complaint.id, new Date())).toISOString() };
  }

  /**
   * A copy is genuine when Tenggat issued a pack with its content digest (audit log), the history Temporal
   * holds, cut where that pack ended, still has its history digest, and the pack made again from it has
   * its content digest.
   */
  async verify({ contentSha256, historySha256 }: VerifyEvidencePackDto): Promise<EvidencePackVerificationView> {
    const issue = await this.packs.findIssue(contentSha256);
    if (!issue?.trackingId) return { issued: false, issue: null, historyMatches: false, contentReproduced: false };
    const detail = (issue.detail ?? {}) as Record<string, unknown>;
    const view = { trackingId: issue.trackingId, issuedAt: issue.at.toISOString(), issuedToRole: issue.actorRole, format: typeof detail.format === 'string' ? detail.format : 'pdf' };
    const complaint = await this.packs.findComplaint(issue.trackingId);
    if (!complaint || detail.historySha256 !== historySha256) return { issued: true, issue: view, historyMatches: false, contentReproduced: false };
    const recipe: PackRecipe = {
      language: LOCALES.find((l) => l === detail.language) ?? 'id',
      runs: Array.isArray(detail.runs) ? (detail.runs as PackHistoryCoverage['runs']) : [],
      identityIncluded: detail.identityIncluded === true,
    };
    const again = await this.make(complaint, recipe);
    return {
      issued: true,
      issue: view,
      historyMatches: again?.digests.historySha256 === historySha256,
      contentReproduced: again?.digests.contentSha256 === contentSha256,
    };
  }

  private async issue(complaint: PackComplaintRow, format: PackFormat, language: Locale, actor: { actorId: string; actorRole: string }, trace: TracedRequest): Promise<EvidencePackFile> {
    const document = (await this.make(complaint, { language }))!;
    const body = format === 'pdf' ? await renderEvidencePackPdf(document) : Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
    // Written before the pack leaves: a download the audit log cannot hold is refused (503), never unrecorded.
    await this.audit.record({
      ...actor,
      action: EVIDENCE_PACK_DOWNLOADED,
      trackingId: complaint.trackingId,
      method: 'GET',
      path: trace.path,
      statusCode: 200,
      requestId: trace.requestId,
      correlationId: trace.correlationId,
      detail: {
        format,
        language,
        contentSha256: document.digests.contentSha256,
        historySha256: document.digests.historySha256,
        fileSha256: sha256Hex(body),
        runs: document.pack.history.runs,
        identityIncluded: document.pack.reporter.identity !== null,
      },
    });
    return {
      filename: `evidence-pack-${complaint.trackingId}.${format}`,
      contentType: format === 'pdf' ? 'application/pdf' : 'application/json; charset=utf-8',
      body,
      digests: document.digests,
    };
  }

  /** The pack of the history as Temporal holds it now, or cut at `recipe.runs` (null when a recorded run is gone). */
  private async make(complaint: PackComplaintRow, recipe: PackRecipe): Promise<EvidencePackDocument | null> {
    let { runs } = await this.reader.runs(complaint.workflowId);
    if (recipe.runs) {
      const byId = new Map(runs.map((r) => [r.runId, r]));
      if (recipe.runs.some((r) => !byId.has(r.runId))) return null;
      runs = recipe.runs.map((r) => ({ runId: r.runId, events: byId.get(r.runId)!.events.filter((e) => Number(e.eventId) <= r.lastEventId) }));
    }
    // The digest first: decoding puts readable failure messages into the events it reads.
    const coverage: PackHistoryCoverage = {
      workflowId: complaint.workflowId,
      runs: runs.map((r) => ({ runId: r.runId, eventCount: r.events.length, lastEventId: Number(r.events[r.events.length - 1]?.eventId ?? 0) })),
      sha256: historyDigest(runs),
    };
    const decoder = new WorkflowHistoryDecoder(this.temporal.client.options.loadedDataConverter, recipe.language);
    const steps: AuditStepView[] = [];
    for (const run of runs) steps.push(...(await decoder.decodeRun(run.runId, run.events)));
    const consent = complaint.ombudsmanConsent && recipe.identityIncluded !== false ? complaint.ombudsmanConsent : null;
    const identity = consent ? await this.packs.reporterIdentity(complaint.id) : null;
    const agencyIds = new Set(steps.flatMap((s) => [s.detail.agencyId]).filter((id): id is string => typeof id === 'string'));
    const names = await this.packs.agencyNames([...agencyIds].sort());
    const pack = buildEvidencePack({
      language: recipe.language,
      complaint: {
        trackingId: complaint.trackingId,
        title: complaint.title,
        chronology: complaint.chronology,
        occurredAt: complaint.occurredAt.toISOString(),
        place: { regency: complaint.regency, district: complaint.district, village: complaint.village, areaCode: complaint.areaCode },
        classification: complaint.classification,
        channel: complaint.channel,
        anonymous: complaint.anonymous,
        confidential: complaint.confidential,
        submittedAt: complaint.submittedAt.toISOString(),
        policyVersion: complaint.policyVersion,
      },
      agencyNames: Object.fromEntries(names.map((a) => [a.id, a.name])),
      consent: consent ? { givenAt: consent.givenAt.toISOString(), identity } : null,
      steps,
      history: coverage,
    });
    return packDocument(pack);
  }
}
