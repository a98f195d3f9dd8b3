// Events counted by the process that handles them. One set per process (the registry is module-wide),
// so several Nest apps in one process (tests) share, as the process does, one count.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: 'tenggat_' });

export const httpRequestDuration = new Histogram({
  name: 'tenggat_http_request_duration_seconds',
  help: 'HTTP requests by method, route template and status code',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processRegistry],
});

export const breachToAcknowledgement = new Histogram({
  name: 'tenggat_escalation_breach_to_acknowledgement_seconds',
  help: 'Time from a breached deadline (the escalation firing) to its acknowledgement, by escalation level',
  labelNames: ['level'] as const,
  // Business deadlines run in days: from a minute to a month.
  buckets: [60, 600, 3600, 4 * 3600, 8 * 3600, 86400, 3 * 86400, 7 * 86400, 30 * 86400],
  registers: [processRegistry],
});

export const workflowStartRepairs = new Counter({
  name: 'tenggat_workflow_start_repairs_total',
  help: 'Complaint workflows the reconciler had to start because the API did not confirm them',
  registers: [processRegistry],
});
