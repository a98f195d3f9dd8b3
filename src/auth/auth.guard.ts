import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALLOWED_ROLES, PUBLIC_ROUTE, type RequestWithOfficer } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import type { Role } from './officer.js';

/**
 * Global: every route needs a valid officer token unless marked @Public(); @Roles() narrows it (403).
 * Runs before validation, so an unauthorised caller learns nothing from the shape of its request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithOfficer>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const token = bearerToken(request.header('authorization'));
    if (token) request.officer = await this.auth.officerFromToken(token);
    if (isPublic) return true;
    if (!request.officer) throw new UnauthorizedException('sign in: Authorization: Bearer <token> from POST /v1/auth/login');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.officer.role)) {
      throw new ForbiddenException(`role ${request.officer.role} may not do this; allowed: ${roles.join(', ')}`);
    }
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new UnauthorizedException('Authorization header must be "Bearer <token>"');
  return match[1];
}
