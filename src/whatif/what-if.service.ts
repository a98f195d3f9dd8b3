import { Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import type { Officer } from '../auth/officer.js';
import { InvalidFieldError, NotFoundError } from '../common/domain-errors.js';
import { AppConfig } from '../config/app-config.js';
import { message } from '../i18n/messages.js';
import { parseSlaPolicy, SlaPolicy, SlaPolicyError } from '../policy/sla-policy.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { policyReplayWorkflow } from '../../workflows/policy-replay.workflow.js';
import { policyReplayWorkflowId, type SlaPolicyVersion } from '../../workflows/messages.js';
import type { StartWhatIfDto, WhatIfComplaintPage, WhatIfComplaintView, WhatIfReportView, WhatIfRunView } from './dto/what-if.dto.js';
import { replayPeriod, whatIfRows } from './what-if-figures.js';
import { WhatIfRepository, type DifferenceRow, type ReplayRow } from './what-if.repository.js';

/** Temporal must take the start within this, or the API answers 503 (the replay row says FAILED). */
const START_DEADLINE_MS = 5000;

/**
 * What-if replays of an SLA policy over past complaints: validates the policy and period, records the
 * replay and starts its workflow; reads progress and the report (rows and differing complaints).
 */
@Injectable()
export class WhatIfService {
  constructor(
    private readonly repository: WhatIfRepository,
    private readonly policy: SlaPolicy,
    private readonly temporal: TemporalClientService,
    private readonly config: AppConfig,
  ) {}

  async start(officer: Officer, dto: StartWhatIfDto, now = new Date()): Promise<WhatIfRunView> {
    const { policy, source } = this.whatIfPolicy(dto);
    const timeZone = this.policy.inForceAt(now).nationalTimeZone;
    const period = replayPeriod(dto, now, timeZone);
    const id = randomUUID();
    const replay = await this.repository.create({
      id,
      workflowId: policyReplayWorkflowId(id),
      requestedBy: officer.id,
      policySource: source,
      policy,
      periodFrom: period.from.toJSDate(),
      periodTo: period.to.toJSDate(),
      asOf: now,
    });
    try {
      await this.temporal.within(START_DEADLINE_MS, (client) =>
        client.workflow.start(policyReplayWorkflow, {
          workflowId: replay.workflowId,
          taskQueue: this.config.temporalTaskQueue,
          args: [{ replayId: id, total: replay.total, batchSize: this.config.whatIfBatchSize, after: null, processed: 0, differing: 0, unreplayable: 0, unlikeRecord: 0 }],
          staticSummary: `What-if: SLA policy ${policy.version} over ${replay.total} complaints submitted ${period.from.toISODate()} to ${period.to.toISODate()}`,
        }),
      );
    } catch (error) {
      await this.repository.markEnded(id, 'FAILED', `the workflow could not be started: ${(error as Error).message}`);
      throw error;
    }
    return this.runView(replay);
  }

  async list(): Promise<WhatIfRunView[]> {
    return (await this.repository.latest(50)).map((r) => this.runView(r));
  }

  async report(id: string): Promise<WhatIfReportView> {
    const replay = await this.found(id);
    const rows = whatIfRows(await this.repository.batchCounts(id));
    const names = new Map((await this.repository.agencyNames(rows.flatMap((r) => (r.agencyId ? [r.agencyId] : [])))).map((a) => [a.id, a.name]));
    return {
      run: this.runView(replay),
      complete: replay.status === 'COMPLETED',
      rows: rows.map((r) => ({ ...r, agencyName: r.agencyId ? (names.get(r.agencyId) ?? null) : null })),
    };
  }

  /** Differing complaints, a page at a time; every one of them without `page` (the CSV). */
  async differences(id: string, page?: { limit: number; offset: number }): Promise<WhatIfComplaintPage & { run: WhatIfRunView }> {
    const replay = await this.found(id);
    const [rows, total] = await Promise.all([this.repository.differences(id, page), this.repository.countDifferences(id)]);
    return { run: this.runView(replay), items: rows.map((r) => this.complaintView(r)), total, limit: page?.limit ?? total, offset: page?.offset ?? 0 };
  }

  /** Asks the workflow to stop after its current batch; it marks the replay CANCELLED. A finished replay stays as it is. */
  async cancel(id: string): Promise<WhatIfRunView> {
    const replay = await this.found(id);
    if (replay.status === 'RUNNING') {
      try {
        await this.temporal.within(START_DEADLINE_MS, (client) => client.workflow.getHandle(replay.workflowId).cancel());
      } catch (error) {
        // Ended meanwhile: its row says how.
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    }
    return this.runView((await this.repository.find(id))!);
  }

  /** The what-if version: one of the policy file, or of a draft validated as the file is. */
  private whatIfPolicy(dto: StartWhatIfDto): { policy: SlaPolicyVersion; source: 'VERSION' | 'DRAFT' } {
    if (dto.draftPolicy === undefined) {
      if (dto.policyVersion === undefined) throw new InvalidFieldError('policyVersion', message('whatIf.policyRequired'));
      return { policy: this.versionOf(this.policy, dto.policyVersion, 'policyVersion'), source: 'VERSION' };
    }
    let draft: SlaPolicy;
    try {
      draft = parseSlaPolicy(dto.draftPolicy, 'draftPolicy');
    } catch (error) {
      if (error instanceof SlaPolicyError) throw new InvalidFieldError(`draftPolicy.${error.field}`, message('whatIf.draftProblem', { problem: error.problem }));
      throw error;
    }
    const versions = draft.all();
    if (dto.policyVersion !== undefined) return { policy: this.versionOf(draft, dto.policyVersion, 'policyVersion'), source: 'DRAFT' };
    if (versions.length > 1) throw new InvalidFieldError('policyVersion', message('whatIf.draftVersionRequired', { known: versions.map((v) => v.version).join(', ') }));
    return { policy: versions[0], source: 'DRAFT' };
  }

  private versionOf(policy: SlaPolicy, name: string, field: string): SlaPolicyVersion {
    const version = policy.all().find((v) => v.version === name);
    if (!version) throw new InvalidFieldError(field, message('whatIf.unknownPolicyVersion', { version: name, known: policy.all().map((v) => v.version).join(', ') }));
    return version;
  }

  private async found(id: string): Promise<ReplayRow> {
    const replay = await this.repository.find(id);
    if (!replay) throw new NotFoundError('notFound.whatIf', id);
    return replay;
  }

  private runView(r: ReplayRow): WhatIfRunView {
    const timeZone = this.policy.inForceAt(r.createdAt).nationalTimeZone;
    const inZone = (d: Date) => DateTime.fromJSDate(d, { zone: timeZone }).toISO()!;
    return {
      id: r.id,
      status: r.status,
      policySource: r.policySource,
      policyVersion: r.policyVersion,
      period: { from: inZone(r.periodFrom), to: inZone(r.periodTo), timeZone },
      asOf: r.asOf.toISOString(),
      total: r.total,
      processed: r.processed,
      differing: r.differing,
      unreplayable: r.unreplayable,
      unlikeRecord: r.unlikeRecord,
      createdAt: r.createdAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      error: r.error,
      requestedBy: r.requestedBy,
    };
  }

  private complaintView(r: DifferenceRow): WhatIfComplaintView {
    return {
      trackingId: r.trackingId,
      submittedAt: r.submittedAt.toISOString(),
      agencyId: r.agencyId,
      currentPolicyVersion: r.currentPolicyVersion,
      differences: (r.differences as unknown as WhatIfComplaintView['differences']).map((d) => ({ ...d, ending: d.ending ?? null })),
      error: r.error,
    };
  }
}
