import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { Request } from 'express';
import type { IntegrationCaller, IntegrationChannel } from '../integration-clients/integration-client.js';
import type { Officer, Role } from './officer.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import { API_KEY, CODEC_SESSION } from '../openapi/openapi-document.js';

export const PUBLIC_ROUTE = 'tenggat:public';
export const ALLOWED_ROLES = 'tenggat:roles';
export const INTEGRATION_CALLERS = 'tenggat:integration-callers';
export const SESSION_COOKIE_ROUTE = 'tenggat:session-cookie';
export const OWN_AUTHORIZATION_ROUTE = 'tenggat:own-authorization';

// Each marker also tells the OpenAPI document what it means (security, error answers), so the two cannot drift.

/** No account needed (reporters, the public, Open311 readers): `security` admits anonymous callers. A token, if sent, is still read. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiSecurity({}));

/** No officer account: the route checks its Authorization header itself (the /metrics bearer), so no officer token is read. */
export const OwnAuthorization = () => applyDecorators(SetMetadata(OWN_AUTHORIZATION_ROUTE, true), ApiSecurity({}));

/** Without an Authorization header, the codec session cookie (session-cookie.ts) may carry the token. */
export const AcceptsSessionCookie = () => applyDecorators(SetMetadata(SESSION_COOKIE_ROUTE, true), ApiSecurity(CODEC_SESSION));

/** Only these roles may call the route; others get 403. Routes without it admit every officer role. */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ALLOWED_ROLES, roles), ApiErrors([403, `Only ${roles.join(', ')} may do this`]));

/** Which integration clients a route takes, and how it refuses a missing or wrong key. */
export interface IntegrationCallers {
  /** Only integration clients may call (an SMS gateway endpoint); otherwise a key is optional. */
  required: boolean;
  /** Only clients registered for these channels (403 for others). */
  channels?: IntegrationChannel[];
  /** A body field that may carry the key instead of the X-Api-Key header (Open311: api_key). */
  bodyField?: string;
  /** The status of a missing or wrong key: 401, or 403 where a spec says so (Open311). */
  refuseWith?: 401 | 403;
}

/**
 * The route takes an API key (header X-Api-Key) of an integration client; the auth guard checks it. A route
 * that requires one needs no officer account (it is public to the guard), but is closed to anonymous callers.
 */
export const AcceptsIntegrationClients = (callers: IntegrationCallers) =>
  applyDecorators(SetMetadata(INTEGRATION_CALLERS, callers), ApiSecurity(API_KEY), ...(callers.required ? [SetMetadata(PUBLIC_ROUTE, true)] : []));

export type RequestWithOfficer = Request & { officer?: Officer; integrationClient?: IntegrationCaller; id?: string };

/** The signed-in officer; on a @Public() route, undefined when no token was sent. */
export const CurrentOfficer = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Officer | undefined => ctx.switchToHttp().getRequest<RequestWithOfficer>().officer,
);
