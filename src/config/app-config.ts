// Environment schema, validated once at boot: a bad variable stops startup with its name.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { bool, cleanEnv, num, port, str, url } from 'envalid';
import { DEFAULT_TASK_QUEUE } from '../../workflows/messages.js';
import { ConfigError } from './config-error.js';
import { LOCALES, type Locale } from '../i18n/messages.js';
import { payloadKeysFrom, type PayloadKey } from '../temporal/payload-codec.js';
import { REPORTER_LOCALES, type ReporterLocale } from '../notifications/reporter-messages.js';

export class AppConfig {
  nodeEnv!: 'development' | 'production' | 'test';
  host!: string;
  port!: number;
  logLevel!: string;
  /** auto: readable lines in development on a terminal, JSON otherwise. */
  logFormat!: 'auto' | 'json' | 'pretty';
  databaseUrl!: string;
  migrateOnBoot!: boolean;
  temporalAddress!: string;
  temporalNamespace!: string;
  temporalTaskQueue!: string;
  temporalUiUrl!: string;
  runWorkerInApi!: boolean;
  workflowBundlePath!: string | undefined;
  workerMaxCachedWorkflows!: number;
  workerWorkflowTaskSlots!: number;
  slaPolicyFile!: string;
  calendarDir!: string;
  notifyWebhookUrl!: string | undefined;
  notifyPollMs!: number;
  /** Notifications a dispatcher delivers at once (1–50). */
  notifyConcurrency!: number;
  /** Complaints per batch of a what-if replay (one activity each). */
  whatIfBatchSize!: number;
  reconcilePollMs!: number;
  /** Signs webhook deliveries (HMAC-SHA256); required in production when NOTIFY_WEBHOOK_URL is set. */
  notifyWebhookSecret!: string | undefined;
  workflowHistoryLimit!: number;
  /** Empty in production when AUTH_SECRET is unset: the API refuses to start (AuthModule); workers do not use it. */
  authSecret!: string;
  /** Derives reporter access codes: ACCESS_CODE_SECRET, else AUTH_SECRET (see README: rotating AUTH_SECRET). */
  accessCodeSecret!: string;
  authTokenTtlSeconds!: number;
  anonymousRateLimitPerMinute!: number;
  integrationRateLimitPerMinute!: number;
  officerRateLimitPerMinute!: number;
  /** Express's `trust proxy`: false, a hop count, or addresses/ranges of the proxies in front. */
  trustProxy!: boolean | number | string[];
  /** Failed sign-ins to one account (access-code guesses at one complaint) before each try must wait. */
  loginFreeAttempts!: number;
  trackingFreeAttempts!: number;
  /** The longest wait a guessed account or complaint imposes (the wait doubles from 1 s up to this). */
  credentialMaxDelaySeconds!: number;
  /** Keys of Temporal payload encryption, the first encrypting (TEMPORAL_PAYLOAD_KEYS; a fixed one in development). */
  temporalPayloadKeys!: PayloadKey[];
  /** Where reporter e-mails go out (smtp:// or smtps://); unset: reporters are not e-mailed. */
  smtpUrl!: string | undefined;
  /** Sender of reporter e-mails; required with SMTP_URL. */
  mailFrom!: string | undefined;
  /** The SMS gateway's outbound webhook; unset: reporters get no SMS. */
  smsOutboundWebhookUrl!: string | undefined;
  /** Signs each SMS webhook POST (HMAC-SHA256); required with SMS_OUTBOUND_WEBHOOK_URL. */
  smsOutboundWebhookSecret!: string | undefined;
  /** Where citizens reach Tenggat: notices link to its tracking page. No trailing slash. */
  publicBaseUrl!: string;
  reporterNoticeLocale!: ReporterLocale;
  /** The language of answers to requests whose Accept-Language names none of ours. */
  defaultLocale!: Locale;
  /** GET /metrics on the API (Prometheus text format). */
  metricsEnabled!: boolean;
  /** When set, /metrics answers only requests bearing it (Authorization: Bearer …). */
  metricsToken!: string | undefined;
  /** host:port where a worker exposes the Temporal SDK's Prometheus metrics; unset: not exposed. */
  workerMetricsAddress!: string | undefined;
  /** Where spans go (OTLP over HTTP, JSON), and as which service; unset: tracing is off and no SDK starts. */
  tracing!: TracingConfig | undefined;
  /** Evidence files: the largest file, files per upload and files per complaint (all purposes together). */
  attachments!: AttachmentLimits;
}

