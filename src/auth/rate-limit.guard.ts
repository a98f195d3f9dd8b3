import { applyDecorators, type CanActivate, type ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { callerOf, type CallerRequest } from '../common/caller.js';
import { TooManyAttemptsError } from '../common/domain-errors.js';
import { AppConfig } from '../config/app-config.js';
import { message, type Message } from '../i18n/messages.js';
import { ApiErrors } from '../openapi/api-errors.decorator.js';

/**
 * Per-minute budgets, in memory per API replica: one per client address (endpoints without an account),
 * per integration client, and per officer (typing in paper reports).
 */
@Injectable()
export class RateLimiters {
  readonly address: RateLimiterMemory;
  readonly client: RateLimiterMemory;
  readonly officer: RateLimiterMemory;

  constructor(config: AppConfig) {
    this.address = new RateLimiterMemory({ keyPrefix: 'address', points: config.anonymousRateLimitPerMinute, duration: 60 });
    this.client = new RateLimiterMemory({ keyPrefix: 'client', points: config.integrationRateLimitPerMinute, duration: 60 });
    this.officer = new RateLimiterMemory({ keyPrefix: 'officer', points: config.officerRateLimitPerMinute, duration: 60 });
  }
}

/**
 * What a request is counted as. `caller`: the integration client if a key came with it, else the officer,
 * else the address. `address`: always the address, whatever token or key comes along — for endpoints that
 * check a credential (sign-in, access codes), where a token must not buy more guesses.
 */
export type RateLimitBasis = 'caller' | 'address';

const RATE_LIMIT_BASIS = 'tenggat:rate-limit-basis';

/** One budget a request spends: the limiter, the key within it, and how the refusal names it. */
export interface Budget {
  limiter: RateLimiterMemory;
  key: string;
  who: Message;
}

/** 429 with Retry-After once a budget is spent; a request spends one point of every budget it counts against. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    protected readonly limiters: RateLimiters,
    private readonly reflector: Reflector,
  ) {}

  protected budgets(request: CallerRequest, basis: RateLimitBasis): Budget[] {
    const { client, officer, address } = callerOf(request);
    if (basis === 'caller' && client) return [{ limiter: this.limiters.client, key: client.id, who: message('tooMany.who.client') }];
    if (basis === 'caller' && officer) return [{ limiter: this.limiters.officer, key: officer.id, who: message('tooMany.who.officer') }];
    return [{ limiter: this.limiters.address, key: address, who: message('tooMany.who.address') }];
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const basis = this.reflector.getAllAndOverride<RateLimitBasis | undefined>(RATE_LIMIT_BASIS, [context.getHandler(), context.getClass()]) ?? 'caller';
    for (const { limiter, key, who } of this.budgets(context.switchToHttp().getRequest<CallerRequest>(), basis)) {
      try {
        await limiter.consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        throw new TooManyAttemptsError('tooMany.requests', Math.ceil(rejection.msBeforeNext / 1000), { who });
      }
    }
    return true;
  }
}

/**
 * Counts the route's requests against the budgets of `basis` (see RateLimitBasis). Guards run in the
 * order they are added, and decorators apply bottom-up: write it below a @UseGuards it must precede.
 */
export const RateLimited = (basis: RateLimitBasis = 'caller', guard: new (...args: never[]) => CanActivate = RateLimitGuard) =>
  applyDecorators(SetMetadata(RATE_LIMIT_BASIS, basis), UseGuards(guard), ApiErrors(429));
