import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/domain-errors.js';
import { PrismaService } from '../database/prisma.service.js';
import { ComplaintProcessService } from '../complaints/complaint-process.service.js';
import { ComplaintsRepository, type ComplaintRow } from '../complaints/complaints.repository.js';
import type { AcceptAnswerDto, DisputeAnswerDto, ProvideClarificationDto } from '../complaints/dto/actions.dto.js';
import { SlaPolicy } from '../policy/sla-policy.js';
import { ACTION_UPDATES, REPORTER_ACTIONS, type ActionInputs, type Actor, type EventType, type ReporterAction, type Stage } from '../../workflows/messages.js';
import { CITIZEN_EVENTS, citizenText } from './citizen-texts.js';
import { wordExplanation } from '../i18n/deadline-explanation.js';
import type { Locale } from '../i18n/messages.js';
import type { CitizenDeadline, TrackingView } from './tracking.view.js';
import { toComplaintStatusView, type ComplaintStatusView } from '../complaints/dto/complaint-status.view.js';

/** Reporter actions carry no identity: the reporter is known to PostgreSQL only. */
const REPORTER: Actor = { id: 'reporter', role: 'REPORTER' };

const AWAITING: Record<Stage, CitizenDeadline['awaiting']> = {
  verification: 'VERIFIER',
  assignment: 'AGENCY',
  firstFollowUp: 'AGENCY',
  resolution: 'AGENCY',
  clarification: 'YOU',
  feedback: 'YOU',
};

/** The citizen's side: status, deadlines and answers; clarification, acceptance and dispute. */
@Injectable()
export class TrackingService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly complaints: ComplaintsRepository,
    private readonly process: ComplaintProcessService,
    private readonly policy: SlaPolicy,
  ) {}

  /** The reporter's view, its sentences in `locale`. */
  async track(trackingId: string, locale: Locale): Promise<TrackingView> {
    const complaint = await this.find(trackingId);
    const [status, details] = await Promise.all([
      this.process.status(complaint),
      this.prisma.complaint.findUniqueOrThrow({
        where: { id: complaint.id },
        select: {
          rating: true,
          ombudsmanConsent: { select: { givenAt: true } },
          agency: { select: { id: true, name: true } },
          events: { where: { type: { in: CITIZEN_EVENTS } }, orderBy: { seq: 'asc' }, select: { type: true, occurredAt: true, detail: true } },
        },
      }),
    ]);
    const policy = this.policy.version(complaint.policyVersion);
    return {
      trackingId,
      status: status?.state ?? complaint.status,
      title: complaint.title,
      submittedAt: complaint.submittedAt.toISOString(),
      agency: details.agency,
      deadlines: (status?.deadlines ?? []).map((d) => ({
        stage: d.stage,
        awaiting: AWAITING[d.stage],
        dueAt: d.dueAt,
        paused: d.paused,
        overdue: d.breached,
        provisional: d.provisional ?? false,
        explanation: wordExplanation(d.explanation, locale, 'reporter').summary,
      })),
      messages: details.events.map((e) => ({
        at: e.occurredAt.toISOString(),
        type: e.type,
        text: citizenText(e.type as EventType, e.detail as Record<string, unknown>, policy, locale),
      })),
      allowedActions: (status?.allowedActions ?? []).filter((a): a is ReporterAction => (REPORTER_ACTIONS as string[]).includes(a)),
      rating: details.rating,
      ombudsmanConsentAt: details.ombudsmanConsent?.givenAt.toISOString() ?? null,
    };
  }

  provideClarification(trackingId: string, dto: ProvideClarificationDto, locale: Locale, idempotencyKey?: string): Promise<ComplaintStatusView> {
    return this.act(trackingId, 'provide-clarification', { actor: REPORTER, answer: dto.answer }, locale, idempotencyKey);
  }

  accept(trackingId: string, dto: AcceptAnswerDto, locale: Locale, idempotencyKey?: string): Promise<ComplaintStatusView> {
    return this.act(trackingId, 'accept', { actor: REPORTER, rating: dto.rating, comment: dto.comment }, locale, idempotencyKey);
  }

  dispute(trackingId: string, dto: DisputeAnswerDto, locale: Locale, idempotencyKey?: string): Promise<ComplaintStatusView> {
    return this.act(trackingId, 'dispute', { actor: REPORTER, reason: dto.reason }, locale, idempotencyKey);
  }

  /** The answer is the workflow's status (as officers' actions answer it), its explanations worded in `locale`. */
  private async act<A extends ReporterAction>(trackingId: string, action: A, input: ActionInputs[A], locale: Locale, idempotencyKey?: string): Promise<ComplaintStatusView> {
    const status = await this.process.update(await this.find(trackingId), ACTION_UPDATES[action], input, { caller: `reporter:${trackingId}`, idempotencyKey });
    return toComplaintStatusView(status, locale);
  }

  private async find(trackingId: string): Promise<ComplaintRow> {
    const complaint = await this.complaints.findByTrackingId(trackingId);
    if (!complaint) throw new NotFoundError('notFound.complaint', trackingId);
    return complaint;
  }
}
