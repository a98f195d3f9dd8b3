import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { complaintBody, createTestApp, eventually, type TestApp } from '../support/app.js';
import { ComplaintDriver, driverFor } from '../support/lifecycle.js';
import { freePort, startWorkerProcess, type NodeProcess } from '../support/stack.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus text format, sample lines only: `name{a="b",…} value`. */
function parseSamples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

const valueOf = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((sum, s) => sum + s.value, 0);

/** With the seconds policy a complaint nobody verifies breaches in two seconds. */
describe('GET /metrics', () => {
  let t: TestApp;
  let c: ComplaintDriver;

  beforeAll(async () => {
    t = await createTestApp({ SLA_POLICY_FILE: 'test/fixtures/sla-policy-seconds.json' });
    c = await driverFor(t);
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await request(t.http).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return { text: res.text, samples: parseSamples(res.text) };
  };

  it('shows a breached and acknowledged complaint without its tracking ID', async () => {
    const before = (await scrape()).samples;
    const { body } = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    await request(t.http).get(`/v1/complaints/${body.trackingId}`).set(c.officers.national.VERIFIER.auth).expect(200);
    await c.escalationsReach(body.trackingId, 1);
    expect(await c.acknowledgeAll(body.trackingId)).toBeGreaterThanOrEqual(1);

    // The acknowledgement reaches PostgreSQL through the workflow's activity.
    const { text, samples } = await eventually(async () => {
      const scraped = await scrape();
      const acknowledged = valueOf(scraped.samples, 'tenggat_escalations_acknowledged_total', { level: '1' });
      return acknowledged > valueOf(before, 'tenggat_escalations_acknowledged_total', { level: '1' }) ? scraped : undefined;
    });
    expect(valueOf(samples, 'tenggat_escalations_fired_total', { level: '1' })).toBeGreaterThan(valueOf(before, 'tenggat_escalations_fired_total', { level: '1' }));
    expect(valueOf(samples, 'tenggat_escalation_breach_to_acknowledgement_seconds_count', { level: '1' })).toBeGreaterThan(
      valueOf(before, 'tenggat_escalation_breach_to_acknowledgement_seconds_count', { level: '1' }),
    );
    expect(valueOf(samples, 'tenggat_open_complaints', { state: 'SUBMITTED', stage: 'verification' })).toBeGreaterThanOrEqual(1);
    expect(samples.some((s) => s.name === 'tenggat_overdue_clocks')).toBe(true);
    // Labelled series appear once something is waiting or failed; the families are always declared.
    for (const family of ['tenggat_outbox_backlog gauge', 'tenggat_outbox_delivery_failures_total counter', 'tenggat_workflow_start_repairs_total counter']) {
      expect(text).toContain(`# TYPE ${family}`);
    }
    expect(valueOf(samples, 'tenggat_http_request_duration_seconds_count', { method: 'GET', route: '/v1/complaints/:trackingId', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(samples, 'tenggat_http_request_duration_seconds_count', { method: 'POST', route: '/v1/complaints', status: '201' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(body.trackingId);
    expect(text).not.toMatch(/LPR-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  }, 60_000);

  it('labels unmatched paths as such, never by the raw path', async () => {
    const path = `/no-such-page-${randomUUID()}`;
    await request(t.http).get(path).expect(404);
    const { text, samples } = await scrape();
    expect(text).not.toContain(path);
    expect(valueOf(samples, 'tenggat_http_request_duration_seconds_count', { route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
  });

  it('answers only the bearer of METRICS_TOKEN when one is set', async () => {
    const token = randomUUID();
    const guarded = await createTestApp({ METRICS_TOKEN: token });
    try {
      await request(guarded.http).get('/metrics').expect(401);
      await request(guarded.http).get('/metrics').set('Authorization', 'Bearer wrong-token-of-some-length').expect(401);
      await request(guarded.http).get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
    } finally {
      await guarded.close();
    }
  });

  it('is absent with METRICS_ENABLED=false', async () => {
    const off = await createTestApp({ METRICS_ENABLED: 'false' });
    try {
      await request(off.http).get('/metrics').expect(404);
    } finally {
      await off.close();
    }
  });
});

/** The Temporal SDK's own metrics, from a separate worker process as operators run it. */
describe('worker process with WORKER_METRICS_ADDRESS', () => {
  let worker: NodeProcess;
  let address: string;

  beforeAll(async () => {
    address = `127.0.0.1:${await freePort()}`;
    worker = await startWorkerProcess({ ...process.env, WORKER_METRICS_ADDRESS: address, TEMPORAL_TASK_QUEUE: `metrics-${randomUUID()}` });
  });
  afterAll(() => worker.stop());

  it('serves temporal_ metrics for Prometheus', async () => {
    const samples = await eventually(async () => {
      // The exporter binds while the worker starts: a refused connection means not yet.
      const res = await fetch(`http://${address}/metrics`).catch(() => undefined);
      if (!res) return undefined;
      const parsed = parseSamples(await res.text());
      return parsed.some((s) => s.name.startsWith('temporal_')) ? parsed : undefined;
    });
    expect(samples.find((s) => s.name.startsWith('temporal_'))).toBeDefined();
  });
});
