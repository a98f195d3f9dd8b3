// The API's OpenAPI document: one builder, used by bootstrap.ts (served at /openapi.json and /docs) and by
// scripts/openapi-document.ts (committed as openapi/openapi.json, the console's client is generated from it).
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, type OperationObject, type ResponseObject, SwaggerModule } from '@nestjs/swagger';
import { CODEC_SESSION_COOKIE } from '../auth/session-cookie.js';
import { addBodyLimits, addParameterLimits } from './validator-limits.js';

/** Security scheme names, as operations refer to them. */
export const BEARER = 'bearer';
export const API_KEY = 'apiKey';
export const CODEC_SESSION = 'codecSession';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tenggat')
    .setDescription(
      'Complaint deadlines and escalation for a national public-service complaint channel. ' +
        'Officers sign in at POST /v1/auth/login and send the token as `Authorization: Bearer <token>`; citizens need no account.',
    )
    .setVersion('1')
    // 3.1: JSON Schema 2020-12, so a nullable reference is anyOf [ref, null] (3.0's nullable cannot say that).
    .setOpenAPIVersion('3.1.0')
    .addServer('/', 'The deployment serving this document: local, staging or production')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'Officer token from POST /v1/auth/login. A JWT following RFC8725: signed with HS256, the algorithm pinned when verifying (never `none`), expiring after AUTH_TOKEN_TTL_SECONDS.',
      },
      BEARER,
    )
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'Key of a registered integration client (SMS gateway, partner app, Open311 app)' }, API_KEY)
    .addApiKey({ type: 'apiKey', in: 'cookie', name: CODEC_SESSION_COOKIE, description: 'Codec session for the Temporal Web UI (POST /codec/session)' }, CODEC_SESSION)
    // Officer endpoints are the rule; open ones say so with their own `security`.
    .addSecurityRequirements(BEARER)
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
  describeOpen311Formats(document);
  addBodyLimits(document.components?.schemas ?? {});
  addParameterLimits(app, document);
  describeIntegers(document);
  describeServers(document);
  return document;
}

/**
 * Every integer this API takes or sends fits in 32 bits (counts, levels, ratings, statuses, seconds):
 * integers without a format say so, so clients need not guess.
 */
function describeIntegers(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach(describeIntegers);
  const schema = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(schema)) if (key !== 'example' && key !== 'examples') describeIntegers(value);
  const type = schema.type;
  if ((type === 'integer' || (Array.isArray(type) && type.includes('integer'))) && schema.format === undefined) schema.format = 'int32';
}

/** Same-origin relative server: whoever serves the document serves the API; it is reachable from outside. */
function describeServers(document: OpenAPIObject): void {
  for (const server of document.servers ?? []) Object.assign(server, { 'x-internal': false });
}

const JSON_TYPE = 'application/json';
const XML_TYPE = 'text/xml';

/**
 * Open311 serves one handler at two paths, .json and .xml (the extension picks the format): Nest numbers
 * the twin operations (`services[0]`, `services[1]`); name them by format instead, and let the .xml twin
 * answer text/xml (the same fields, as elements).
 */
function describeOpen311Formats(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    const format = /\.(json|xml)$/.exec(path)?.[1];
    if (!format) continue;
    for (const operation of Object.values(item) as OperationObject[]) {
      if (typeof operation !== 'object' || !operation?.operationId) continue;
      operation.operationId = operation.operationId.replace(/\[\d+\]$/, '') + (format === 'xml' ? 'Xml' : 'Json');
      if (format !== 'xml') continue;
      // The twins share their response objects: the .xml one gets its own.
      operation.responses = structuredClone(operation.responses);
      for (const response of Object.values(operation.responses) as ResponseObject[]) {
        const json = response.content?.[JSON_TYPE];
        if (json) response.content = { [XML_TYPE]: json };
      }
    }
  }
}
