import { Injectable } from '@nestjs/common';
import { PUBLICLY_VISIBLE } from '../access/complaint-access.js';
import { IdempotencyKeyReusedError } from '../common/domain-errors.js';
import { PrismaService } from '../database/prisma.service.js';
import { Prisma } from '../generated/prisma/client.js';
import { complaintWorkflowId, type Channel, type ComplaintState } from '../../workflows/messages.js';
import type { CreateComplaintDto } from './dto/create-complaint.dto.js';
import { newTrackingId } from './tracking-id.js';

/** Complaint columns the API reads; reporter identity is deliberately not among them. */
const complaintSelect = {
  id: true,
  trackingId: true,
  workflowId: true,
  title: true,
  chronology: true,
  occurredAt: true,
  regency: true,
  areaCode: true,
  district: true,
  districtCode: true,
  village: true,
  villageCode: true,
  classification: true,
  channel: true,
  anonymous: true,
  confidential: true,
  agencyId: true,
  suggestedAgencyId: true,
  status: true,
  policyVersion: true,
  submittedAt: true,
  assigneeId: true,
  intakeOfficerId: true,
} satisfies Prisma.ComplaintSelect;

export type ComplaintRow = Prisma.ComplaintGetPayload<{ select: typeof complaintSelect }>;

/** A work-queue line: what an officer triages by, never reporter identity. */
const workQueueSelect = {
  id: true,
  trackingId: true,
  status: true,
  title: true,
  regency: true,
  classification: true,
  channel: true,
  agencyId: true,
  assigneeId: true,
  complexity: true,
  nextDeadlineAt: true,
  escalationLevel: true,
  submittedAt: true,
} satisfies Prisma.ComplaintSelect;

export type WorkQueueRow = Prisma.ComplaintGetPayload<{ select: typeof workQueueSelect }>;

/** What the public may see of a non-confidential complaint. */
const publicSelect = {
  id: true,
  trackingId: true,
  title: true,
  regency: true,
  classification: true,
  status: true,
  submittedAt: true,
  agency: { select: { id: true, name: true } },
} satisfies Prisma.ComplaintSelect;

export type PublicRow = Prisma.ComplaintGetPayload<{ select: typeof publicSelect }>;

export interface WorkQueueFilter {
  status?: Prisma.ComplaintWhereInput['status'];
  agencyId?: string;
  assigneeId?: string;
  dueBefore?: Date;
  breached?: boolean;
  escalationLevel?: number;
  /** Only complaints whose process still runs (true: not CLOSED or ARCHIVED), or only ended ones (false). */
  open?: boolean;
  /** At risk (true) or not (false): an officer deadline falls due after `now` and by the horizon of the complaint's zone. */
  atRisk?: { value: boolean } & DueSoon;
}

/** "Due soon" horizons: per agency time zone, and for complaints not yet disposed (the national zone). */
export interface DueSoon {
  now: Date;
  untilByZone: Record<string, Date>;
  nationalUntil: Date;
}

/** Where officers' clocks run (reporter clocks run in the others). */
const OFFICER_CLOCK_STATES: ComplaintState[] = ['SUBMITTED', 'DISPOSED', 'IN_PROGRESS'];
const ENDED_STATES: ComplaintState[] = ['CLOSED', 'ARCHIVED'];

export interface Page {
  /** ID of the last row of the previous page. */
  after?: string;
  limit: number;
}

/** Where a complaint happened, as matched to the official areas (codes null where nothing was named). */
export interface Place {
  regency: string;
  areaCode: string | null;
  district: string | null;
  districtCode: string | null;
  village: string | null;
  villageCode: string | null;
}

export interface NewComplaint {
  /** Chosen by the caller: the reporter's access code is derived from it. */
  id: string;
  /** Set by the server from who files (see intake-channel.ts), not taken from the body. */
  channel: Channel;
  intakeOfficerId: string | null;
  integrationClientId: string | null;
  dto: CreateComplaintDto;
  /** Where it happened: the official name and area code the written regency was matched to (null: no place named). */
  place: Place;
  policyVersion: string;
  submittedAt: Date;
  /** The key within its scope: the channel and the caller, so keys never cross callers. */
  idempotency?: { scope: string; key: string; requestHash: string };
}

/** Thrown inside the transaction to roll back a duplicate submission. */
class DuplicateSubmission extends Error {}

const TRACKING_ID_ATTEMPTS = 3;

