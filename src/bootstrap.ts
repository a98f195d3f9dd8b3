// One wiring for the API, used by main.ts and by the tests, so tests run the production setup.
import { type INestApplication, ValidationPipe, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cors from 'cors';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { withQuietStartup } from './common/logger.module.js';
import type { AppConfig } from './config/app-config.js';
import { chooseLocale } from './i18n/locale.js';
import { validationFailed } from './i18n/validation-messages.js';
import { recordHttpDuration } from './metrics/http-metrics.middleware.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { traceHttpRequests } from './tracing/http-tracing.middleware.js';
import { TracingService } from './tracing/tracing.service.js';

/** Where the OpenAPI document is served (Swagger UI at /docs reads it too). */
export const OPENAPI_JSON_PATH = 'openapi.json';

/** URI versioning (/v1/...); routes without a version (health, Open311, codec) stay unversioned. */
export function enableApiVersioning(app: INestApplication): void {
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: undefined });
}

export const BODY_LIMIT = '64kb';
/** The Temporal Web UI sends whole histories' payloads to the codec at once. */
export const CODEC_BODY_LIMIT = '4mb';
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface CreateAppOptions {
  /** Let Nest close the app on SIGTERM/SIGINT; off when a launcher owns the signals. */
  shutdownHooks?: boolean;
}

export async function createApp(config: AppConfig, { shutdownHooks = true }: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(withQuietStartup(app.get(Logger)));
  // A server span per request when tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT), current for everything after it.
  const tracing = app.get(TracingService).active;
  if (tracing) app.use(traceHttpRequests(tracing.tracer));
  if (config.metricsEnabled) app.use(recordHttpDuration);
  // Whose X-Forwarded-For to believe (TRUST_PROXY): unset, none — a client cannot choose its own address.
  app.set('trust proxy', config.trustProxy);
  // Idle keep-alive connections outlive common load-balancer idle timeouts (60 s), so a proxy never
  // reuses a socket the API is closing (sporadic ECONNRESET); headers get a second more, as Node requires.
  const server = app.getHttpServer();
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  app.disable('x-powered-by');
  // nosniff, no framing (CSP frame-ancestors 'none', X-Frame-Options DENY), no referrer, HSTS.
  app.use(
    helmet({
      // Plain-http development must still load the docs' scripts: no upgrade-insecure-requests.
      contentSecurityPolicy: { directives: { frameAncestors: ["'none'"], upgradeInsecureRequests: null } },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  // Answers carry personal data (identity view, tracking view, tokens): no cache keeps them.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/docs')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Answers speak the caller's language (Accept-Language, else DEFAULT_LOCALE), body-parser errors included.
  app.use(chooseLocale(config.defaultLocale));
  // The codec answers the Temporal Web UI's origin only, with credentials (its session cookie).
  app.use('/codec', cors({ origin: [new URL(config.temporalUiUrl).origin], credentials: true, methods: ['POST'], allowedHeaders: ['Content-Type', 'Authorization', 'X-Namespace'], maxAge: 600 }));
  app.use('/codec', json({ limit: CODEC_BODY_LIMIT }));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  // Open311 clients post forms; extended parsing turns attribute[code]=value into nested objects.
  app.useBodyParser('urlencoded', { extended: true, limit: BODY_LIMIT });
  enableApiVersioning(app);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      // The filter words each problem in the caller's language; it reads rule arguments off the target.
      validationError: { target: true, value: true },
      exceptionFactory: validationFailed,
    }),
  );
  if (shutdownHooks) app.enableShutdownHooks();

  // The same document as the committed openapi/openapi.json (scripts/openapi-document.ts).
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    swaggerOptions: { persistAuthorization: true },
  });
  return app;
}
