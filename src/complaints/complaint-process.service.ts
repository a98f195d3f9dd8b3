import { Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { createHash, randomUUID } from 'node:crypto';
import { ProcessEndedError } from '../common/domain-errors.js';
import { retryServiceErrors } from '../temporal/retry-service-errors.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { statusQuery, TERMINAL_STATES, type ComplaintStatus } from '../../workflows/messages.js';
import type { ComplaintRow } from './complaints.repository.js';
import { ComplaintWorkflowStarter } from './workflow-start/complaint-workflow-starter.js';

/** How long a submission waits for Temporal to start its workflow before answering anyway. */
const INTAKE_START_DEADLINE_MS = 3000;
/** How long an action and a status read may wait for Temporal before the API answers 503. */
const UPDATE_DEADLINE_MS = 15_000;
const QUERY_DEADLINE_MS = 5000;

/** A request's Idempotency-Key, scoped to its caller: the same key from the same caller is the same Update. */
export interface UpdateIdentity {
  caller: string;
  idempotencyKey?: string;
}

/** The complaint's Temporal workflow: start, Updates (officer and reporter actions) and the status query. */
@Injectable()
export class ComplaintProcessService {
  private readonly logger = new Logger('WorkflowStarts');

  constructor(
    private readonly temporal: TemporalClientService,
    private readonly starter: ComplaintWorkflowStarter,
  ) {}

  /**
   * Starts the workflow of a stored complaint. The row is the source of truth: when Temporal cannot be
   * reached in time, the complaint stays accepted and the reconciler beside the workers starts it later.
   */
  async start(complaint: ComplaintRow): Promise<void> {
    try {
      await this.starter.start(complaint, INTAKE_START_DEADLINE_MS);
    } catch (error) {
      this.logger.warn(`complaint ${complaint.trackingId} accepted; its workflow starts once Temporal answers (${(error as Error).message.split('\n')[0]})`);
    }
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
    const send = () =>
      retryServiceErrors(() => this.temporal.within(UPDATE_DEADLINE_MS, (client) => client.workflow.getHandle(complaint.workflowId).executeUpdate(update, { updateId, args: [input] })));
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      // A closed or archived complaint's workflow has ended: that is a refusal, not a missing complaint.
      if (TERMINAL_STATES.includes(complaint.status)) throw new ProcessEndedError(complaint.status, update.name);
      // Accepted while Temporal was away and not started yet: start it now, then act.
      await this.starter.start(complaint);
      return await send();
    }
  }

  async status(complaint: ComplaintRow): Promise<ComplaintStatus | null> {
    try {
      return await this.temporal.within(QUERY_DEADLINE_MS, (client) => client.workflow.getHandle(complaint.workflowId).query(statusQuery));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }
}
