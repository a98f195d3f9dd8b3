import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../src/project-root.js';
import { processRegistry } from '../../src/metrics/process-metrics.js';
import { systemRegistry } from '../../src/metrics/system-metrics.js';
import type { MetricsRepository } from '../../src/metrics/metrics.repository.js';

interface Panel {
  type: string;
  title: string;
  datasource?: { uid: string };
  targets?: { expr: string }[];
}

const dashboard = JSON.parse(readFileSync(join(projectRoot(), 'ops', 'grafana', 'tenggat-dashboard.json'), 'utf8')) as {
  schemaVersion: number;
  templating: { list: { name: string; type: string; query: string }[] };
  panels: Panel[];
};
const prometheus = parse(readFileSync(join(projectRoot(), 'ops', 'prometheus', 'prometheus.yml'), 'utf8')) as {
  scrape_configs: { job_name: string; metrics_path: string; static_configs: { targets: string[] }[] }[];
};

/** Every family /metrics declares; the repository is never called because nothing is scraped. */
const declaredFamilies = [...processRegistry.getMetricsAsArray(), ...systemRegistry({} as MetricsRepository).getMetricsAsArray()].map((m) => m.name);

describe('Grafana dashboard', () => {
  const queries = dashboard.panels.filter((p) => p.type !== 'row');

  it('is Grafana 10+ JSON whose panels all read the Prometheus data-source variable', () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(38);
    expect(dashboard.templating.list).toContainEqual(expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }));
    for (const panel of queries) {
      expect(panel.datasource?.uid).toBe('${datasource}');
      expect(panel.targets?.length).toBeGreaterThan(0);
    }
  });

  it('queries only tenggat_ series the API declares', () => {
    const used = new Set(queries.flatMap((p) => p.targets!.flatMap((t) => [...t.expr.matchAll(/\btenggat_\w+/g)].map((m) => m[0]))));
    const family = (series: string) => series.replace(/_(bucket|sum|count)$/, '');
    const undeclared = [...used].filter((series) => !declaredFamilies.includes(family(series)) && !declaredFamilies.includes(series));
    expect(undeclared).toEqual([]);
    for (const name of declaredFamilies.filter((n) => !n.startsWith('tenggat_process_') && !n.startsWith('tenggat_nodejs_'))) {
      expect([...used].some((series) => family(series) === name)).toBe(true);
    }
  });
});

describe('Prometheus scrape config', () => {
  it('scrapes the API and the worker at /metrics', () => {
    const jobs = Object.fromEntries(prometheus.scrape_configs.map((c) => [c.job_name, c]));
    expect(jobs['tenggat-api']).toMatchObject({ metrics_path: '/metrics', static_configs: [{ targets: ['api:3000'] }] });
    expect(jobs['tenggat-worker']).toMatchObject({ metrics_path: '/metrics', static_configs: [{ targets: ['worker:9464'] }] });
  });

  it('names the jobs the dashboard filters by', () => {
    const jobs = prometheus.scrape_configs.map((c) => c.job_name);
    const variables = Object.fromEntries(dashboard.templating.list.map((v) => [v.name, v.query]));
    expect(jobs).toEqual(expect.arrayContaining([variables.api_job, variables.worker_job]));
  });
});
