import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { DependencyUnavailableError } from '../common/domain-errors.js';
import { databaseTarget } from './database-errors.js';
import { prismaAdapter } from './database-url.js';

/** The one Prisma client of a process, on the node-postgres driver adapter. Fails fast if unreachable. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  private readonly databaseUrl: string;

  constructor(config: AppConfig) {
    super({ adapter: prismaAdapter(config.databaseUrl, 20) });
    this.databaseUrl = config.databaseUrl;
  }

  async onModuleInit(): Promise<void> {
    try {
      await this.$connect();
      await this.$queryRaw`SELECT 1`;
    } catch (error) {
      throw new DependencyUnavailableError('PostgreSQL', databaseTarget(this.databaseUrl), 'DATABASE_URL', error);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
