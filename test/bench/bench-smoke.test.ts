import { runBench } from '../support/bench.js';

/**
 * `npm run bench -- --smoke --prometheus`: tiny numbers, so the bench cannot rot. Asserts that figures exist, never
 * their values — and that a real Prometheus scraped the API and the worker during the run and read its work.
 */
describe('bench --smoke', () => {
  it('runs every scenario against the real stack and writes its figures', async () => {
    const { output, report } = await runBench(['--smoke', '--prometheus']);
    expect(output).toMatch(/deadline storm/);
    expect(output).toMatch(/raw timer storm/);
    expect(output).toMatch(/escalation notice → webhook/);
    expect(report.mode).toBe('smoke');
    expect(report.server.kind).toBe('dev');
    const numbers = [
      report.raw.startsPerSecond,
      report.raw.updateRoundTripMs.p99,
      report.intake.steps[0].latencyMs.p95,
      report.officerAction.verifyMs.p99,
      report.projectionLagMs.p95,
      report.reads.endpoints[0].latencyMs.p95,
      report.reads.endpoints[1].latencyMs.p95,
      report.raw.timerStorm.latenessMs.p50,
      report.raw.timerStorm.latenessMs.p99,
      report.raw.timerStorm.missed,
      ...[0, 1, 2].map((i) => report.agencyScale.endpoints[i].latencyMs.p95),
      report.agencyScale.provinceReportPlan.executionMs,
      report.storm.latenessMs.p99,
      report.storm.ratioToRawTimerStormP99,
      report.storm.missed,
      report.storm.doubled,
      report.notificationDelivery.latencyMs.p50,
      report.notificationDelivery.latencyMs.p99,
      report.notificationDelivery.delivered,
      report.notificationDelivery.expected,
      report.capacity.createSeconds,
    ];
    for (const n of numbers) expect(typeof n).toBe('number');
    // The work a breach and a submission did, counted from the worker's metrics, PostgreSQL and /proc.
    for (const work of [report.storm.work, report.intake.workPerComplaint]) {
      expect(work.perComplaint.workflowTasks).toBeGreaterThan(0);
      expect(work.perComplaint.localActivities).toBeGreaterThan(0);
      expect(work.perComplaint.transactions).toBeGreaterThan(0);
      expect(work.cpuMsPerComplaint.worker).toBeGreaterThan(0);
    }
    // The floor a breach is held to: what a raw timer costs the bench's own worker (and the server, when the bench
    // started it: with TEMPORAL_ADDRESS its process is elsewhere and its CPU is not known).
    expect(report.raw.timerStorm.work.cpuMsPerComplaint.bench).toBeGreaterThan(0);
    // The capacity curve, and none lost: every complaint has a next deadline and a running workflow.
    const [point] = report.capacity.curve;
    expect(point.storageMb.tenggat).toBeGreaterThan(0);
    // Temporal's storage is read where the bench started the server (its SQLite file or databases), not of another's.
    const external = String(report.server.temporal).startsWith('external server');
    expect(external ? point.storageMb.temporal === null : point.storageMb.temporal > 0).toBe(true);
    expect(point.historySample.meanEvents).toBeGreaterThan(0);
    expect(report.capacity.intact.withNextDeadline).toBe(report.capacity.intact.complaints);
    expect(report.capacity.intact.runningWorkflows).toBe(report.capacity.intact.openComplaints);
    // Pickers, work queue and the report by province measured with the whole country's agencies loaded.
    expect(report.agencyScale.agencies).toBeGreaterThanOrEqual(615);
    expect(report.agencyScale.endpoints.map((e: { endpoint: string }) => e.endpoint)).toEqual([
      'GET /v1/reference/agencies',
      'GET /v1/complaints?limit=50',
      'GET /v1/reports/sla?groupBy=province',
    ]);
    expect(report.versions.temporalSdk).toBeDefined();

    const read = report.prometheus as Record<string, { series: string; value: number }[]>;
    expect(read['targets up'].map((r) => r.series).sort()).toEqual(['job=tenggat-api', 'job=tenggat-worker']);
    expect(read['targets up'].every((r) => r.value === 1)).toBe(true);
    const submissions = read['HTTP requests by route'].find((r) => r.series === 'method=POST route=/v1/complaints');
    expect(submissions?.value).toBeGreaterThan(0);
    expect(read['worker workflow tasks'][0]?.value).toBeGreaterThan(0);
    expect(read['worker activities executed'][0]?.value).toBeGreaterThan(0);
    expect(output).toMatch(/as Prometheus read them/);
  }, 300_000);
});
