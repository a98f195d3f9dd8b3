import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IntegrationClientsService } from '../integration-clients/integration-clients.service.js';
import type { IntegrationCaller } from '../integration-clients/integration-client.js';
import { ALLOWED_ROLES, INTEGRATION_CALLERS, OWN_AUTHORIZATION_ROUTE, PUBLIC_ROUTE, SESSION_COOKIE_ROUTE, type IntegrationCallers, type RequestWithOfficer } from './auth.decorators.js';
import { sessionTokenOf } from './session-cookie.js';
import { AuthService } from './auth.service.js';
import type { Role } from './officer.js';
import { message, type Message } from '../i18n/messages.js';

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
    if (this.reflector.getAllAndOverride<boolean>(OWN_AUTHORIZATION_ROUTE, targets)) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const cookieAllowed = this.reflector.getAllAndOverride<boolean>(SESSION_COOKIE_ROUTE, targets) ?? false;
    const token = bearerToken(request.header('authorization')) ?? (cookieAllowed ? sessionTokenOf(request) : undefined);
    if (token) request.officer = await this.auth.officerFromToken(token);
    const integration = this.reflector.getAllAndOverride<IntegrationCallers | undefined>(INTEGRATION_CALLERS, targets);
    if (integration) request.integrationClient = await this.integrationClient(request, integration);
    if (isPublic) return true;
    if (!request.officer) throw new UnauthorizedException(message('auth.signIn'));
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.officer.role)) {
      throw new ForbiddenException(message('auth.roleNotAllowed', { role: request.officer.role, allowed: roles.join(', ') }));
    }
    return true;
  }

  /** The client whose key came with the request; a wrong key is refused, never taken for no key. */
  private async integrationClient(request: RequestWithOfficer, accepts: IntegrationCallers): Promise<IntegrationCaller | undefined> {
    const field = accepts.bodyField;
    const body = request.body as Record<string, unknown> | undefined;
    const key = request.header('x-api-key') ?? (field ? body?.[field] : undefined);
    const name = field ? message('auth.integrationKeyField', { field }) : 'X-Api-Key';
    const refuse = (text: Message) => (accepts.refuseWith === 403 ? new ForbiddenException(text) : new UnauthorizedException(text));
    if (key === undefined || key === '') {
      if (accepts.required) throw refuse(message('auth.integrationKeyRequired', { name }));
      return undefined;
    }
    const client = typeof key === 'string' ? await this.integrations.authenticate(key) : null;
    if (!client) throw refuse(message('auth.integrationKeyInvalid', { name }));
    if (accepts.channels && !accepts.channels.includes(client.channel)) {
      throw new ForbiddenException(message('auth.integrationWrongChannel', { channels: accepts.channels.join(' / '), client: client.id, channel: client.channel }));
    }
    return client;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new UnauthorizedException(message('auth.bearerFormat'));
  return match[1];
}
