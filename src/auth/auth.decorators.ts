import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Officer, Role } from './officer.js';

export const PUBLIC_ROUTE = 'tenggat:public';
export const ALLOWED_ROLES = 'tenggat:roles';

/** No account needed (reporters, the public, Open311 clients). A token, if sent, is still read. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route; others get 403. Routes without it admit every officer role. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export type RequestWithOfficer = Request & { officer?: Officer; id?: string };

/** The signed-in officer; on a @Public() route, undefined when no token was sent. */
export const CurrentOfficer = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Officer | undefined => ctx.switchToHttp().getRequest<RequestWithOfficer>().officer,
);
