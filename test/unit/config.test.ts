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

describe('reporter notice channels in the config', () => {
  const SECRET = 'a-secret-of-at-least-thirty-two-characters';

  it('sends nothing to reporters by default, and links to the API address outside production', () => {
    expect(loadConfig({ ...valid, HOST: '0.0.0.0', PORT: '8080' })).toMatchObject({
      smtpUrl: undefined,
      smsOutboundWebhookUrl: undefined,
      publicBaseUrl: 'http://0.0.0.0:8080',
      reporterNoticeLocale: 'id',
    });
  });

  it('takes complete channels, and the public URL without a trailing slash', () => {
    expect(
      loadConfig({
        ...valid,
        SMTP_URL: 'smtps://user:pass@mail.example.go.id:465',
        MAIL_FROM: 'LAPOR! <no-reply@lapor.go.id>',
        SMS_OUTBOUND_WEBHOOK_URL: 'https://sms.example.go.id/outbound',
        SMS_OUTBOUND_WEBHOOK_SECRET: SECRET,
        PUBLIC_BASE_URL: 'https://lapor.go.id/',
        REPORTER_NOTICE_LOCALE: 'en',
      }),
    ).toMatchObject({ smtpUrl: 'smtps://user:pass@mail.example.go.id:465', mailFrom: 'LAPOR! <no-reply@lapor.go.id>', publicBaseUrl: 'https://lapor.go.id', reporterNoticeLocale: 'en' });
  });

  it.each([
    ['an SMTP URL of another scheme', 'SMTP_URL', { SMTP_URL: 'http://mail.example.go.id', MAIL_FROM: 'no-reply@lapor.go.id' },],
    ['an SMTP URL that is no URL', 'SMTP_URL', { SMTP_URL: 'mail.example.go.id:25', MAIL_FROM: 'no-reply@lapor.go.id' },],
    ['SMTP without a sender', 'MAIL_FROM', { SMTP_URL: 'smtp://127.0.0.1:2525' },],
    ['a sender without an address', 'MAIL_FROM', { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'LAPOR!' },],
    ['an SMS webhook without its secret', 'SMS_OUTBOUND_WEBHOOK_SECRET', { SMS_OUTBOUND_WEBHOOK_URL: 'https://sms.example.go.id/outbound' },],
    ['a short SMS secret', 'SMS_OUTBOUND_WEBHOOK_SECRET', { SMS_OUTBOUND_WEBHOOK_URL: 'https://sms.example.go.id/outbound', SMS_OUTBOUND_WEBHOOK_SECRET: 'short' },],
    ['an SMS webhook that is no URL', 'SMS_OUTBOUND_WEBHOOK_URL', { SMS_OUTBOUND_WEBHOOK_URL: 'sms gateway', SMS_OUTBOUND_WEBHOOK_SECRET: SECRET },],
    ['an unknown locale', 'REPORTER_NOTICE_LOCALE', { REPORTER_NOTICE_LOCALE: 'jv' },],
    [
      'production channels without the public URL',
      'PUBLIC_BASE_URL',
      { NODE_ENV: 'production', WORKFLOW_BUNDLE_PATH: 'dist/workflow-bundle.js', TEMPORAL_PAYLOAD_KEYS: 'k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'no-reply@lapor.go.id' },
    ],
  ])('stops boot on %s, naming %s', (_, variable, env) => {
    let error: unknown;
    try {
      loadConfig({ ...valid, ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(Object.keys((error as ConfigError).problems)).toEqual([variable]);
  });
});
