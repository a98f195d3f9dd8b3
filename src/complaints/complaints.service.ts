import { Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../config/app-config.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, toPage } from '../common/cursor.js';
import { InvalidFieldError, NotFoundError, ProcessEndedError } from '../common/domain-errors.js';
import { SlaPolicy } from '../policy/sla-policy.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { complaintWorkflow } from '../../workflows/complaint.workflow.js';
import {
  acceptUpdate,
  acknowledgeEscalationUpdate,
  archiveUpdate,
  assignUpdate,
  complaintWorkflowId,
  disputeUpdate,
  extendDeadlineUpdate,
  provideClarificationUpdate,
  recordFollowUpUpdate,
  redirectUpdate,
  requestClarificationUpdate,
  resolveUpdate,
  statusQuery,
  verifyUpdate,
  type Actor,
  type ComplaintStatus,
  type ComplaintWorkflowInput,
  type DeadlineRule,
} from '../../workflows/messages.js';
import { ComplaintsRepository, type ComplaintRow } from './complaints.repository.js';
import type {
  AcceptAnswerDto,
  AcknowledgeEscalationDto,
  ArchiveComplaintDto,
  AssignLiaisonDto,
  DisputeAnswerDto,
  ExtendDeadlineDto,
  OfficerActionDto,
  OfficerRole,
  ProvideClarificationDto,
  RecordFollowUpDto,
  RedirectComplaintDto,
  RequestClarificationDto,
  ResolveComplaintDto,
  VerifyComplaintDto,
} from './dto/actions.dto.js';
import { toComplaintView, toSubmittedView, type ComplaintView, type SubmittedComplaintView } from './dto/complaint.view.js';
import { toPublicItem, toWorkQueueItem, type PublicComplaintPage, type WorkQueuePage } from './dto/complaint-list.view.js';
import type { ListComplaintsQuery, PageQuery } from './dto/list-complaints.query.js';
import type { CreateComplaintDto } from './dto/create-complaint.dto.js';

/** Reporter actions carry no identity: the reporter is known to PostgreSQL only. */
const REPORTER: Actor = { id: 'reporter', role: 'REPORTER' };

const officer = (dto: OfficerActionDto, usualRole: OfficerRole): Actor => ({ id: dto.officerId, role: dto.officerRole ?? usualRole });

@Injectable()
export class ComplaintsService {
  constructor(
    private readonly complaints: ComplaintsRepository,
    private readonly temporal: TemporalClientService,
    private readonly policy: SlaPolicy,
    private readonly config: AppConfig,
  ) {}

  /**
   * Stores the complaint (identity in PostgreSQL only) and starts its workflow. A repeated request with
   * the same Idempotency-Key answers the same complaint; starting is idempotent too (same workflow ID).
   */
  async submit(dto: CreateComplaintDto, idempotencyKey?: string): Promise<{ view: SubmittedComplaintView; replayed: boolean }> {
    if (dto.agencyId) await this.assertAgency('agencyId', dto.agencyId);
    const submittedAt = new Date();
    const { complaint, created } = await this.complaints.createOnce({
      dto,
      submittedAt,
      policyVersion: this.policy.inForceAt(submittedAt).version,
      idempotency: idempotencyKey ? { key: idempotencyKey, requestHash: hashRequest(dto) } : undefined,
    });
    await this.startWorkflow(complaint);
    return { view: toSubmittedView(complaint), replayed: !created };
  }

