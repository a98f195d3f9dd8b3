import { ConfigError, isSocketAddress, loadConfig } from '../../src/config/app-config.js';
import { outboxLabel, routeTemplate, stageOfStatus } from '../../src/metrics/metric-labels.js';

describe(stageOfStatus.name, () => {
  it.each([
    ['SUBMITTED', 'verification'],
    ['AWAITING_CLARIFICATION', 'reporter_clarification'],
    ['DISPOSED', 'agency_follow_up'],
    ['IN_PROGRESS', 'agency_answer'],
    ['AWAITING_FEEDBACK', 'reporter_feedback'],
    ['CLOSED', 'ended'],
    ['ARCHIVED', 'ended'],
  ] as const)('%s is in stage %s', (status, stage) => {
    expect(stageOfStatus(status)).toBe(stage);
  });
});

describe(outboxLabel.name, () => {
  it.each([
    ['ESCALATION', 'ESCALATION'],
    ['SMS', 'SMS'],
    [null, 'WEBHOOK'],
    ['TGT-2026-000123', 'OTHER'],
    ['siti@example.id', 'OTHER'],
    ['lowercase', 'OTHER'],
  ])('%s is labelled %s', (value, label) => {
    expect(outboxLabel(value)).toBe(label);
  });
});

describe(routeTemplate.name, () => {
  it.each([
    [{ path: '/v1/complaints/:trackingId' }, '', '/v1/complaints/:trackingId'],
    [{ path: '/:id' }, '/codec', '/codec/:id'],
    [{ path: '/console{*any}' }, '', '/console{*any}'],
    [{ path: '{/*splat}' }, '', 'unmatched'],
    [{ path: '*' }, '', 'unmatched'],
    [{ path: '/{*any}' }, '', 'unmatched'],
    [undefined, '', 'unmatched'],
    [{ path: /regex/ }, '', 'unmatched'],
  ])('route %p under %p is %s', (route, baseUrl, template) => {
    expect(routeTemplate(route, baseUrl)).toBe(template);
  });
});

describe('metrics configuration', () => {
  const valid = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test' };

  it('serves /metrics openly by default and the worker exposes no SDK metrics', () => {
    expect(loadConfig(valid)).toMatchObject({ metricsEnabled: true, metricsToken: undefined, workerMetricsAddress: undefined });
  });

  it.each([
    ['127.0.0.1:9464', true],
    ['0.0.0.0:9464', true],
    ['[::1]:9464', true],
    ['localhost:9464', false],
    ['127.0.0.1', false],
    ['127.0.0.1:70000', false],
    ['::1:9464', false],
  ])('WORKER_METRICS_ADDRESS %s is a socket address: %s', (address, ok) => {
    expect(isSocketAddress(address)).toBe(ok);
  });

  it('stops boot naming WORKER_METRICS_ADDRESS and a short METRICS_TOKEN', () => {
    expect(() => loadConfig({ ...valid, WORKER_METRICS_ADDRESS: 'worker:9464' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...valid, WORKER_METRICS_ADDRESS: 'worker:9464' })).toThrow(/WORKER_METRICS_ADDRESS/);
    expect(() => loadConfig({ ...valid, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ ...valid, METRICS_ENABLED: 'perhaps' })).toThrow(/METRICS_ENABLED/);
  });
});
