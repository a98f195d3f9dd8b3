import { ConflictException, Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client.js';
import { NotFoundError } from '../common/domain-errors.js';
import { apiKeyMatches, clientIdOf, hashApiKey, newApiKey } from './api-key.js';
import type { IntegrationCaller } from './integration-client.js';
import { IntegrationClientsRepository, type IntegrationClientRow } from './integration-clients.repository.js';
import { toIntegrationClientView, type IntegrationClientView, type IssuedApiKeyView, type RegisterIntegrationClientDto } from './integration-clients.dto.js';
import { message } from '../i18n/messages.js';

/** Registers integrations, issues and rotates their keys, and tells who a presented key belongs to. */
@Injectable()
export class IntegrationClientsService {
  constructor(private readonly clients: IntegrationClientsRepository) {}

  async register(dto: RegisterIntegrationClientDto): Promise<IssuedApiKeyView> {
    const apiKey = newApiKey(dto.id);
    try {
      return withKey(await this.clients.create({ ...dto, keyHash: hashApiKey(apiKey) }), apiKey);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConflictException(message('conflict.clientExists', { id: dto.id }));
      }
      throw error;
    }
  }

  async list(): Promise<IntegrationClientView[]> {
    return (await this.clients.list()).map(toIntegrationClientView);
  }

  /** A new key; the old one stops working at once. */
  async rotateKey(id: string): Promise<IssuedApiKeyView> {
    const apiKey = newApiKey(id);
    const row = await this.clients.replaceKey(id, hashApiKey(apiKey));
    if (!row) throw new NotFoundError('notFound.integrationClient', id);
    return withKey(row, apiKey);
  }

  async deactivate(id: string): Promise<IntegrationClientView> {
    const row = await this.clients.deactivate(id);
    if (!row) throw new NotFoundError('notFound.integrationClient', id);
    return toIntegrationClientView(row);
  }

  /** The active client a key belongs to, or null (unknown client, wrong secret, deactivated). */
  async authenticate(apiKey: string): Promise<IntegrationCaller | null> {
    const id = clientIdOf(apiKey);
    const client = id ? await this.clients.credentials(id) : null;
    if (!client || !client.active || !apiKeyMatches(apiKey, client.keyHash)) return null;
    return { id: client.id, channel: client.channel as IntegrationCaller['channel'] };
  }
}

const withKey = (row: IntegrationClientRow, apiKey: string): IssuedApiKeyView => ({ ...toIntegrationClientView(row), apiKey });
