import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkComposeFile, ensureComposeCheck, placeholderEnvironment } from '../../scripts/compose-check.js';
import { loadConfig } from '../../src/config/app-config.js';
import { projectRoot } from '../../src/project-root.js';
import { SEARCH_ATTRIBUTES } from '../../workflows/messages.js';

interface Healthcheck {
  test: string[] | string;
}

interface Service {
  image?: string;
  build?: string;
  command?: string[] | string;
  entrypoint?: string[] | string;
  environment?: Record<string, string | number>;
  ports?: string[];
  volumes?: string[];
  restart?: string;
  healthcheck?: Healthcheck;
  depends_on?: Record<string, { condition: string }>;
}

const root = projectRoot();
const COMPOSE_FILE = join(root, 'docker-compose.yml');
const composeText = readFileSync(COMPOSE_FILE, 'utf8');
const { services } = parse(composeText, { merge: true }) as { services: Record<string, Service> };
const names = Object.keys(services);
/** One-shot services: they run to completion, so they are not restarted and have no health to check. */
const ONE_SHOTS = ['temporal-setup'];
const longRunning = names.filter((name) => !ONE_SHOTS.includes(name));

/** What an operator puts in .env for the required `${VAR:?…}` values (.env.example names them all). */
const OPERATOR_VALUES: Record<string, string> = {
  ...placeholderEnvironment(),
  AUTH_SECRET: 'an-operator-chosen-secret-of-32-characters-at-least',
  TEMPORAL_PAYLOAD_KEYS: `2026-11:${Buffer.alloc(32, 7).toString('base64')}`,
  TENGGAT_DB_PASSWORD: 'c0ffee0123456789abcdef',
};
/** Compose's interpolation of the forms this file uses: `${VAR:?message}` and `${VAR:-default}`. */
const interpolate = (value: string) =>
  value
    .replace(/\$\{(\w+):\?[^}]*\}/g, (_, name: string) => {
      if (!(name in OPERATOR_VALUES)) throw new Error(`docker-compose.yml requires ${name}, which .env.example does not name`);
      return OPERATOR_VALUES[name];
    })
    .replace(/\$\{(\w+):-([^}]*)\}/g, (_, _name: string, fallback: string) => fallback);
const env = (name: string) => Object.fromEntries(Object.entries(services[name].environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));