export interface AttachmentLimits {
  maxFileBytes: number;
  maxFilesPerUpload: number;
  maxFilesPerComplaint: number;
}

/** Files are held in memory while they are checked: a file larger than this is refused as a setting. */
export const ATTACHMENT_MAX_FILE_BYTES_CEILING = 50 * 1024 * 1024;

export interface TracingConfig {
  /** The OTLP/HTTP traces URL: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces. */
  tracesUrl: string;
  /** OTEL_SERVICE_NAME; unset: each process names itself (tenggat-api, tenggat-worker). */
  serviceName: string | undefined;
}

export { ConfigError };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = cleanEnv(
    withoutEmptyOtelVariables(env),
    {
      NODE_ENV: str({ choices: ['development', 'production', 'test'], default: 'development' }),
      HOST: str({ default: '127.0.0.1', desc: 'address the API binds to' }),
      PORT: port({ default: 3000 }),
      LOG_LEVEL: str({ choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' }),
      LOG_FORMAT: str({ choices: ['auto', 'json', 'pretty'], default: 'auto' }),
      DATABASE_URL: url({ desc: 'PostgreSQL URL; ?schema=name selects a schema' }),
      MIGRATE_ON_BOOT: bool({ default: true }),
      TEMPORAL_ADDRESS: str({ default: '127.0.0.1:7233' }),
      TEMPORAL_NAMESPACE: str({ default: 'default' }),
      TEMPORAL_TASK_QUEUE: str({ default: DEFAULT_TASK_QUEUE }),
      TEMPORAL_UI_URL: url({ default: 'http://127.0.0.1:8233' }),
      RUN_WORKER_IN_API: bool({ default: false }),
      WORKFLOW_BUNDLE_PATH: str({ default: undefined }),
      WORKER_MAX_CACHED_WORKFLOWS: num({ default: 1000 }),
      WORKER_WORKFLOW_TASK_SLOTS: num({ default: 200, desc: 'workflow tasks a worker runs at once (a tenth as many pollers)' }),
      SLA_POLICY_FILE: str({ default: 'config/sla-policy.json' }),
      CALENDAR_DIR: str({ default: 'config/calendars' }),
      NOTIFY_WEBHOOK_URL: url({ default: undefined, desc: 'receives reminders and escalations as JSON POSTs; unset: logged' }),
      NOTIFY_POLL_MS: num({ default: 1000, desc: 'how often the outbox dispatcher looks for due notifications besides being woken by new ones' }),
      NOTIFY_CONCURRENCY: num({ default: 8, desc: 'notifications (webhook POSTs, SMS, e-mails) a dispatcher delivers at once, 1 to 50' }),
      WHAT_IF_BATCH_SIZE: num({ default: 250, desc: 'complaints per batch of a what-if replay (one activity each), 1 to 2000' }),
      RECONCILE_POLL_MS: num({ default: 2000, desc: 'how often workers look for complaints whose workflow is not started yet' }),
      NOTIFY_WEBHOOK_SECRET: str({ default: undefined, desc: 'signs webhook deliveries (X-Tenggat-Signature); at least 32 characters' }),
      WORKFLOW_HISTORY_LIMIT: num({ default: 5000, desc: 'events after which a complaint workflow continues as new' }),
      AUTH_SECRET: str({ default: undefined, desc: 'signs officer tokens, and derives reporter access codes unless ACCESS_CODE_SECRET is set; at least 32 characters' }),
      ACCESS_CODE_SECRET: str({
        default: undefined,
        desc: "derives reporter access codes; unset: AUTH_SECRET. Set it to the old AUTH_SECRET when rotating that one, or every reporter's code changes; at least 32 characters",
      }),
      AUTH_TOKEN_TTL_SECONDS: num({ default: 8 * 3600, desc: 'lifetime of an officer token' }),
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: num({ default: 30, desc: 'requests per minute and client address on endpoints without an account' }),
      INTEGRATION_RATE_LIMIT_PER_MINUTE: num({ default: 600, desc: 'complaints per minute and integration client (SMS gateway, app)' }),
      OFFICER_RATE_LIMIT_PER_MINUTE: num({ default: 120, desc: 'reports per minute an officer may type in' }),
      TRUST_PROXY: str({ default: 'false', desc: 'false, a hop count, or comma-separated proxy addresses/ranges (loopback, 10.0.0.0/8, …)' }),
      LOGIN_FREE_ATTEMPTS: num({ default: 5, desc: 'failed sign-ins to one account before each further try waits' }),
      TRACKING_FREE_ATTEMPTS: num({ default: 5, desc: 'wrong access codes for one complaint before each further try waits' }),
      CREDENTIAL_MAX_DELAY_SECONDS: num({ default: 900, desc: 'longest wait imposed on a guessed account or complaint' }),
      DEFAULT_LOCALE: str({ choices: [...LOCALES], default: 'id', desc: 'language of answers when Accept-Language names none of id, en' }),
      TEMPORAL_PAYLOAD_KEYS: str({ default: '', desc: 'payload encryption keys, "id:base64 of 32 bytes", comma-separated, the first encrypting' }),
      SMTP_URL: str({ default: undefined, desc: 'smtp:// or smtps:// server for reporter e-mails; unset: none are sent' }),
      MAIL_FROM: str({ default: undefined, desc: 'sender of reporter e-mails, e.g. "LAPOR! <no-reply@lapor.go.id>"' }),
      SMS_OUTBOUND_WEBHOOK_URL: url({ default: undefined, desc: "the SMS gateway's outbound webhook for reporter SMS; unset: none are sent" }),
      SMS_OUTBOUND_WEBHOOK_SECRET: str({ default: undefined, desc: 'signs SMS webhook POSTs (X-Tenggat-Signature); at least 32 characters' }),
      PUBLIC_BASE_URL: url({ default: undefined, desc: 'where citizens reach Tenggat; notices link to <PUBLIC_BASE_URL>/console/lacak/<tracking ID>' }),
      REPORTER_NOTICE_LOCALE: str({ choices: [...REPORTER_LOCALES], default: 'id', desc: 'language of reporter SMS and e-mails' }),
      METRICS_ENABLED: bool({ default: true, desc: 'serve Prometheus metrics at GET /metrics on the API' }),
      METRICS_TOKEN: str({ default: undefined, desc: 'bearer token /metrics requires; unset: open like /health (restrict it at the proxy)' }),
      WORKER_METRICS_ADDRESS: str({ default: undefined, desc: "host:port where a worker serves the Temporal SDK's Prometheus metrics at /metrics; unset: off" }),
      OTEL_EXPORTER_OTLP_ENDPOINT: url({ default: undefined, desc: 'OTLP/HTTP collector (e.g. http://collector:4318); spans go to <it>/v1/traces; unset: tracing off' }),
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: url({ default: undefined, desc: 'full OTLP/HTTP traces URL, overriding OTEL_EXPORTER_OTLP_ENDPOINT for traces' }),
      OTEL_EXPORTER_OTLP_PROTOCOL: str({ choices: ['http/json'], default: undefined, desc: 'spans are sent as OTLP/HTTP JSON; other protocols are not supported' }),
      OTEL_SERVICE_NAME: str({ default: undefined, desc: 'service.name of the spans; unset: tenggat-api or tenggat-worker' }),
      ATTACHMENT_MAX_FILE_BYTES: num({ default: 5 * 1024 * 1024, desc: 'largest evidence file (JPEG, PNG, WebP, PDF) in bytes, at most 52428800 (50 MiB)' }),
      ATTACHMENT_MAX_FILES_PER_UPLOAD: num({ default: 5, desc: 'evidence files one upload may carry' }),
      ATTACHMENT_MAX_FILES_PER_COMPLAINT: num({ default: 20, desc: 'evidence files a complaint may hold, reporter and officers together' }),
    },
    {
      reporter: ({ errors }) => {
        const problems = Object.fromEntries(Object.entries(errors).map(([name, err]) => [name, String(err?.message ?? err)]));
        if (Object.keys(problems).length > 0) throw new ConfigError(problems);
      },
    },
  );
  if (e.NODE_ENV === 'production' && !e.WORKFLOW_BUNDLE_PATH) {
    throw new ConfigError({ WORKFLOW_BUNDLE_PATH: 'required when NODE_ENV=production (workers load the bundle built by npm run build)' });
  }
  if (e.NOTIFY_WEBHOOK_SECRET !== undefined && e.NOTIFY_WEBHOOK_SECRET.length < 32) {
    throw new ConfigError({ NOTIFY_WEBHOOK_SECRET: 'must be at least 32 characters' });
  }
  if (e.NODE_ENV === 'production' && e.NOTIFY_WEBHOOK_URL && !e.NOTIFY_WEBHOOK_SECRET) {
    throw new ConfigError({ NOTIFY_WEBHOOK_SECRET: 'required when NODE_ENV=production and NOTIFY_WEBHOOK_URL is set (receivers verify the sender with it)' });
  }
  for (const name of ['AUTH_SECRET', 'ACCESS_CODE_SECRET'] as const) {
    const value = e[name];
    if (value && value.length < 32) throw new ConfigError({ [name]: 'must be at least 32 characters' });
  }
  if (e.NODE_ENV === 'production' && !e.TEMPORAL_PAYLOAD_KEYS) {
    throw new ConfigError({ TEMPORAL_PAYLOAD_KEYS: 'required when NODE_ENV=production: the key(s) that encrypt what Temporal stores, shared by API and workers' });
  }
  checkReporterChannels(e);
  if (e.METRICS_TOKEN !== undefined && e.METRICS_TOKEN.length < 16) {
    throw new ConfigError({ METRICS_TOKEN: 'must be at least 16 characters' });
  }
  if (e.WORKER_METRICS_ADDRESS !== undefined && !isSocketAddress(e.WORKER_METRICS_ADDRESS)) {
    throw new ConfigError({ WORKER_METRICS_ADDRESS: 'must be an IP address and port, e.g. 127.0.0.1:9464, 0.0.0.0:9464 or [::1]:9464' });
  }
  if (!Number.isInteger(e.NOTIFY_CONCURRENCY) || e.NOTIFY_CONCURRENCY < 1 || e.NOTIFY_CONCURRENCY > 50) {
    throw new ConfigError({ NOTIFY_CONCURRENCY: 'must be a whole number from 1 to 50 (a claimed batch holds 50)' });
  }
  if (!Number.isInteger(e.WHAT_IF_BATCH_SIZE) || e.WHAT_IF_BATCH_SIZE < 1 || e.WHAT_IF_BATCH_SIZE > 2000) {
    throw new ConfigError({ WHAT_IF_BATCH_SIZE: 'must be a whole number from 1 to 2000 (a batch is one activity of a few seconds)' });
  }
  for (const [name, value] of Object.entries({ LOGIN_FREE_ATTEMPTS: e.LOGIN_FREE_ATTEMPTS, TRACKING_FREE_ATTEMPTS: e.TRACKING_FREE_ATTEMPTS, CREDENTIAL_MAX_DELAY_SECONDS: e.CREDENTIAL_MAX_DELAY_SECONDS })) {
    if (!Number.isInteger(value) || value < 1) throw new ConfigError({ [name]: 'must be a whole number of at least 1' });
  }
  const attachments = attachmentLimits(e.ATTACHMENT_MAX_FILE_BYTES, e.ATTACHMENT_MAX_FILES_PER_UPLOAD, e.ATTACHMENT_MAX_FILES_PER_COMPLAINT);
  const officerTokenSecret = authSecret(e.NODE_ENV, e.AUTH_SECRET);
  return Object.assign(new AppConfig(), {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    databaseUrl: e.DATABASE_URL,
    migrateOnBoot: e.MIGRATE_ON_BOOT,
    temporalAddress: e.TEMPORAL_ADDRESS,
    temporalNamespace: e.TEMPORAL_NAMESPACE,
    temporalTaskQueue: e.TEMPORAL_TASK_QUEUE,
    temporalUiUrl: e.TEMPORAL_UI_URL,
    runWorkerInApi: e.RUN_WORKER_IN_API,
    workflowBundlePath: e.WORKFLOW_BUNDLE_PATH,
    workerMaxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
    workerWorkflowTaskSlots: e.WORKER_WORKFLOW_TASK_SLOTS,
    slaPolicyFile: e.SLA_POLICY_FILE,
    calendarDir: e.CALENDAR_DIR,
    notifyWebhookUrl: e.NOTIFY_WEBHOOK_URL,
    notifyPollMs: e.NOTIFY_POLL_MS,
    notifyConcurrency: e.NOTIFY_CONCURRENCY,
    whatIfBatchSize: e.WHAT_IF_BATCH_SIZE,
    reconcilePollMs: e.RECONCILE_POLL_MS,
    notifyWebhookSecret: e.NOTIFY_WEBHOOK_SECRET,
    workflowHistoryLimit: e.WORKFLOW_HISTORY_LIMIT,
    authSecret: officerTokenSecret,
    accessCodeSecret: e.ACCESS_CODE_SECRET || officerTokenSecret,
    authTokenTtlSeconds: e.AUTH_TOKEN_TTL_SECONDS,
    anonymousRateLimitPerMinute: e.ANONYMOUS_RATE_LIMIT_PER_MINUTE,
    integrationRateLimitPerMinute: e.INTEGRATION_RATE_LIMIT_PER_MINUTE,
    officerRateLimitPerMinute: e.OFFICER_RATE_LIMIT_PER_MINUTE,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    loginFreeAttempts: e.LOGIN_FREE_ATTEMPTS,
    trackingFreeAttempts: e.TRACKING_FREE_ATTEMPTS,
    credentialMaxDelaySeconds: e.CREDENTIAL_MAX_DELAY_SECONDS,
    temporalPayloadKeys: payloadKeysFrom(e.TEMPORAL_PAYLOAD_KEYS),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    smsOutboundWebhookUrl: e.SMS_OUTBOUND_WEBHOOK_URL,
    smsOutboundWebhookSecret: e.SMS_OUTBOUND_WEBHOOK_SECRET,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    reporterNoticeLocale: e.REPORTER_NOTICE_LOCALE as ReporterLocale,
    defaultLocale: e.DEFAULT_LOCALE,
    metricsEnabled: e.METRICS_ENABLED,
    metricsToken: e.METRICS_TOKEN,
    workerMetricsAddress: e.WORKER_METRICS_ADDRESS,
    tracing: tracingConfig(e.OTEL_EXPORTER_OTLP_ENDPOINT, e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, e.OTEL_SERVICE_NAME),
    attachments,
  });
}

/** Whole numbers of at least 1; a file no larger than the ceiling; an upload no larger than what a complaint holds. */
export function attachmentLimits(maxFileBytes: number, maxFilesPerUpload: number, maxFilesPerComplaint: number): AttachmentLimits {
  const problems: Record<string, string> = {};
  if (!Number.isInteger(maxFileBytes) || maxFileBytes < 1 || maxFileBytes > ATTACHMENT_MAX_FILE_BYTES_CEILING) {
    problems.ATTACHMENT_MAX_FILE_BYTES = `must be a whole number of bytes from 1 to ${ATTACHMENT_MAX_FILE_BYTES_CEILING} (files are checked in memory)`;
  }
  for (const [name, value] of Object.entries({ ATTACHMENT_MAX_FILES_PER_UPLOAD: maxFilesPerUpload, ATTACHMENT_MAX_FILES_PER_COMPLAINT: maxFilesPerComplaint })) {
    if (!Number.isInteger(value) || value < 1 || value > 1000) problems[name] = 'must be a whole number from 1 to 1000';
  }
  if (!problems.ATTACHMENT_MAX_FILES_PER_UPLOAD && !problems.ATTACHMENT_MAX_FILES_PER_COMPLAINT && maxFilesPerUpload > maxFilesPerComplaint) {
    problems.ATTACHMENT_MAX_FILES_PER_UPLOAD = 'must not exceed ATTACHMENT_MAX_FILES_PER_COMPLAINT';
  }
  if (Object.keys(problems).length > 0) throw new ConfigError(problems);
  return { maxFileBytes, maxFilesPerUpload, maxFilesPerComplaint };
}

/** OpenTelemetry's rule: an empty OTEL_* variable counts as unset (compose passes `${VAR:-}` as ""). */
function withoutEmptyOtelVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name, value]) => !(name.startsWith('OTEL_') && value?.trim() === '')));
}

