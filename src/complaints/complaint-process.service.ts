import { Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { createHash, randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config.js';
import { ProcessEndedError } from '../common/domain-errors.js';
import { describeRule } from '../../activities/business-calendar.js';
import { SlaPolicy } from '../policy/sla-policy.js';
import { retryServiceErrors } from '../temporal/retry-service-errors.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { complaintWorkflow } from '../../workflows/complaint.workflow.js';
import { complaintWorkflowId, statusQuery, type ComplaintStatus, type ComplaintWorkflowInput } from '../../workflows/messages.js';
import type { ComplaintRow } from './complaints.repository.js';

/** A request's Idempotency-Key, scoped to its caller: the same key from the same caller is the same Update. */
export interface UpdateIdentity {
  caller: string;
  idempotencyKey?: string;
}

/** The complaint's Temporal workflow: start, Updates (officer and reporter actions) and the status query. */
@Injectable()
export class ComplaintProcessService {
  constructor(
    private readonly temporal: TemporalClientService,
    private readonly policy: SlaPolicy,
    private readonly config: AppConfig,
  ) {}

  /** Idempotent: the workflow ID is derived from the tracking ID, and an existing run is kept. */
  async start(complaint: ComplaintRow): Promise<void> {
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
      // What the Temporal Web UI shows for the run: never the reporter's words or identity.
      staticSummary: `Complaint ${complaint.trackingId}: ${complaint.classification.toLowerCase().replaceAll('_', ' ')} via ${complaint.channel}`,
      staticDetails: [
        `Tracking ID: ${complaint.trackingId}`,
        `Submitted: ${input.submittedAt}`,
        `SLA policy: ${input.policy.version} (verification ${describeRule(input.policy.deadlines.verification)})`,
        `Timeline for auditors: GET /v1/audit/complaints/${complaint.trackingId}/history`,
      ].join('\n'),
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  }

  /**
   * Runs one lifecycle action as a Workflow Update; its validator refuses illegal ones before history.
   * With an Idempotency-Key the Update ID is derived from it, so a repeat is answered by Temporal, not re-applied.
   */
  async update<I>(
    complaint: ComplaintRow,
    update: UpdateDefinition<ComplaintStatus, [I], string>,
    input: I,
    { caller, idempotencyKey }: UpdateIdentity,
  ): Promise<ComplaintStatus> {
    const updateId = idempotencyKey
      ? createHash('sha256').update(`${caller}\n${update.name}\n${idempotencyKey}`).digest('base64url')
      : randomUUID();
    try {
      const handle = this.temporal.client.workflow.getHandle(complaint.workflowId);
      return await retryServiceErrors(() => handle.executeUpdate(update, { updateId, args: [input] }));
    } catch (error) {
      // A closed or archived complaint's workflow has completed: that is a refusal, not a missing complaint.
      if (error instanceof WorkflowNotFoundError) throw new ProcessEndedError(complaint.status, update.name);
      throw error;
    }
  }

  async status(complaint: ComplaintRow): Promise<ComplaintStatus | null> {
    try {
      return await this.temporal.client.workflow.getHandle(complaint.workflowId).query(statusQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }
}
