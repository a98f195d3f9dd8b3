import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { trace, ProxyTracerProvider } from '@opentelemetry/api';
import { Worker } from '@temporalio/worker';
import request from 'supertest';
import { saveHistory } from '../../scripts/record-history.js';
import { AppConfig } from '../../src/config/app-config.js';
import { projectRoot } from '../../src/project-root.js';
import { tenggatDataConverter } from '../../src/temporal/payload-codec.js';
import { TracingService } from '../../src/tracing/tracing.service.js';
import { workerTracingOptions } from '../../src/tracing/worker-tracing.js';
import { complaintWorkflowId } from '../../workflows/messages.js';
import { complaintBody, createTestApp, eventually, type TestApp } from '../support/app.js';
import { createOfficers, type Officers } from '../support/officers.js';
import { freePort, startNodeProcess, startWorkerProcess, type NodeProcess } from '../support/stack.js';
import { API_LISTENING } from '../../src/common/api-listening.js';

const PII = ['Siti Rahmawati', '6281234567890', 'siti@example.id', '3273012345678901'];

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
}
interface Span extends OtlpSpan {
  service: string;
  attrs: Record<string, string | number | boolean | undefined>;
}
interface OtlpExport {
  resourceSpans: { resource?: { attributes?: { key: string; value: OtlpValue }[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}

const valueOf = (v: OtlpValue) => v.stringValue ?? v.boolValue ?? (v.intValue === undefined ? undefined : Number(v.intValue));

/** A tiny OTLP/HTTP receiver (JSON encoding, what @opentelemetry/exporter-trace-otlp-http sends): collects POST /v1/traces. */
class OtlpReceiver {
  readonly spans: Span[] = [];
  readonly requests: string[] = [];
  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
  ) {}

  static async start(): Promise<OtlpReceiver> {
    const port = await freePort();
    let receiver: OtlpReceiver | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        receiver!.requests.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
        if (req.method === 'POST' && req.url === '/v1/traces') receiver!.collect(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport);
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    receiver = new OtlpReceiver(server, `http://127.0.0.1:${port}`);
    return receiver;
  }

  private collect(body: OtlpExport): void {
    for (const { resource, scopeSpans } of body.resourceSpans) {
      const service = String(valueOf(resource?.attributes?.find((a) => a.key === 'service.name')?.value ?? {}));
      for (const { spans } of scopeSpans) {
        for (const span of spans) {
          this.spans.push({ ...span, service, attrs: Object.fromEntries((span.attributes ?? []).map((a) => [a.key, valueOf(a.value)])) });
        }
      }
    }
  }

  inTrace(traceId: string): Span[] {
    return this.spans.filter((s) => s.traceId === traceId);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const SERVER = 2; // OTLP SpanKind: SPAN_KIND_SERVER

describe('traces (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  let t: TestApp;
  let officers: Officers;
  const authSecret = randomBytes(32).toString('base64url');

  beforeAll(async () => {
    t = await createTestApp({ AUTH_SECRET: authSecret });
    officers = await createOfficers(t, []);
  });
  afterAll(() => t.close());

  describe('with an endpoint: the API and worker processes as in production', () => {
    let receiver: OtlpReceiver;
    let api: NodeProcess | undefined;
    let worker: NodeProcess | undefined;
    let base: string;
    const taskQueue = `tracing-${randomUUID()}`;

    beforeAll(async () => {
      receiver = await OtlpReceiver.start();
      const env = { ...process.env, TEMPORAL_TASK_QUEUE: taskQueue, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint };
      // The worker exports only when its batch fills (60 s, 512 spans): what arrives came from the flush at SIGTERM.
      worker = await startWorkerProcess({ ...env, OTEL_BSP_SCHEDULE_DELAY: '60000' });
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      api = await startNodeProcess(
        join('src', 'main.js'),
        { ...env, PORT: String(port), LOG_LEVEL: 'debug', MIGRATE_ON_BOOT: 'false', AUTH_SECRET: authSecret, OTEL_BSP_SCHEDULE_DELAY: '200' },
        API_LISTENING,
      );
    });
    afterAll(async () => {
      await api?.stop('SIGKILL');
      await worker?.stop('SIGKILL');
      await receiver.close();
    });

    it('follows one complaint from POST through the workflow start, its run and its activities, labelling routes by template and carrying no reporter data', async () => {
      const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
      // A caller's W3C trace context is continued (a gateway's trace reaches into the workflow).
      const callerTraceId = randomBytes(16).toString('hex');
      const callerSpanId = randomBytes(8).toString('hex');
      const submitted = await post('/v1/complaints', complaintBody(), { traceparent: `00-${callerTraceId}-${callerSpanId}-01` });
      expect(submitted.status).toBe(201);
      const { trackingId } = (await submitted.json()) as { trackingId: string };
      // Archiving it as spam ends its workflow (an update), so the workflow's own span ends too.
      const archived = await post(`/v1/complaints/${trackingId}/archive`, { reason: 'SPAM' }, officers.national.VERIFIER.auth);
      expect(archived.status).toBe(200);
      const handle = t.temporal.workflow.getHandle(complaintWorkflowId(trackingId));
      await eventually(async () => ((await handle.describe()).status.name === 'COMPLETED' ? true : undefined));

      // The API exports every 200 ms: its spans come while it runs.
      const apiSpan = (route: string) => receiver.spans.find((s) => s.service === 'tenggat-api' && s.kind === SERVER && s.attrs['http.route'] === route);
      const [submitSpan, archiveSpan] = await eventually(async () => {
        const found = [apiSpan('/v1/complaints'), apiSpan('/v1/complaints/:trackingId/archive')];
        return found.every(Boolean) ? (found as Span[]) : undefined;
      });
      expect(submitSpan).toMatchObject({ traceId: callerTraceId, parentSpanId: callerSpanId, name: 'POST /v1/complaints', attrs: { 'http.request.method': 'POST', 'http.response.status_code': 201 } });
      expect(archiveSpan).toMatchObject({ name: 'POST /v1/complaints/:trackingId/archive', attrs: { 'http.response.status_code': 200 } });
      expect(receiver.spans.some((s) => s.service === 'tenggat-worker')).toBe(false);

      // The worker's spans arrive with its flush on SIGTERM, after it drained.
      expect(await worker!.stop('SIGTERM')).not.toBe(1);
      const names = (spans: Span[]) => spans.map((s) => `${s.service} ${s.name}`);
      const submitTrace = receiver.inTrace(submitSpan.traceId);
      expect(names(submitTrace)).toEqual(
        expect.arrayContaining([
          'tenggat-api POST /v1/complaints',
          'tenggat-api StartWorkflow:complaintWorkflow',
          'tenggat-worker RunWorkflow:complaintWorkflow',
          expect.stringMatching(/^tenggat-worker StartActivity:\w+$/),
          expect.stringMatching(/^tenggat-worker RunActivity:\w+$/),
        ]),
      );
      // One tree: the client span under the HTTP span, the run under the client span.
      const byName = (name: string) => submitTrace.find((s) => s.name === name)!;
      expect(byName('StartWorkflow:complaintWorkflow').parentSpanId).toBe(submitSpan.spanId);
      expect(byName('RunWorkflow:complaintWorkflow').parentSpanId).toBe(byName('StartWorkflow:complaintWorkflow').spanId);
      const archiveTrace = receiver.inTrace(archiveSpan.traceId);
      expect(names(archiveTrace)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^tenggat-api StartWorkflowUpdate:\w+$/), expect.stringMatching(/^tenggat-worker HandleUpdate:\w+$/)]),
      );

      // Routes are templates; no HTTP span names the complaint, no span carries the reporter.
      const serverSpans = receiver.spans.filter((s) => s.kind === SERVER);
      expect(JSON.stringify(serverSpans)).not.toContain(trackingId);
      for (const secret of PII) expect(JSON.stringify(receiver.spans)).not.toContain(secret);
      expect(new Set(receiver.requests)).toEqual(new Set(['POST /v1/traces application/json']));

      // npm run history:record's way: RECORD_HISTORIES=1 keeps it for test/replay.
      if (process.env.RECORD_HISTORIES === '1') saveHistory(handle.workflowId, 'traced-archived-as-spam');
      // A traced run replays deterministically with the production bundle (whether or not a worker traces).
      const history = await handle.fetchHistory();
      expect(history.events![0].workflowExecutionStartedEventAttributes!.header!.fields).toHaveProperty(['_tracer-data']);
      await Worker.runReplayHistory(
        {
          workflowBundle: { codePath: join(projectRoot(), 'dist', 'workflow-bundle.js') },
          dataConverter: tenggatDataConverter(t.app.get(AppConfig).temporalPayloadKeys),
          sinks: workerTracingOptions(undefined).sinks,
        },
        history,
        handle.workflowId,
      );
      expect(await api!.stop('SIGTERM')).not.toBe(1);
    }, 90_000);
  });

  it('without an endpoint starts no SDK, adds no trace header to the workflow and exports nothing', async () => {
    expect(t.app.get(TracingService).active).toBeUndefined();
    // No tracer provider was registered in this process: the API's global is still the no-op proxy.
    const provider = trace.getTracerProvider() as ProxyTracerProvider;
    expect(provider.getDelegate().constructor.name).toBe('NoopTracerProvider');
    const { body } = await request(t.http).post('/v1/complaints').send(complaintBody()).expect(201);
    const handle = t.temporal.workflow.getHandle(complaintWorkflowId(body.trackingId as string));
    // The run's history as before tracing existed: no trace header on its start, so its workflow
    // interceptors pass every call through (workflows/tracing-interceptors.ts).
    const started = (await handle.fetchHistory()).events![0].workflowExecutionStartedEventAttributes!;
    expect(started.header?.fields ?? {}).not.toHaveProperty(['_tracer-data']);
  });
});