/** Tracing is on only when an OTLP endpoint is configured (the standard OpenTelemetry variable names). */
export function tracingConfig(endpoint: string | undefined, tracesEndpoint: string | undefined, serviceName: string | undefined): TracingConfig | undefined {
  const tracesUrl = tracesEndpoint ?? (endpoint === undefined ? undefined : `${endpoint.replace(/\/+$/, '')}/v1/traces`);
  if (tracesUrl === undefined) return undefined;
  const { protocol } = new URL(tracesUrl);
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new ConfigError({ [tracesEndpoint === undefined ? 'OTEL_EXPORTER_OTLP_ENDPOINT' : 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']: 'must be an http:// or https:// URL of an OTLP/HTTP receiver' });
  }
  return { tracesUrl, serviceName: serviceName?.trim() || undefined };
}

/**
 * The channels that tell reporters what to act on: each is optional, but one that is set must be
 * complete (a sender for e-mail, a signing secret for SMS), and production links must point where
 * citizens really reach the service.
 */
function checkReporterChannels(e: {
  NODE_ENV: string;
  SMTP_URL?: string;
  MAIL_FROM?: string;
  SMS_OUTBOUND_WEBHOOK_URL?: string;
  SMS_OUTBOUND_WEBHOOK_SECRET?: string;
  PUBLIC_BASE_URL?: string;
}): void {
  if (e.SMTP_URL !== undefined) {
    let smtp: URL | undefined;
    try {
      smtp = new URL(e.SMTP_URL);
    } catch {
      smtp = undefined;
    }
    if (!smtp || !['smtp:', 'smtps:'].includes(smtp.protocol) || !smtp.hostname) {
      throw new ConfigError({ SMTP_URL: 'must be an smtp:// or smtps:// URL with a host, e.g. smtps://user:password@mail.example.go.id:465' });
    }
    if (!e.MAIL_FROM) throw new ConfigError({ MAIL_FROM: 'required when SMTP_URL is set: the sender reporters see' });
  }
  if (e.MAIL_FROM !== undefined && !/^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/.test(e.MAIL_FROM.trim())) {
    throw new ConfigError({ MAIL_FROM: 'must be an address, optionally with a name: "LAPOR! <no-reply@lapor.go.id>"' });
  }
  if (e.SMS_OUTBOUND_WEBHOOK_URL !== undefined && !e.SMS_OUTBOUND_WEBHOOK_SECRET) {
    throw new ConfigError({ SMS_OUTBOUND_WEBHOOK_SECRET: 'required when SMS_OUTBOUND_WEBHOOK_URL is set (the gateway verifies the sender with it)' });
  }
  if (e.SMS_OUTBOUND_WEBHOOK_SECRET !== undefined && e.SMS_OUTBOUND_WEBHOOK_SECRET.length < 32) {
    throw new ConfigError({ SMS_OUTBOUND_WEBHOOK_SECRET: 'must be at least 32 characters' });
  }
  if (e.NODE_ENV === 'production' && !e.PUBLIC_BASE_URL && (e.SMTP_URL || e.SMS_OUTBOUND_WEBHOOK_URL)) {
    throw new ConfigError({ PUBLIC_BASE_URL: 'required when NODE_ENV=production and reporters are notified: their messages link to the tracking page there' });
  }
}

/**
 * Production needs one secret shared by every API replica. Elsewhere a missing one is made per process
 * (tokens end with it); workers never use it, so only the API process fails without it.
 */
function authSecret(nodeEnv: string, configured: string | undefined): string {
  if (configured) return configured;
  if (nodeEnv !== 'production') return randomBytes(32).toString('base64url');
  return '';
}

/** An IP address (IPv6 in brackets), a colon and a port: the SDK's exporter binds a socket address, not a host name. */
export function isSocketAddress(value: string): boolean {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value);
  if (!match || Number(match[3]) > 65535) return false;
  return match[1] !== undefined ? isIP(match[1]) === 6 : isIP(match[2]) === 4;
}

/** Named ranges Express understands in `trust proxy`. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: which proxies' X-Forwarded-For to believe. Unset, none: every client is its socket address
 * (a client cannot pick its own rate-limit bucket). Behind a proxy without it, all citizens share one.
 */
export function parseTrustProxy(value: string): boolean | number | string[] {
  const v = value.trim();
  if (v === 'false' || v === '') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(',').map((s) => s.trim());
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address);
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!(PROXY_RANGE_NAMES.includes(entry) || (family !== 0 && prefixOk && extra === undefined))) {
      throw new ConfigError({ TRUST_PROXY: `'${entry}' is not an address, a CIDR range or one of ${PROXY_RANGE_NAMES.join(', ')} (or use false, true, or a hop count)` });
    }
  }
  return entries;
}
