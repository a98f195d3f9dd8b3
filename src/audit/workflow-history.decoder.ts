// Turns a complaint workflow's Temporal event history into steps an auditor can read: who did what,
// which clocks were armed and fired, what the activities recorded. The wording lives in the tables
// of history/: one entry per kind of event, per activity and per lifecycle transition.
import type { LoadedDataConverter, Payload, ProtoFailure } from '@temporalio/common';
import { decode } from '@temporalio/common/lib/internal-non-workflow/codec-helpers.js';
import { render, type Locale } from '../i18n/messages.js';
import type { AuditStepView } from './audit-history.dto.js';
import { EVENT_STEPS, type EventContext, type EventKind, type HistoryEvent, type Payloads, RunState, type StepDraft, unknownEventStep } from './history/event-steps.js';
import { timestampMs } from './history/wording.js';

export { timestampMs, type HistoryEvent };

export class WorkflowHistoryDecoder {
  /** Steps are worded in `locale`; their detail is data, the same in every language. */
  constructor(
    private readonly converter: LoadedDataConverter,
    private readonly locale: Locale,
  ) {}

  /** The steps of one run, in history order. */
  async decodeRun(runId: string, events: HistoryEvent[]): Promise<AuditStepView[]> {
    const run = new RunState(runId);
    const steps: AuditStepView[] = [];
    for (const event of events) {
      await this.revealFailures(event);
      const step = await this.decodeEvent(event, run);
      if (step) {
        steps.push({
          at: new Date(timestampMs(event.eventTime)).toISOString(),
          source: 'workflow',
          ...step,
          summary: render(step.summary, this.locale),
          detail: { eventId: Number(event.eventId), ...step.detail },
        });
      }
    }
    return steps;
  }

  private async decodeEvent(event: HistoryEvent, run: RunState): Promise<StepDraft | null> {
    const kind = (Object.keys(EVENT_STEPS) as EventKind[]).find((k) => event[k]);
    if (!kind) return unknownEventStep(event);
    const context: EventContext = { event, at: timestampMs(event.eventTime), run, value: (p) => this.value(p), plain: (p) => this.plainValue(p) };
    const describe = EVENT_STEPS[kind] as (attributes: unknown, c: EventContext) => StepDraft | null | Promise<StepDraft | null>;
    return describe(event[kind], context);
  }

  /**
   * Failures travel with their message and stack trace encoded (failure-converter.ts): put the readable
   * message back, wherever in the event a failure sits (activity, update outcome, marker, causes).
   */
  private async revealFailures(node: unknown): Promise<void> {
    if (!node || typeof node !== 'object' || node instanceof Uint8Array) return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'failure' || key === 'cause') && value && typeof value === 'object') await this.revealFailure(value as ProtoFailure);
      else await this.revealFailures(value);
    }
  }

  private async revealFailure(failure: ProtoFailure): Promise<void> {
    if (failure.encodedAttributes) {
      try {
        const [decoded] = await decode(this.converter.payloadCodecs, [failure.encodedAttributes]);
        const attributes = this.converter.payloadConverter.fromPayload<{ message?: string; stack_trace?: string }>(decoded);
        failure.message = attributes?.message ?? failure.message;
        failure.stackTrace = attributes?.stack_trace ?? failure.stackTrace;
        failure.encodedAttributes = null;
      } catch {
        failure.message = '(failure message could not be decoded)';
      }
    }
    if (failure.cause) await this.revealFailure(failure.cause);
  }

  /** The first value of a Payloads, through the client's codecs and payload converter. */
  private async value(payloads: Payloads): Promise<unknown> {
    const payload = payloads?.payloads?.[0];
    if (!payload) return undefined;
    try {
      let decoded: Payload[] = [payload];
      const codecs = this.converter.payloadCodecs;
      for (let i = codecs.length - 1; i >= 0; i--) decoded = await codecs[i].decode(decoded);
      return this.converter.payloadConverter.fromPayload(decoded[0]);
    } catch {
      return '(payload could not be decoded)';
    }
  }

  /** Values the server or the SDK's core wrote (search attributes, marker data): never through codecs. */
  private plainValue(payloads: Payloads): unknown {
    const payload = payloads?.payloads?.[0];
    if (!payload) return undefined;
    try {
      return this.converter.payloadConverter.fromPayload(payload);
    } catch {
      return '(payload could not be decoded)';
    }
  }
}
