// Drives the pure lifecycle (workflows/lifecycle) without Temporal: answers its requests with the real
// business calendar, records what it would write, and moves a test clock. No I/O beyond the config files.
import { join } from 'node:path';
import { BusinessCalendar } from '../../activities/business-calendar.js';
import { loadCalendarYears } from '../../activities/calendar-data.js';
import { loadSlaPolicy } from '../../src/policy/sla-policy.js';
import { projectRoot } from '../../src/project-root.js';
import { ComplaintCase } from '../../workflows/lifecycle/complaint-case.js';
import type { Change, Request, Work } from '../../workflows/lifecycle/requests.js';
import type { AcknowledgementRecord, EscalationRecord, NotificationRecord, TransitionRecord } from '../../workflows/lifecycle/records.js';
import type { ActionInputs, ComplaintWorkflowInput, SlaPolicyVersion } from '../../workflows/lifecycle/types.js';
import type { ComplaintAction } from '../../workflows/lifecycle/vocabulary.js';

export const calendar = new BusinessCalendar(loadCalendarYears(join(projectRoot(), 'config', 'calendars')));

/** The zones of the harness's agencies; null is the national calendar. */
export const AGENCY_ZONES: Record<string, string> = { jakarta: 'Asia/Jakarta', makassar: 'Asia/Makassar', jayapura: 'Asia/Jayapura' };

export const policyFrom = (file: string, version?: string): SlaPolicyVersion => {
  const policy = loadSlaPolicy(join(projectRoot(), file));
  return version ? policy.version(version) : policy.all()[0];
};

export class CaseHarness {
  now: number;
  readonly case: ComplaintCase;
  readonly projected: TransitionRecord[] = [];
  readonly escalations: EscalationRecord[] = [];
  readonly notices: NotificationRecord[] = [];
  readonly acknowledgements: AcknowledgementRecord[] = [];
  readonly asked: Request['kind'][] = [];
  /** How each behaviour change is answered (Temporal's patched(); true for a run started today). */
  readonly changes: Partial<Record<Change, boolean>> = {};

  constructor(
    readonly policy: SlaPolicyVersion,
    startAt = '2026-11-23T09:00:00+07:00',
    overrides: Partial<ComplaintWorkflowInput> = {},
  ) {
    this.now = Date.parse(startAt);
    const input: ComplaintWorkflowInput = {
      complaintId: '00000000-0000-4000-8000-000000000001',
      trackingId: 'LPR-TEST-0001',
      submittedAt: new Date(this.now).toISOString(),
      agencyId: null,
      classification: 'COMPLAINT',
      channel: 'WEB',
      policy,
      ...overrides,
    };
    this.case = new ComplaintCase(input, { now: () => new Date(this.now).toISOString(), workflowId: 'complaint-LPR-TEST-0001' });
    this.run(this.case.start());
  }

  /** Runs a transition to its end, answering each request as the workflow's activities would. */
  run<T>(work: Work<T>): T {
    for (let next = work.next(); ; ) {
      if (next.done) return next.value;
      this.asked.push(next.value.kind);
      next = work.next(this.answer(next.value));
    }
  }

  /** An action as an Update carries it: validated, then performed. */
  act<A extends ComplaintAction>(action: A, input: ActionInputs[A]): void {
    this.case.validate(action, input);
    this.run(this.case.perform(action, input));
  }

  /** Moves the test clock to `at`, firing every step that comes due on the way, in order. */
  advanceTo(at: number | string): void {
    const target = typeof at === 'string' ? Date.parse(at) : at;
    for (let step = this.case.nextStep(); step && Date.parse(step.at) <= target; step = this.case.nextStep()) {
      this.now = Math.max(this.now, Date.parse(step.at));
      this.run(this.case.fire(step));
    }
    this.now = Math.max(this.now, target);
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.now + ms);
  }

  private answer(request: Request): unknown {
    switch (request.kind) {
      case 'since':
        return this.changes[request.change] ?? true;
      case 'planDeadline':
        return this.plan(request.request);
      case 'planDeadlines':
        return request.requests.map((r) => this.plan(r));
      case 'remainingAfterPause':
        return calendar.remainingAfterPause({ ...request.request, ...this.where(request.request.agencyId, request.request.defaultTimeZone) });
      case 'publish':
        return undefined;
      case 'project':
        this.projected.push(request.record);
        return { seq: request.record.seq, type: request.record.type, status: request.record.status, detail: {} };
      case 'notify':
        this.notices.push(request.notice);
        return request.notice;
      case 'recordEscalation':
        this.escalations.push(request.escalation);
        return request.escalation;
      case 'markAcknowledged':
        this.acknowledgements.push(request.acknowledgement);
        return undefined;
    }
  }

  private plan(request: Parameters<BusinessCalendar['plan']>[0]) {
    return calendar.plan(request, this.where(request.agencyId, request.defaultTimeZone));
  }

  private where(agencyId: string | null, defaultTimeZone: string) {
    return { timeZone: agencyId ? (AGENCY_ZONES[agencyId] ?? defaultTimeZone) : defaultTimeZone, agencyDaysOff: [] };
  }
}

export const officer = (role: string, id = `usr-${role.toLowerCase()}`) => ({ id, role });
