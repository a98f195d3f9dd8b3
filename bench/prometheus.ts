// `npm run bench -- --prometheus`: a real Prometheus (Debian's package, `apt-get install prometheus`) scrapes
// the bench's API and worker every second, and the report carries what Prometheus read — the same series an
// operator's dashboard (ops/grafana) shows, taken through the same scrape path rather than from the bench's
// own counters.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../scripts/free-port.js';

export const SCRAPE_INTERVAL_SECONDS = 1;
const READY_TIMEOUT_MS = 30_000;

export interface ScrapeTargets {
  /** host:port of the API, which serves /metrics. */
  api: string;
  /** host:port of the worker's Temporal SDK metrics (WORKER_METRICS_ADDRESS). */
  worker: string;
}

export interface PrometheusServer {
  url: string;
  /** Instant vectors of the figures below, read now: one row per series, labels joined as `k=v`. */
  read(): Promise<PrometheusFigures>;
  stop(): Promise<void>;
}

export type PrometheusFigures = Record<string, { series: string; value: number }[]>;

/**
 * What the report asks Prometheus, by name. The API and worker start with the bench, so a counter's value is the
 * run's total and a histogram's cumulative buckets cover the whole run (no rate windows to extrapolate).
 */
export const BENCH_QUERIES: Record<string, string> = {
  'targets up': 'up',
  'open complaints by state': 'sum by (state) (tenggat_open_complaints) > 0',
  'overdue clocks': 'sum(tenggat_overdue_clocks)',
  'escalations fired by level': 'sum by (level) (tenggat_escalations_fired_total)',
  'escalations acknowledged by level': 'sum by (level) (tenggat_escalations_acknowledged_total)',
  'outbox backlog': 'sum(tenggat_outbox_backlog) or vector(0)',
  'outbox delivery failures': 'sum(tenggat_outbox_delivery_failures_total) or vector(0)',
  'workflow start repairs': 'sum(tenggat_workflow_start_repairs_total)',
  'HTTP requests by route': 'sum by (method, route) (tenggat_http_request_duration_seconds_count{route!="/metrics"})',
  'HTTP p95 seconds by route': 'histogram_quantile(0.95, sum by (le, method, route) (tenggat_http_request_duration_seconds_bucket{route!="/metrics"}))',
  'API resident memory MB': 'sum(tenggat_process_resident_memory_bytes) / 2^20',
  'worker workflow tasks': 'sum(temporal_workflow_task_execution_latency_count{job="tenggat-worker"})',
  'worker workflow task p95 seconds': 'histogram_quantile(0.95, sum by (le) (temporal_workflow_task_execution_latency_bucket{job="tenggat-worker"}))',
  // Most of Tenggat's activities run as local activities, which the SDK counts under their own names.
  'worker activities executed': 'sum({__name__=~"temporal_(local_)?activity_execution_latency_count", job="tenggat-worker"})',
  'worker activity p95 seconds': 'histogram_quantile(0.95, sum by (le) ({__name__=~"temporal_(local_)?activity_execution_latency_bucket", job="tenggat-worker"}))',
  'worker sticky cache size': 'max(temporal_sticky_cache_size{job="tenggat-worker"})',
};

/** The prometheus binary on PATH, or an error saying how to get it. */
export function prometheusBinary(): string {
  const found = spawnSync('prometheus', ['--version'], { stdio: 'ignore' });
  if (found.error || found.status !== 0) {
    throw new Error('--prometheus needs the prometheus binary on PATH (Debian: apt-get install --no-install-recommends prometheus)');
  }
  return 'prometheus';
}

export async function startPrometheus(targets: ScrapeTargets): Promise<PrometheusServer> {
  const binary = prometheusBinary();
  const dir = mkdtempSync(join(tmpdir(), 'tenggat-prometheus-'));
  const config = join(dir, 'prometheus.yml');
  // The committed ops/prometheus/prometheus.yml names compose services; here the targets are the bench's ports.
  writeFileSync(
    config,
    [
      'global:',
      `  scrape_interval: ${SCRAPE_INTERVAL_SECONDS}s`,
      'scrape_configs:',
      `  - job_name: tenggat-api\n    static_configs:\n      - targets: ['${targets.api}']`,
      `  - job_name: tenggat-worker\n    static_configs:\n      - targets: ['${targets.worker}']`,
      '',
    ].join('\n'),
  );
  const url = `http://127.0.0.1:${await freePort()}`;
  const child: ChildProcess = spawn(
    binary,
    [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=${new URL(url).host}`, '--log.level=warn'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, () => child.exitCode !== null, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    stop,
    async read() {
      // Two more scrapes, so the last of the run's work is in the samples read.
      await sleep(2 * SCRAPE_INTERVAL_SECONDS * 1000 + 500);
      const figures: PrometheusFigures = {};
      for (const [name, expression] of Object.entries(BENCH_QUERIES)) {
        figures[name] = await query(url, expression);
      }
      return figures;
    },
  };
}

async function waitUntilReady(url: string, exited: () => boolean, stderr: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`prometheus exited before it was ready:\n${stderr()}`);
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) return;
    await sleep(200);
  }
  throw new Error(`prometheus was not ready at ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${stderr()}`);
}

interface VectorAnswer {
  status: string;
  error?: string;
  data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] };
}

async function query(url: string, expression: string): Promise<{ series: string; value: number }[]> {
  const res = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: expression }).toString()}`);
  const answer = (await res.json()) as VectorAnswer;
  if (answer.status !== 'success' || !answer.data) throw new Error(`prometheus refused ${expression}: ${answer.error ?? res.status}`);
  return answer.data.result.map((r) => ({
    series: Object.entries(r.metric)
      .filter(([label]) => label !== '__name__' && label !== 'instance')
      .map(([label, value]) => `${label}=${value}`)
      .join(' '),
    value: Number(r.value[1]),
  }));
}

/** The figures as lines for the printed report: `name: series value, …`. */
export function formatFigures(figures: PrometheusFigures): string[] {
  return Object.entries(figures).map(([name, rows]) => {
    const values = rows.map((r) => `${r.series ? `${r.series} ` : ''}${Number.isInteger(r.value) ? r.value : r.value.toFixed(3)}`);
    return `  ${name}: ${values.length ? values.join(', ') : '(no series)'}`;
  });
}
