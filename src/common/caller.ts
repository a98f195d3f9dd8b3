// Who is calling: an integration client (API key), a signed-in officer (token), or an anonymous client
// known only by its address (behind a trusted proxy, the forwarded one: TRUST_PROXY). The one place
// rate limits, Idempotency-Key scopes and intake channels ask it.
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Officer } from '../auth/officer.js';
import type { IntegrationCaller } from '../integration-clients/integration-client.js';

export type CallerRequest = Request & { officer?: Officer; integrationClient?: IntegrationCaller; id?: string };

export interface Caller {
  officer?: Officer;
  client?: IntegrationCaller;
  address: string;
}

export const callerOf = (request: CallerRequest): Caller => ({
  officer: request.officer,
  client: request.integrationClient,
  address: request.ip ?? 'unknown',
});

/** The caller as one string: the integration when there is one, else the officer, else the address. */
export function callerKey({ client, officer, address }: Caller): string {
  if (client) return `client:${client.id}`;
  if (officer) return `officer:${officer.id}`;
  return `address:${address}`;
}

/** The caller of the request (see Caller), for handlers. */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => callerOf(ctx.switchToHttp().getRequest<CallerRequest>()));
