import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { NotFoundError } from '../common/domain-errors.js';
import { AppConfig } from '../config/app-config.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { AuditLogService } from './audit-log.service.js';
import type { AuditHistoryView, AuditStepView } from './audit-history.dto.js';
import { AuditHistoryRepository } from './audit-history.repository.js';
import { reporterNoticeStep } from './history/reporter-notice-steps.js';
import { timestampMs, WorkflowHistoryDecoder } from './workflow-history.decoder.js';
import { WorkflowHistoryReader, type WorkflowRun } from './workflow-history.reader.js';
import { ACTIONS, type ComplaintAction } from '../../workflows/messages.js';
import { message, render, type Locale, type Message } from '../i18n/messages.js';

type AuditLogRow = Awaited<ReturnType<AuditLogService['forComplaint']>>[number];


/**
 * Auditors' view of one complaint: its workflow's event history across every run (the process's
 * system of record) merged with the API audit log and what the reporter was told, in time order.
 */
@Injectable()
export class AuditHistoryService {
  constructor(
    private readonly complaints: AuditHistoryRepository,
    private readonly temporal: TemporalClientService,
    private readonly reader: WorkflowHistoryReader,
    private readonly auditLog: AuditLogService,
    private readonly config: AppConfig,
  ) {}

  async history(trackingId: string, locale: Locale): Promise<AuditHistoryView> {
    const complaint = await this.complaints.findComplaint(trackingId);
    if (!complaint) throw new NotFoundError('notFound.complaint', trackingId);
    const [process, apiRows, notices] = await Promise.all([
      this.workflowSteps(complaint.workflowId, locale),
      this.auditLog.forComplaint(trackingId),
      this.complaints.reporterNoticesSettled(trackingId),
    ]);
    const noticeSteps = notices.map((n) => reporterNoticeStep(n, locale)).filter((step): step is AuditStepView => step !== null);
    const steps = [...process.steps, ...apiRows.map((row) => toApiStep(row, locale)), ...noticeSteps]
      .map((step, index) => ({ step, index, at: Date.parse(step.at) }))
      .sort((a, b) => a.at - b.at || a.index - b.index)
      .map(({ step }) => step);
    return {
      trackingId: complaint.trackingId,
      workflowId: complaint.workflowId,
      status: complaint.status,
      workflowStatus: process.workflowStatus,
      temporalUiUrl: `${this.config.temporalUiUrl.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(this.config.temporalNamespace)}/workflows/${encodeURIComponent(complaint.workflowId)}`,
      runIds: process.runIds,
      steps,
    };
  }

  /** The same history as CSV: one row per step, formula-like cells neutralised for spreadsheets. */
  async historyCsv(trackingId: string, locale: Locale): Promise<{ filename: string; csv: string }> {
    const { steps } = await this.history(trackingId, locale);
    const csv = stringify(
      steps.map((s) => ({ ...s, detail: JSON.stringify(s.detail) })),
      {
        header: true,
        columns: [
          { key: 'at', header: 'at' },
          { key: 'source', header: 'source' },
          { key: 'kind', header: 'kind' },
          { key: 'actorId', header: 'actor_id' },
          { key: 'actorRole', header: 'actor_role' },
          { key: 'summary', header: 'summary' },
          { key: 'detail', header: 'detail' },
        ],
        escape_formulas: true,
      },
    );
    return { filename: `complaint-${trackingId.replace(/[^A-Za-z0-9-]/g, '_')}-history.csv`, csv };
  }

  private async workflowSteps(workflowId: string, locale: Locale): Promise<{ workflowStatus: string | null; runIds: string[]; steps: AuditStepView[] }> {
    const decoder = new WorkflowHistoryDecoder(this.temporal.client.options.loadedDataConverter, locale);
    const { workflowStatus, runs, missingBefore } = await this.reader.runs(workflowId);
    const steps: AuditStepView[] = [];
    if (missingBefore) steps.push(missingRunsStep(missingBefore, runs[0], locale));
    for (const run of runs) steps.push(...(await decoder.decodeRun(run.runId, run.events)));
    return { workflowStatus, runIds: runs.map((r) => r.runId), steps };
  }
}

/** The API audit log's own actions (besides lifecycle actions), worded after "<role> <id>". */
const API_ACTIONS = ['REPORTER_IDENTITY_VIEWED', 'EVIDENCE_PACK_DOWNLOADED', 'ombudsman-consent'] as const;
const isApiAction = (action: string): action is (typeof API_ACTIONS)[number] => (API_ACTIONS as readonly string[]).includes(action);

/** An API audit entry in words: an action that succeeded by its verb, anything else by what was asked. */
function apiVerb(row: AuditLogRow): Message {
  if (isApiAction(row.action) && row.statusCode < 300) return message(`history.api.${row.action}`);
  const action = ACTIONS[row.action as ComplaintAction] ? (row.action as ComplaintAction) : null;
  if (action && row.statusCode < 300) return message(`history.verb.${action}`);
  return message(action ? 'history.api.askedTo' : 'history.api.called', { action: row.action });
}

function toApiStep(row: AuditLogRow, locale: Locale): AuditStepView {
  const verb = apiVerb(row);
  const logged = row.detail !== null && typeof row.detail === 'object' && Object.keys(row.detail).length > 0 ? { logged: row.detail } : {};
  return {
    at: row.at.toISOString(),
    source: 'api',
    kind: row.action,
    summary: render(message('history.api.step', { role: row.actorRole, id: row.actorId, verb, method: row.method, path: row.path, status: row.statusCode }), locale),
    actorId: row.actorId,
    actorRole: row.actorRole,
    detail: { method: row.method, path: row.path, statusCode: row.statusCode, requestId: row.requestId, ...logged },
  };
}

function missingRunsStep(missingRunId: string, oldestKept: WorkflowRun | undefined, locale: Locale): AuditStepView {
  const at = oldestKept?.events[0]?.eventTime ? new Date(timestampMs(oldestKept.events[0].eventTime)) : new Date(0);
  return {
    at: at.toISOString(),
    source: 'workflow',
    kind: 'history-missing',
    summary: render(message('history.missingRuns', { runId: missingRunId }), locale),
    actorId: null,
    actorRole: null,
    detail: { missingRunId },
  };
}
