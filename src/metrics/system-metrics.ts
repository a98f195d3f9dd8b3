import { Counter, Gauge, Registry } from 'prom-client';
import { COMPLAINT_STATES } from '../../workflows/messages.js';
import { outboxLabel, stageOfStatus } from './metric-labels.js';
import type { MetricsRepository, OutboxCount } from './metrics.repository.js';

/**
 * Whole-system figures read from PostgreSQL at each scrape (collect callbacks), so every API replica
 * reports the same truth. Escalation and failure totals come from rows that are never deleted, so they
 * are true counters.
 */
export function systemRegistry(repository: MetricsRepository): Registry {
  const registry = new Registry();
  const setOutbox = (metric: Gauge<'kind' | 'channel'> | Counter<'kind' | 'channel'>, rows: OutboxCount[]) => {
    metric.reset();
    for (const r of rows) metric.inc({ kind: outboxLabel(r.kind), channel: outboxLabel(r.channel) }, r.count);
  };
  new Gauge({
    name: 'tenggat_open_complaints',
    help: 'Complaints not closed or archived, by state and stage',
    labelNames: ['state', 'stage'] as const,
    registers: [registry],
    async collect() {
      const counts = new Map((await repository.openComplaintsByStatus()).map((r) => [r.status, r.count]));
      this.reset();
      for (const status of COMPLAINT_STATES) {
        if (stageOfStatus(status) !== 'ended') this.set({ state: status, stage: stageOfStatus(status) }, counts.get(status) ?? 0);
      }
    },
  });
  new Gauge({
    name: 'tenggat_overdue_clocks',
    help: 'Open complaints past their resolution target or past a running deadline not yet marked breached',
    registers: [registry],
    async collect() {
      this.set(await repository.overdueClocks(new Date()));
    },
  });
  for (const [name, acknowledged, help] of [
    ['tenggat_escalations_fired_total', false, 'Escalations fired, by level'],
    ['tenggat_escalations_acknowledged_total', true, 'Escalations acknowledged by their receiver, by level'],
  ] as const) {
    new Counter({
      name,
      help,
      labelNames: ['level'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const r of await repository.escalationsByLevel(acknowledged)) this.inc({ level: String(r.level) }, r.count);
      },
    });
  }
  new Gauge({
    name: 'tenggat_outbox_backlog',
    help: 'Notifications waiting for delivery, by kind and channel (WEBHOOK: officer notices)',
    labelNames: ['kind', 'channel'] as const,
    registers: [registry],
    async collect() {
      setOutbox(this, await repository.outboxBacklog());
    },
  });
  new Counter({
    name: 'tenggat_outbox_delivery_failures_total',
    help: 'Notifications refused for good by their receiver, by kind and channel',
    labelNames: ['kind', 'channel'] as const,
    registers: [registry],
    async collect() {
      setOutbox(this, await repository.deliveryFailures());
    },
  });
  return registry;
}
