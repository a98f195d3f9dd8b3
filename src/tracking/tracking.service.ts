import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { NotFoundError } from '../common/domain-errors.js';
import { PrismaService } from '../database/prisma.service.js';
import { ComplaintProcessService } from '../complaints/complaint-process.service.js';
import { ComplaintsRepository, type ComplaintRow } from '../complaints/complaints.repository.js';
import type { AcceptAnswerDto, DisputeAnswerDto, ProvideClarificationDto } from '../complaints/dto/actions.dto.js';
import {
  acceptUpdate,
  disputeUpdate,
  provideClarificationUpdate,
  type Actor,
  type ComplaintAction,
  type ComplaintStatus,
  type Stage,
} from '../../workflows/messages.js';
import type { CitizenDeadline, TrackingView } from './tracking.view.js';

/** Reporter actions carry no identity: the reporter is known to PostgreSQL only. */
const REPORTER: Actor = { id: 'reporter', role: 'REPORTER' };
const REPORTER_ACTIONS: ComplaintAction[] = ['provideClarification', 'accept', 'dispute'];

/** What each event tells the citizen, from its detail. */
const MESSAGE_TEXT: Record<string, (detail: Record<string, unknown>) => string> = {
  CLARIFICATION_REQUESTED: (d) => String(d.question),
  CLARIFICATION_PROVIDED: (d) => String(d.answer),
  REDIRECTED: (d) => `Diteruskan ke instansi berwenang (${String(d.toAgencyId)}): ${String(d.reason)}`,
  FOLLOWED_UP: (d) => String(d.text),
  RESOLVED: (d) => String(d.answer),
  DISPUTED: (d) => String(d.reason),
  ARCHIVED: (d) => `Diarsipkan: ${String(d.reason)}${typeof d.note === 'string' ? ` — ${d.note}` : ''}`,
  CLOSED: () => 'Laporan selesai.',
};

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
  ) {}

  async track(trackingId: string): Promise<TrackingView> {
    const complaint = await this.find(trackingId);
    const [status, details] = await Promise.all([
      this.process.status(complaint),
      this.prisma.complaint.findUniqueOrThrow({
        where: { id: complaint.id },
        select: {
          rating: true,
          agency: { select: { id: true, name: true } },
          events: { where: { type: { in: Object.keys(MESSAGE_TEXT) } }, orderBy: { seq: 'asc' }, select: { type: true, occurredAt: true, detail: true } },
        },
      }),
    ]);
    return {
      trackingId,
      status: status?.state ?? complaint.status,
      title: complaint.title,
      submittedAt: complaint.submittedAt.toISOString(),
      agency: details.agency,
      deadlines: (status?.deadlines ?? []).map((d) => ({ stage: d.stage, awaiting: AWAITING[d.stage], dueAt: d.dueAt, paused: d.paused, overdue: d.breached })),
      messages: details.events.map((e) => ({ at: e.occurredAt.toISOString(), type: e.type, text: MESSAGE_TEXT[e.type](e.detail as Record<string, unknown>) })),
      allowedActions: (status?.allowedActions ?? []).filter((a) => REPORTER_ACTIONS.includes(a)),
      rating: details.rating,
    };
  }

  provideClarification(trackingId: string, dto: ProvideClarificationDto, idempotencyKey?: string): Promise<ComplaintStatus> {
    return this.act(trackingId, provideClarificationUpdate, { actor: REPORTER, answer: dto.answer }, idempotencyKey);
  }

  accept(trackingId: string, dto: AcceptAnswerDto, idempotencyKey?: string): Promise<ComplaintStatus> {
    return this.act(trackingId, acceptUpdate, { actor: REPORTER, rating: dto.rating, comment: dto.comment }, idempotencyKey);
  }

  dispute(trackingId: string, dto: DisputeAnswerDto, idempotencyKey?: string): Promise<ComplaintStatus> {
    return this.act(trackingId, disputeUpdate, { actor: REPORTER, reason: dto.reason }, idempotencyKey);
  }

  private async act<I>(trackingId: string, update: UpdateDefinition<ComplaintStatus, [I], string>, input: I, idempotencyKey?: string): Promise<ComplaintStatus> {
    return this.process.update(await this.find(trackingId), update, input, { caller: `reporter:${trackingId}`, idempotencyKey });
  }

  private async find(trackingId: string): Promise<ComplaintRow> {
    const complaint = await this.complaints.findByTrackingId(trackingId);
    if (!complaint) throw new NotFoundError('complaint', trackingId);
    return complaint;
  }
}