@Injectable()
export class ComplaintsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async agencyExists(id: string): Promise<boolean> {
    return (await this.prisma.agency.count({ where: { id } })) > 0;
  }

  /** Sorted by next deadline, soonest first (none last); keyset pages by row ID; only rows `visible` admits. */
  listWorkQueue(filter: WorkQueueFilter, visible: Prisma.ComplaintWhereInput, page: Page): Promise<WorkQueueRow[]> {
    return this.prisma.complaint.findMany({
      select: workQueueSelect,
      where: workQueueWhere(filter, visible),
      orderBy: [{ nextDeadlineAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
      ...keyset(page),
    });
  }

  /** How many complaints the same filter lists (navigation counts). */
  countWorkQueue(filter: WorkQueueFilter, visible: Prisma.ComplaintWhereInput): Promise<number> {
    return this.prisma.complaint.count({ where: workQueueWhere(filter, visible) });
  }

  /** Non-confidential complaints, newest first. */
  listPublic(page: Page): Promise<PublicRow[]> {
    return this.prisma.complaint.findMany({
      select: publicSelect,
      where: PUBLICLY_VISIBLE,
      orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      ...keyset(page),
    });
  }

  /** Whether `userId` is an active officer of `role` in `agencyId` (e.g. a liaison to assign). */
  async isOfficerOf(userId: string, role: 'LIAISON', agencyId: string): Promise<boolean> {
    return (await this.prisma.user.count({ where: { id: userId, role, agencyId, active: true } })) > 0;
  }

  escalation(complaintId: string, key: string) {
    return this.prisma.escalation.findFirst({ where: { complaintId, key }, select: { receiverRole: true, agencyId: true, level: true, firedAt: true, acknowledgedAt: true } });
  }

  /** Temporal confirmed the complaint's workflow. */
  async confirmWorkflowStarted(id: string): Promise<void> {
    await this.prisma.complaint.updateMany({ where: { id, workflowStartedAt: null }, data: { workflowStartedAt: new Date() } });
  }

  /** Complaints submitted before `before` whose workflow was never confirmed, oldest first. */
  awaitingWorkflow(before: Date, limit: number) {
    return this.prisma.complaint.findMany({
      where: { workflowStartedAt: null, submittedAt: { lt: before } },
      select: { id: true, trackingId: true, submittedAt: true, agencyId: true, classification: true, channel: true, policyVersion: true },
      orderBy: { submittedAt: 'asc' },
      take: limit,
    });
  }

  /** The complaint, if it exists and `visible` (an officer's scope) admits it. */
  findByTrackingId(trackingId: string, visible: Prisma.ComplaintWhereInput = {}): Promise<ComplaintRow | null> {
    return this.prisma.complaint.findFirst({ where: { AND: [{ trackingId }, visible] }, select: complaintSelect });
  }


  /**
   * Stores a complaint and its reporter identity once per Idempotency-Key. Concurrent copies wait on
   * the key's unique index; the first commits, the others roll back and answer the stored complaint.
   */
  async createOnce(input: NewComplaint): Promise<{ complaint: ComplaintRow; created: boolean }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return { complaint: await this.insert(input, newTrackingId()), created: true };
      } catch (error) {
        if (error instanceof DuplicateSubmission) return { complaint: await this.byIdempotencyKey(input), created: false };
        const trackingIdTaken =
          error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002' && attempt < TRACKING_ID_ATTEMPTS;
        if (!trackingIdTaken) throw error;
      }
    }
  }

  private insert({ id, channel, intakeOfficerId, integrationClientId, dto, place, policyVersion, submittedAt, idempotency }: NewComplaint, trackingId: string): Promise<ComplaintRow> {
    return this.prisma.$transaction(
      async (tx) => {
        const complaint = await tx.complaint.create({
          select: complaintSelect,
          data: {
            id,
            trackingId,
            workflowId: complaintWorkflowId(trackingId),
            title: dto.title,
            chronology: dto.chronology,
            occurredAt: new Date(dto.occurredAt),
            ...place,
            classification: dto.classification,
            channel,
            anonymous: dto.anonymous,
            confidential: dto.confidential,
            // The reporter's suggestion is for the verifier; an agency sees the complaint once disposed to it.
            agencyId: null,
            suggestedAgencyId: dto.agencyId ?? null,
            policyVersion,
            submittedAt,
            intakeOfficerId,
            integrationClientId,
            reporter: dto.reporter ? { create: { ...dto.reporter } } : undefined,
          },
        });
        if (idempotency) {
          const { count } = await tx.idempotencyKey.createMany({
            data: [{ ...idempotency, complaintId: complaint.id }],
            skipDuplicates: true,
          });
          if (count === 0) throw new DuplicateSubmission();
        }
        return complaint;
      },
      { maxWait: 10_000, timeout: 15_000 },
    );
  }

  private async byIdempotencyKey({ idempotency }: NewComplaint): Promise<ComplaintRow> {
    const stored = await this.prisma.idempotencyKey.findUniqueOrThrow({
      where: { scope_key: { scope: idempotency!.scope, key: idempotency!.key } },
      select: { requestHash: true, complaint: { select: complaintSelect } },
    });
    if (stored.requestHash !== idempotency!.requestHash) throw new IdempotencyKeyReusedError();
    return stored.complaint;
  }
}

function workQueueWhere(filter: WorkQueueFilter, visible: Prisma.ComplaintWhereInput): Prisma.ComplaintWhereInput {
  const escalationLevel =
    filter.breached === false ? { equals: 0 } : { gte: Math.max(filter.escalationLevel ?? 0, filter.breached ? 1 : 0) };
  const and: Prisma.ComplaintWhereInput[] = [
    visible,
    {
      status: filter.status,
      agencyId: filter.agencyId,
      assigneeId: filter.assigneeId,
      nextDeadlineAt: filter.dueBefore ? { lt: filter.dueBefore } : undefined,
      escalationLevel,
    },
  ];
  if (filter.open !== undefined) and.push({ status: filter.open ? { notIn: ENDED_STATES } : { in: ENDED_STATES } });
  if (filter.atRisk) and.push(filter.atRisk.value ? dueSoonWhere(filter.atRisk) : { NOT: dueSoonWhere(filter.atRisk) });
  return { AND: and };
}

/** An officer clock runs and its soonest deadline (not yet breached) falls due by the horizon of the complaint's zone. */
function dueSoonWhere({ now, untilByZone, nationalUntil }: DueSoon): Prisma.ComplaintWhereInput {
  return {
    status: { in: OFFICER_CLOCK_STATES },
    OR: [
      ...Object.entries(untilByZone).map(([timeZone, until]) => ({ agency: { timeZone }, nextDeadlineAt: { gt: now, lte: until } })),
      { agencyId: null, nextDeadlineAt: { gt: now, lte: nationalUntil } },
    ],
  };
}

function keyset({ after, limit }: Page) {
  return { take: limit, ...(after ? { cursor: { id: after }, skip: 1 } : {}) };
}
