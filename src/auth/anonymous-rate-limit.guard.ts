import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config.js';
import type { RequestWithOfficer } from './auth.decorators.js';

/** One budget per client for every endpoint without an account (per API replica: memory store). */
@Injectable()
export class AnonymousRateLimiter extends RateLimiterMemory {
  constructor(config: AppConfig) {
    super({ keyPrefix: 'anonymous', points: config.anonymousRateLimitPerMinute, duration: 60 });
  }
}

/**
 * Rate limit for endpoints without an account: 429 with Retry-After once a client spends its budget.
 * Signed-in officers (e.g. typing in paper reports) are not limited.
 */
@Injectable()
export class AnonymousRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: AnonymousRateLimiter) {}

  /** Who is counted: the client address; subclasses may count otherwise. */
  protected client(request: Request): string {
    return `address:${request.ip}`;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithOfficer>();
    if (request.officer) return true;
    try {
      await this.limiter.consume(this.client(request));
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.ceil(rejection.msBeforeNext / 1000);
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
      throw new HttpException(`too many requests without an account from this client; retry in ${seconds} s`, HttpStatus.TOO_MANY_REQUESTS);
    }
  }
}