// Docker cannot run here: the stack is checked by compose-go's loader, by dclint, and as data.
describe('docker-compose.yml', () => {
  describe('compose-go (the loader behind `docker compose config`)', () => {
    // Built once into .tools/bin from ops/compose-check: 37 s with empty Go caches on 2 cores, 7 s warm.
    beforeAll(() => ensureComposeCheck(), 300_000);

    it('loads the file with the variables .env.example names', () => {
      const result = checkComposeFile(COMPOSE_FILE, OPERATOR_VALUES);
      expect(result).toEqual({ ok: true, output: expect.stringContaining(`valid: ${names.length} services`) as string });
    });

    it.each(Object.keys(placeholderEnvironment()))('refuses to load without %s, naming it', (missing) => {
      const { [missing]: _left, ...rest } = OPERATOR_VALUES;
      const result = checkComposeFile(COMPOSE_FILE, rest);
      expect(result.ok).toBe(false);
      expect(result.output).toContain(`set ${missing}`);
    });
  });

  it('passes dclint with the rules in ops/dclint.yml, warnings included', () => {
    const dclint = join(root, 'node_modules', '.bin', 'dclint');
    expect(() => execFileSync(dclint, ['-c', 'ops/dclint.yml', '--max-warnings', '0', '--color', 'false', 'docker-compose.yml'], { cwd: root, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });

  it('has PostgreSQL, Temporal on it, the Temporal UI, Tenggat API and worker, Prometheus and Grafana', () => {
    expect([...names].sort()).toEqual(['api', 'grafana', 'postgresql', 'prometheus', 'temporal', 'temporal-setup', 'temporal-ui', 'worker']);
    expect(env('temporal')).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgresql' });
  });

  it.each(names.filter((name) => services[name].image))('pins %s to an exact image version', (name) => {
    // repository:major.minor.patch[-variant] (PostgreSQL numbers its releases major.minor); never latest or a floating major.
    const release = services[name].image!.startsWith('postgres:') ? /^postgres:\d+\.\d+-[\w.]+$/ : /^[\w./-]+:v?\d+\.\d+\.\d+$/;
    expect(services[name].image).toMatch(release);
  });

  it.each(longRunning)('restarts %s unless stopped and checks its health', (name) => {
    expect(services[name].restart).toBe('unless-stopped');
    expect(services[name].healthcheck?.test).toEqual(expect.anything());
  });

  it('never restarts the one-shot setup, and starts the API and worker only after it succeeded', () => {
    expect(services['temporal-setup'].restart).toBe('no');
    for (const name of ['api', 'worker']) expect(services[name].depends_on?.['temporal-setup']).toEqual({ condition: 'service_completed_successfully' });
  });

  it('checks the worker by asking Temporal whether it polls the task queue', () => {
    expect(services.worker.healthcheck?.test).toEqual(['CMD', 'node', 'dist/scripts/worker-health.js']);
  });

  it.each(longRunning.filter((name) => services[name].ports))('binds the ports of %s to BIND_ADDRESS, 127.0.0.1 by default', (name) => {
    for (const port of services[name].ports!) expect(port).toMatch(/^\$\{BIND_ADDRESS:-127\.0\.0\.1\}:\d+:\d+$/);
  });

  it('holds no secret inline: every password, secret and key comes from a variable, required or empty by default (ACCESS_CODE_SECRET)', () => {
    const entries = names.flatMap((name) => Object.entries(services[name].environment ?? {}).map(([key, value]) => ({ name, key, value: String(value) })));
    const secrets = entries.filter(({ key }) => /PASSWORD|PWD|SECRET|KEYS?$/.test(key));
    expect(secrets.map(({ name, key }) => `${name}.${key}`)).toEqual(
      expect.arrayContaining(['postgresql.POSTGRES_PASSWORD', 'temporal.POSTGRES_PWD', 'api.AUTH_SECRET', 'worker.TEMPORAL_PAYLOAD_KEYS', 'grafana.GF_SECURITY_ADMIN_PASSWORD']),
    );
    expect(secrets.filter(({ value }) => !/^\$\{\w+(?::\?[^}]+|:-)\}$/.test(value))).toEqual([]);
    const databaseUrls = new Set(entries.filter(({ key }) => key === 'DATABASE_URL').map(({ value }) => value));
    expect([...databaseUrls]).toEqual([expect.stringMatching(/^postgresql:\/\/tenggat:\$\{TENGGAT_DB_PASSWORD:\?[^}]+\}@postgresql:5432\/tenggat$/)]);
  });

  it('gives Temporal and Tenggat database logins of their own, created by the init script', () => {
    expect(env('temporal')).toMatchObject({ POSTGRES_USER: 'temporal', POSTGRES_PWD: OPERATOR_VALUES.TEMPORAL_DB_PASSWORD });
    expect(new URL(env('api').DATABASE_URL).username).toBe('tenggat');
    expect(services.postgresql.volumes).toContain('./ops/postgres/create-users.sh:/docker-entrypoint-initdb.d/10-create-users.sh:ro');
    const init = readFileSync(join(root, 'ops/postgres/create-users.sh'), 'utf8');
    expect(init).toContain("CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_password'");
    expect(init).toContain("CREATE ROLE tenggat LOGIN PASSWORD :'tenggat_password'");
  });

  it('shows the Temporal UI read only, decoding payloads through Tenggat’s codec with the officer’s cookie', () => {
    expect(env('temporal-ui')).toMatchObject({
      TEMPORAL_DISABLE_WRITE_ACTIONS: 'true',
      TEMPORAL_CODEC_ENDPOINT: 'http://localhost:3000/codec',
      TEMPORAL_CODEC_INCLUDE_CREDENTIALS: 'true',
      TEMPORAL_CORS_ORIGINS: 'http://localhost:3000',
    });
  });

  it('builds API and worker from the project Dockerfile, running the compiled entry points', () => {
    expect(services.api).toMatchObject({ build: '.', command: ['node', 'dist/src/main.js'] });
    expect(services.worker).toMatchObject({ build: '.', command: ['node', 'dist/src/worker.main.js'] });
  });

  it.each(['api', 'worker'])('gives %s a configuration that passes boot validation and reaches the other services', (name) => {
    const config = loadConfig(env(name));
    expect(new URL(config.databaseUrl).hostname).toBe('postgresql');
    expect(config.temporalAddress).toBe('temporal:7233');
    expect(config.nodeEnv).toBe('production');
    expect(config.workflowBundlePath).toBe('/app/dist/workflow-bundle.js');
  });

  it('waits for the namespace and registers every search attribute the workflow writes, with no error hidden', () => {
    expect(services['temporal-setup'].volumes).toContain('./ops/temporal/setup.sh:/usr/local/bin/tenggat-temporal-setup.sh:ro');
    const setup = readFileSync(join(root, 'ops/temporal/setup.sh'), 'utf8');
    expect(setup).toMatch(/^set -eu$/m);
    expect(setup).toContain('until temporal operator namespace describe');
    expect(setup).not.toContain('|| true');
    for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) expect(setup).toMatch(new RegExp(`^register ${name} ${type}$`, 'm'));
    expect(setup).toContain('--retention 720h');
  });

  it('mounts the Prometheus configuration, the Grafana provisioning and the dashboard read only', () => {
    expect(services.prometheus.volumes).toContain('./ops/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro');
    expect(services.grafana.volumes).toEqual(
      expect.arrayContaining(['./ops/grafana/provisioning:/etc/grafana/provisioning:ro', './ops/grafana/tenggat-dashboard.json:/var/lib/grafana/dashboards/tenggat-dashboard.json:ro']),
    );
    const datasources = parse(readFileSync(join(root, 'ops/grafana/provisioning/datasources/prometheus.yml'), 'utf8')) as { datasources: { url: string }[] };
    expect(datasources.datasources[0].url).toBe('http://prometheus:9090');
  });
});
