import { Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { describeRule } from '../../../activities/business-calendar.js';
import { AppConfig } from '../../config/app-config.js';
import { SlaPolicy } from '../../policy/sla-policy.js';
import { TemporalClientService } from '../../temporal/temporal-client.service.js';
import { complaintWorkflow } from '../../../workflows/complaint.workflow.js';
import { complaintWorkflowId, type ComplaintWorkflowInput } from '../../../workflows/messages.js';
import { ComplaintsRepository, type ComplaintRow } from '../complaints.repository.js';
import { workflowStartRepairs } from '../../metrics/process-metrics.js';

/** What starting a complaint's workflow needs of its row. */
export type StartableComplaint = Pick<ComplaintRow, 'id' | 'trackingId' | 'submittedAt' | 'agencyId' | 'classification' | 'channel' | 'policyVersion'>;

/**
 * Starts a complaint's workflow from its row — the row is the source of truth — and confirms it on the
 * row. Idempotent: the workflow ID is derived from the tracking ID, a running one is kept and a closed
 * one is not started again. Deadlines count from the row's submittedAt, however late the start.
 */
@Injectable()
export class ComplaintWorkflowStarter {
  private readonly logger = new Logger('WorkflowStarts');

  constructor(
    private readonly temporal: TemporalClientService,
    private readonly policy: SlaPolicy,
    private readonly config: AppConfig,
    private readonly complaints: ComplaintsRepository,
  ) {}

  /** Starts (or finds) the workflow within `deadlineMs`; throws if Temporal cannot be reached in time. */
  async start(complaint: StartableComplaint, deadlineMs = 5000): Promise<void> {
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
    const client = this.temporal.client;
    try {
      await client.connection.withDeadline(Date.now() + deadlineMs, () =>
        client.workflow.start(complaintWorkflow, {
          workflowId: complaintWorkflowId(complaint.trackingId),
          taskQueue: this.config.temporalTaskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          // What the Temporal Web UI shows for the run: never the reporter's words or identity.
          staticSummary: `Complaint ${complaint.trackingId}: ${complaint.classification.toLowerCase().replaceAll('_', ' ')} via ${complaint.channel}`,
          staticDetails: [
            `Tracking ID: ${complaint.trackingId}`,
            `Submitted: ${input.submittedAt}`,
            `SLA policy: ${input.policy.version} (verification ${describeRule(input.policy.deadlines.verification)})`,
            `Timeline for auditors: GET /v1/audit/complaints/${complaint.trackingId}/history`,
          ].join('\n'),
        }),
      );
    } catch (error) {
      // Closed long ago and not to be started again: its workflow did exist.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    await this.complaints.confirmWorkflowStarted(complaint.id);
  }

  /**
   * Starts the workflows of complaints whose rows are older than `graceMs` and still unconfirmed (the
   * API died between row and start, or Temporal was down); answers how many it started.
   */
  async startMissing(graceMs: number, batch = 100): Promise<number> {
    const waiting = await this.complaints.awaitingWorkflow(new Date(Date.now() - graceMs), batch);
    let started = 0;
    for (const complaint of waiting) {
      await this.start(complaint);
      started += 1;
      workflowStartRepairs.inc();
      this.logger.warn(`started the missing workflow of complaint ${complaint.trackingId}, submitted ${complaint.submittedAt.toISOString()}`);
    }
    return started;
  }
}
