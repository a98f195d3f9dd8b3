import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { IntegrationChannel } from './integration-client.js';

const clientSelect = { id: true, name: true, channel: true, active: true, createdAt: true, keyIssuedAt: true } as const;

export interface NewIntegrationClient {
  id: string;
  name: string;
  channel: IntegrationChannel;
  keyHash: string;
}

@Injectable()
export class IntegrationClientsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(client: NewIntegrationClient) {
    return this.prisma.integrationClient.create({ data: client, select: clientSelect });
  }

  list() {
    return this.prisma.integrationClient.findMany({ select: clientSelect, orderBy: { id: 'asc' } });
  }

  /** The key hash and state of one client, to check a presented key against. */
  credentials(id: string) {
    return this.prisma.integrationClient.findUnique({ where: { id }, select: { id: true, channel: true, active: true, keyHash: true } });
  }

  /** Replaces the key hash; null when there is no such client. */
  async replaceKey(id: string, keyHash: string) {
    const { count } = await this.prisma.integrationClient.updateMany({ where: { id }, data: { keyHash, keyIssuedAt: new Date() } });
    return count === 0 ? null : this.prisma.integrationClient.findUniqueOrThrow({ where: { id }, select: clientSelect });
  }

  async deactivate(id: string) {
    const { count } = await this.prisma.integrationClient.updateMany({ where: { id }, data: { active: false } });
    return count === 0 ? null : this.prisma.integrationClient.findUniqueOrThrow({ where: { id }, select: clientSelect });
  }
}

export type IntegrationClientRow = Awaited<ReturnType<IntegrationClientsRepository['create']>>;
