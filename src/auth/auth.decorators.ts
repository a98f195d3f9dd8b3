import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { IntegrationCaller, IntegrationChannel } from '../integration-clients/integration-client.js';
import type { Officer, Role } from './officer.js';

export const PUBLIC_ROUTE = 'tenggat:public';
export const ALLOWED_ROLES = 'tenggat:roles';
export const INTEGRATION_CALLERS = 'tenggat:integration-callers';
export const SESSION_COOKIE_ROUTE = 'tenggat:session-cookie';

/** No account needed (reporters, the public, Open311 clients). A token, if sent, is still read. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Without an Authorization header, the codec session cookie (session-cookie.ts) may carry the token. */
export const AcceptsSessionCookie = () => SetMetadata(SESSION_COOKIE_ROUTE, true);

/** Only these roles may call the route; others get 403. Routes without it admit every officer role. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

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

/** The route takes an API key (header X-Api-Key) of an integration client; the auth guard checks it. */
export const AcceptsIntegrationClients = (callers: IntegrationCallers) => SetMetadata(INTEGRATION_CALLERS, callers);

export type RequestWithOfficer = Request & { officer?: Officer; integrationClient?: IntegrationCaller; id?: string };

/** The signed-in officer; on a @Public() route, undefined when no token was sent. */
export const CurrentOfficer = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Officer | undefined => ctx.switchToHttp().getRequest<RequestWithOfficer>().officer,
);
