import { ConfigError, loadConfig } from '../../src/config/app-config.js';

const valid = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test' };

describe(loadConfig.name, () => {
  it('gives typed defaults for everything but DATABASE_URL', () => {
    expect(loadConfig(valid)).toMatchObject({
      port: 3000,
      temporalAddress: '127.0.0.1:7233',
      temporalNamespace: 'default',
      temporalTaskQueue: 'tenggat-complaints',
      runWorkerInApi: false,
      migrateOnBoot: true,
      slaPolicyFile: 'config/sla-policy.json',
    });
  });

  it('stops boot naming every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', RUN_WORKER_IN_API: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(Object.keys((error as ConfigError).problems).sort()).toEqual(['DATABASE_URL', 'PORT', 'RUN_WORKER_IN_API']);
    expect((error as Error).message).toMatch(/PORT: /);
  });
});