  /** An officer's work queue: filtered, soonest deadline first, in keyset pages. */
  async list(query: ListComplaintsQuery): Promise<WorkQueuePage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const { status, agencyId, assigneeId, breached, escalationLevel } = query;
    const rows = await this.complaints.listWorkQueue(
      { status, agencyId, assigneeId, breached, escalationLevel, dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined },
      { after: decodeCursor(query.cursor), limit: limit + 1 },
    );
    return toPage(rows, limit, toWorkQueueItem);
  }

  /** Public transparency: non-confidential complaints only, never reporter data. */
  async listPublic(query: PageQuery): Promise<PublicComplaintPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.complaints.listPublic({ after: decodeCursor(query.cursor), limit: limit + 1 });
    return toPage(rows, limit, toPublicItem);
  }

  async get(trackingId: string): Promise<ComplaintView> {
    const complaint = await this.findOrThrow(trackingId);
    return toComplaintView(complaint, await this.processStatus(complaint));
  }

  async verify(trackingId: string, dto: VerifyComplaintDto): Promise<ComplaintStatus> {
    await this.assertAgency('agencyId', dto.agencyId);
    const { agencyId, classification, complexity } = dto;
    return this.act(trackingId, verifyUpdate, { actor: officer(dto, 'VERIFIER'), agencyId, classification, complexity });
  }

  requestClarification(trackingId: string, dto: RequestClarificationDto): Promise<ComplaintStatus> {
    return this.act(trackingId, requestClarificationUpdate, { actor: officer(dto, 'VERIFIER'), question: dto.question });
  }

  provideClarification(trackingId: string, dto: ProvideClarificationDto): Promise<ComplaintStatus> {
    return this.act(trackingId, provideClarificationUpdate, { actor: REPORTER, answer: dto.answer });
  }

  archive(trackingId: string, dto: ArchiveComplaintDto): Promise<ComplaintStatus> {
    return this.act(trackingId, archiveUpdate, { actor: officer(dto, 'VERIFIER'), reason: dto.reason, note: dto.note });
  }

  assign(trackingId: string, dto: AssignLiaisonDto): Promise<ComplaintStatus> {
    return this.act(trackingId, assignUpdate, { actor: officer(dto, 'AGENCY_ADMIN'), liaisonId: dto.liaisonId });
  }

  async redirect(trackingId: string, dto: RedirectComplaintDto): Promise<ComplaintStatus> {
    await this.assertAgency('toAgencyId', dto.toAgencyId);
    return this.act(trackingId, redirectUpdate, { actor: officer(dto, 'AGENCY_ADMIN'), toAgencyId: dto.toAgencyId, reason: dto.reason });
  }

  recordFollowUp(trackingId: string, dto: RecordFollowUpDto): Promise<ComplaintStatus> {
    return this.act(trackingId, recordFollowUpUpdate, { actor: officer(dto, 'LIAISON'), text: dto.text });
  }

  resolve(trackingId: string, dto: ResolveComplaintDto): Promise<ComplaintStatus> {
    return this.act(trackingId, resolveUpdate, { actor: officer(dto, 'LIAISON'), answer: dto.answer });
  }

  accept(trackingId: string, dto: AcceptAnswerDto): Promise<ComplaintStatus> {
    return this.act(trackingId, acceptUpdate, { actor: REPORTER, rating: dto.rating, comment: dto.comment });
  }

  dispute(trackingId: string, dto: DisputeAnswerDto): Promise<ComplaintStatus> {
    return this.act(trackingId, disputeUpdate, { actor: REPORTER, reason: dto.reason });
  }

  extendDeadline(trackingId: string, dto: ExtendDeadlineDto): Promise<ComplaintStatus> {
    const { workingDays, duration } = dto.extra;
    if ((workingDays === undefined) === (duration === undefined)) {
      throw new InvalidFieldError('extra', 'give exactly one of workingDays or duration');
    }
    const source = 'supervisor extension';
    const extra: DeadlineRule = workingDays !== undefined ? { workingDays, source } : { duration: duration!, source };
    return this.act(trackingId, extendDeadlineUpdate, {
      actor: officer(dto, 'SUPERVISOR'),
      stage: dto.stage,
      extra,
      reason: dto.reason,
      approvedBy: dto.approvedBy,
    });
  }

  acknowledgeEscalation(trackingId: string, dto: AcknowledgeEscalationDto): Promise<ComplaintStatus> {
    return this.act(trackingId, acknowledgeEscalationUpdate, { actor: officer(dto, 'SUPERVISOR'), escalationKey: dto.escalationKey });
  }

  /** Runs one lifecycle action as a Workflow Update; its validator refuses illegal ones before history. */
  private async act<I>(trackingId: string, update: UpdateDefinition<ComplaintStatus, [I], string>, input: I): Promise<ComplaintStatus> {
    const complaint = await this.findOrThrow(trackingId);
    try {
      return await this.temporal.client.workflow.getHandle(complaint.workflowId).executeUpdate(update, { args: [input] });
    } catch (error) {
      // A closed or archived complaint's workflow has completed: that is a refusal, not a missing complaint.
      if (error instanceof WorkflowNotFoundError) throw new ProcessEndedError((await this.findOrThrow(trackingId)).status, update.name);
      throw error;
    }
  }

  private async startWorkflow(complaint: ComplaintRow): Promise<void> {
    const input: ComplaintWorkflowInput = {
      complaintId: complaint.id,
      trackingId: complaint.trackingId,
      submittedAt: complaint.submittedAt.toISOString(),
      agencyId: complaint.agencyId,
      classification: complaint.classification,
      channel: complaint.channel,
      policy: this.policy.version(complaint.policyVersion),
      continueAsNewAfterEvents: this.config.workflowHistoryLimit,
    };
    await this.temporal.client.workflow.start(complaintWorkflow, {
      workflowId: complaintWorkflowId(complaint.trackingId),
      taskQueue: this.config.temporalTaskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  }

  private async processStatus(complaint: ComplaintRow): Promise<ComplaintStatus | null> {
    try {
      return await this.temporal.client.workflow.getHandle(complaint.workflowId).query(statusQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }

  private async findOrThrow(trackingId: string): Promise<ComplaintRow> {
    const complaint = await this.complaints.findByTrackingId(trackingId);
    if (!complaint) throw new NotFoundError('complaint', trackingId);
    return complaint;
  }

  private async assertAgency(field: string, agencyId: string): Promise<void> {
    if (!(await this.complaints.agencyExists(agencyId))) throw new InvalidFieldError(field, `unknown agency '${agencyId}'`);
  }
}

/** A stable fingerprint of a request body, independent of key order. */
function hashRequest(body: object): string {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
      : value;
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}
