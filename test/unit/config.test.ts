import { ConfigError, loadConfig } from '../../src/config/app-config.js';

const valid = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test' };

/** The variables a refused configuration names (fails the test if it is accepted). */
function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return Object.keys(error.problems);
    throw error;
  }
  throw new Error('the configuration was accepted');
}

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
      notifyPollMs: 1000,
      notifyConcurrency: 8,
    });
  });

  it.each([
    ['1', 1],
    ['50', 50],
  ])('takes NOTIFY_CONCURRENCY=%s', (value, concurrency) => {
    expect(loadConfig({ ...valid, NOTIFY_CONCURRENCY: value }).notifyConcurrency).toBe(concurrency);
  });

  it.each(['0', '51', '2.5', '-3', 'eight'])('stops boot on NOTIFY_CONCURRENCY=%s, naming it', (value) => {
    expect(problemsOf({ ...valid, NOTIFY_CONCURRENCY: value })).toEqual(['NOTIFY_CONCURRENCY']);
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

  it('derives access codes under AUTH_SECRET unless ACCESS_CODE_SECRET is set, and refuses a short one by name', () => {
    const db = { DATABASE_URL: 'postgresql://localhost/x' };
    const auth = 'a'.repeat(32);
    const codes = 'c'.repeat(32);
    expect(loadConfig({ ...db, AUTH_SECRET: auth }).accessCodeSecret).toBe(auth);
    expect(loadConfig({ ...db, AUTH_SECRET: auth, ACCESS_CODE_SECRET: codes })).toMatchObject({ authSecret: auth, accessCodeSecret: codes });
    const random = loadConfig({ ...db, NODE_ENV: 'development' });
    expect(random.accessCodeSecret).toBe(random.authSecret);
    expect(() => loadConfig({ ...db, ACCESS_CODE_SECRET: 'short' })).toThrow(/ACCESS_CODE_SECRET: must be at least 32 characters/);
    expect(loadConfig({ ...db, AUTH_SECRET: auth, ACCESS_CODE_SECRET: '' }).accessCodeSecret).toBe(auth); // compose passes an unset one as empty
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
    expect(problemsOf({ ...valid, ...env })).toEqual([variable]);
  });
});

describe('tracing in the config', () => {
  it.each([
    ['no endpoint: off', {}, undefined],
    ['an endpoint: its /v1/traces, the process names itself', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, { tracesUrl: 'http://collector:4318/v1/traces', serviceName: undefined }],
    ['an endpoint with a path and a trailing slash', { OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.go.id/otlp/' }, { tracesUrl: 'https://otel.example.go.id/otlp/v1/traces', serviceName: undefined }],
    ['a traces endpoint, taken as it is', { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/custom' }, { tracesUrl: 'http://collector:4318/custom', serviceName: undefined }],
    ['both: the traces endpoint wins', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/v1/traces' }, { tracesUrl: 'http://b:4318/v1/traces', serviceName: undefined }],
    ['a service name', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SERVICE_NAME: 'tenggat-api-jakarta', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }, { tracesUrl: 'http://collector:4318/v1/traces', serviceName: 'tenggat-api-jakarta' }],
    ['a service name without an endpoint: still off', { OTEL_SERVICE_NAME: 'tenggat-api' }, undefined],
    ['empty variables, as compose passes unset ones: off', { OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: ' ', OTEL_SERVICE_NAME: '' }, undefined],
  ])('%s', (_, env, tracing) => {
    expect(loadConfig({ ...valid, ...env }).tracing).toEqual(tracing);
  });

  it.each([
    ['an endpoint that is no URL', 'OTEL_EXPORTER_OTLP_ENDPOINT', { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }],
    ['a gRPC endpoint scheme', 'OTEL_EXPORTER_OTLP_ENDPOINT', { OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317' }],
    ['a traces endpoint of another scheme', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'ftp://collector/v1/traces' }],
    ['a protocol other than http/json', 'OTEL_EXPORTER_OTLP_PROTOCOL', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }],
  ])('stops boot on %s, naming %s', (_, variable, env) => {
    expect(problemsOf({ ...valid, ...env })).toEqual([variable]);
  });
});

describe('evidence file limits in the config', () => {
  it('defaults to 5 MiB a file, 5 files an upload and 20 a complaint', () => {
    expect(loadConfig(valid).attachments).toEqual({ maxFileBytes: 5 * 1024 * 1024, maxFilesPerUpload: 5, maxFilesPerComplaint: 20 });
  });

  it.each([
    [{ ATTACHMENT_MAX_FILE_BYTES: '0' }, ['ATTACHMENT_MAX_FILE_BYTES']],
    [{ ATTACHMENT_MAX_FILE_BYTES: '52428801' }, ['ATTACHMENT_MAX_FILE_BYTES']],
    [{ ATTACHMENT_MAX_FILE_BYTES: '1.5' }, ['ATTACHMENT_MAX_FILE_BYTES']],
    [{ ATTACHMENT_MAX_FILE_BYTES: 'five' }, ['ATTACHMENT_MAX_FILE_BYTES']],
    [{ ATTACHMENT_MAX_FILES_PER_UPLOAD: '0' }, ['ATTACHMENT_MAX_FILES_PER_UPLOAD']],
    [{ ATTACHMENT_MAX_FILES_PER_COMPLAINT: '1001' }, ['ATTACHMENT_MAX_FILES_PER_COMPLAINT']],
    [{ ATTACHMENT_MAX_FILES_PER_UPLOAD: '6', ATTACHMENT_MAX_FILES_PER_COMPLAINT: '5' }, ['ATTACHMENT_MAX_FILES_PER_UPLOAD']],
    [{ ATTACHMENT_MAX_FILE_BYTES: '-1', ATTACHMENT_MAX_FILES_PER_UPLOAD: '0' }, ['ATTACHMENT_MAX_FILES_PER_UPLOAD', 'ATTACHMENT_MAX_FILE_BYTES']],
  ])('stops boot on %j, naming %j', (env, names) => {
    expect(problemsOf({ ...valid, ...env }).sort()).toEqual(names);
  });

  it('takes limits within bounds', () => {
    const env = { ATTACHMENT_MAX_FILE_BYTES: '52428800', ATTACHMENT_MAX_FILES_PER_UPLOAD: '10', ATTACHMENT_MAX_FILES_PER_COMPLAINT: '10' };
    expect(loadConfig({ ...valid, ...env }).attachments).toEqual({ maxFileBytes: 52_428_800, maxFilesPerUpload: 10, maxFilesPerComplaint: 10 });
  });
});
