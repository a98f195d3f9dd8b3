import { Injectable } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { MetricsRepository } from './metrics.repository.js';
import { processRegistry } from './process-metrics.js';
import { systemRegistry } from './system-metrics.js';

/** One scrape: the process's event counters and the system's figures read from PostgreSQL. */
@Injectable()
export class MetricsService {
  static readonly contentType = processRegistry.contentType;
  private readonly system: Registry;

  constructor(repository: MetricsRepository) {
    this.system = systemRegistry(repository);
  }

  async scrape(): Promise<string> {
    const [process, system] = await Promise.all([processRegistry.metrics(), this.system.metrics()]);
    return `${system}\n${process}`;
  }
}
