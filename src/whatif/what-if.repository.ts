// The what-if replays' only database code: the replay row, its batches' counts, its differing complaints.
import { Injectable } from '@nestjs/common';
import type { StageCountsRow } from '../../activities/policy-replay.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { PolicyReplayStatus, SlaPolicyVersion } from '../../workflows/messages.js';

const replaySelect = {
  id: true,
  workflowId: true,
  requestedBy: true,
  policySource: true,
  policyVersion: true,
  periodFrom: true,
  periodTo: true,
  asOf: true,
  status: true,
  total: true,
  processed: true,
  differing: true,
  unreplayable: true,
  unlikeRecord: true,
  createdAt: true,
  finishedAt: true,
  error: true,
} satisfies Prisma.PolicyReplaySelect;
export type ReplayRow = Prisma.PolicyReplayGetPayload<{ select: typeof replaySelect }>;

const differenceSelect = {
  trackingId: true,
  submittedAt: true,
  agencyId: true,
  currentPolicyVersion: true,
  differences: true,
  error: true,
} satisfies Prisma.PolicyReplayDifferenceSelect;
export type DifferenceRow = Prisma.PolicyReplayDifferenceGetPayload<{ select: typeof differenceSelect }>;

export interface NewReplay {
  id: string;
  workflowId: string;
  requestedBy: string;
  policySource: 'VERSION' | 'DRAFT';
  policy: SlaPolicyVersion;
  periodFrom: Date;
  periodTo: Date;
  asOf: Date;
}

@Injectable()
export class WhatIfRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The replay row, with the count of complaints it covers, in one transaction. */
  async create(replay: NewReplay): Promise<ReplayRow> {
    return this.prisma.$transaction(async (tx) => {
      const total = await tx.complaint.count({ where: { submittedAt: { gte: replay.periodFrom, lt: replay.periodTo } } });
      return tx.policyReplay.create({
        data: { ...replay, policyVersion: replay.policy.version, policy: replay.policy as unknown as Prisma.InputJsonValue, status: 'RUNNING', total },
        select: replaySelect,
      });
    });
  }

  find(id: string): Promise<ReplayRow | null> {
    return this.prisma.policyReplay.findUnique({ where: { id }, select: replaySelect });
  }

  latest(limit: number): Promise<ReplayRow[]> {
    return this.prisma.policyReplay.findMany({ orderBy: { createdAt: 'desc' }, take: limit, select: replaySelect });
  }

  async markEnded(id: string, status: Exclude<PolicyReplayStatus, 'RUNNING'>, error: string | null): Promise<void> {
    await this.prisma.policyReplay.updateMany({ where: { id, status: 'RUNNING' }, data: { status, error, finishedAt: new Date() } });
  }

  async batchCounts(id: string): Promise<StageCountsRow[][]> {
    const batches = await this.prisma.policyReplayBatch.findMany({ where: { replayId: id }, select: { counts: true } });
    return batches.map((b) => b.counts as unknown as StageCountsRow[]);
  }

  agencyNames(ids: string[]): Promise<{ id: string; name: string }[]> {
    return this.prisma.agency.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  }

  /** Differing complaints by tracking ID; all of them without `page`. */
  differences(id: string, page?: { limit: number; offset: number }): Promise<DifferenceRow[]> {
    return this.prisma.policyReplayDifference.findMany({
      where: { replayId: id },
      orderBy: { trackingId: 'asc' },
      ...(page ? { take: page.limit, skip: page.offset } : {}),
      select: differenceSelect,
    });
  }

  countDifferences(id: string): Promise<number> {
    return this.prisma.policyReplayDifference.count({ where: { replayId: id } });
  }
}
