import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/app-config.js';
import { projectRoot } from '../../src/project-root.js';
import { SEARCH_ATTRIBUTES } from '../../workflows/messages.js';

interface Service {
  image?: string;
  build?: string;
  command?: string[] | string;
  environment?: Record<string, string | number>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
}

// Docker cannot run here, so the production-like stack is checked as data.
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(projectRoot(), 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, Service>;
  };
  const { services } = compose;
  /** What an operator puts in .env for the required `${VAR:?…}` values. */
  const OPERATOR_VALUES: Record<string, string> = {
    AUTH_SECRET: 'an-operator-chosen-secret-of-32-characters-at-least',
    TEMPORAL_PAYLOAD_KEYS: `2026-11:${Buffer.alloc(32, 7).toString('base64')}`,
  };
  const interpolate = (value: string) =>
    value.replace(/\$\{(\w+):\?[^}]*\}/g, (_, name: string) => {
      if (!(name in OPERATOR_VALUES)) throw new Error(`docker-compose.yml requires ${name}, which this test does not know`);
      return OPERATOR_VALUES[name];
    });
  const env = (name: string) => Object.fromEntries(Object.entries(services[name].environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));

  it('has PostgreSQL, Temporal on it, the Temporal UI, and Tenggat API and worker', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgresql', 'temporal', 'temporal-setup', 'temporal-ui', 'worker']);
    expect(services.postgresql.image).toMatch(/^postgres:/);
    expect(services.temporal.image).toMatch(/^temporalio\/auto-setup:/);
    expect(env('temporal')).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgresql' });
    expect(services['temporal-ui'].image).toMatch(/^temporalio\/ui:/);
    expect(services['temporal-ui'].ports).toContain('8233:8080');
  });

  it('builds API and worker from the project Dockerfile, running the compiled entry points', () => {
    expect(existsSync(join(projectRoot(), 'Dockerfile'))).toBe(true);
    expect(services.api).toMatchObject({ build: '.', command: ['node', 'dist/src/main.js'] });
    expect(services.worker).toMatchObject({ build: '.', command: ['node', 'dist/src/worker.main.js'] });
    expect(services.api.ports).toContain('3000:3000');
  });

  it.each(['api', 'worker'])('gives %s a configuration that passes boot validation and reaches the other services', (name) => {
    const config = loadConfig(env(name));
    expect(new URL(config.databaseUrl).hostname).toBe('postgresql');
    expect(config.temporalAddress).toBe('temporal:7233');
    expect(config.nodeEnv).toBe('production');
    expect(config.workflowBundlePath).toBe('/app/dist/workflow-bundle.js');
  });

  it('registers every search attribute the workflow writes', () => {
    const setup = JSON.stringify(services['temporal-setup']);
    for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) expect(setup).toContain(`${name}:${type}`);
    expect(setup).toContain('--retention 720h');
  });
});
