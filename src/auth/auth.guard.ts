import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IntegrationClientsService } from '../integration-clients/integration-clients.service.js';
import type { IntegrationCaller } from '../integration-clients/integration-client.js';
import { ALLOWED_ROLES, INTEGRATION_CALLERS, PUBLIC_ROUTE, SESSION_COOKIE_ROUTE, type IntegrationCallers, type RequestWithOfficer } from './auth.decorators.js';
import { sessionTokenOf } from './session-cookie.js';
import { AuthService } from './auth.service.js';
import type { Role } from './officer.js';

/**
 * Global: every route needs a valid officer token unless marked @Public(); @Roles() narrows it (403).
 * Routes marked @AcceptsIntegrationClients() also learn which integration client's API key came along.
 * Runs before validation, so an unauthorised caller learns nothing from the shape of its request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly integrations: IntegrationClientsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithOfficer>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const cookieAllowed = this.reflector.getAllAndOverride<boolean>(SESSION_COOKIE_ROUTE, targets) ?? false;
    const token = bearerToken(request.header('authorization')) ?? (cookieAllowed ? sessionTokenOf(request) : undefined);
    if (token) request.officer = await this.auth.officerFromToken(token);
    const integration = this.reflector.getAllAndOverride<IntegrationCallers | undefined>(INTEGRATION_CALLERS, targets);
    if (integration) request.integrationClient = await this.integrationClient(request, integration);
    if (isPublic) return true;
    if (!request.officer) throw new UnauthorizedException('sign in: Authorization: Bearer <token> from POST /v1/auth/login');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.officer.role)) {
      throw new ForbiddenException(`role ${request.officer.role} may not do this; allowed: ${roles.join(', ')}`);
    }
    return true;
  }

  /** The client whose key came with the request; a wrong key is refused, never taken for no key. */
  private async integrationClient(request: RequestWithOfficer, accepts: IntegrationCallers): Promise<IntegrationCaller | undefined> {
    const field = accepts.bodyField;
    const body = request.body as Record<string, unknown> | undefined;
    const key = request.header('x-api-key') ?? (field ? body?.[field] : undefined);
    const name = field ? `${field} (or header X-Api-Key)` : 'X-Api-Key';
    const refuse = (message: string) => (accepts.refuseWith === 403 ? new ForbiddenException(message) : new UnauthorizedException(message));
    if (key === undefined || key === '') {
      if (accepts.required) throw refuse(`${name}: the key of a registered integration client is required here`);
      return undefined;
    }
    const client = typeof key === 'string' ? await this.integrations.authenticate(key) : null;
    if (!client) throw refuse(`${name}: not the key of an active integration client`);
    if (accepts.channels && !accepts.channels.includes(client.channel)) {
      throw new ForbiddenException(`this endpoint takes ${accepts.channels.join(' or ')} integrations; client ${client.id} is registered for ${client.channel}`);
    }
    return client;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new UnauthorizedException('Authorization header must be "Bearer <token>"');
  return match[1];
}
